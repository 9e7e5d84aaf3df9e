/**
 * Generated parts of a Markdown document sit between marker comments:
 * `<!-- example:NAME:begin -->` … `<!-- example:NAME:end -->`. Everything else is left as written.
 */
const MARKER = /<!-- example:([a-z0-9-]+):begin -->\n[\s\S]*?<!-- example:\1:end -->/g;

/** The names of the generated parts a document has, in order. */
export function markerNames(markdown: string): string[] {
  return [...markdown.matchAll(MARKER)].map((match) => match[1] ?? '');
}

/**
 * The document with each marked part replaced by its example. Throws when a part has no
 * example or an example has no part: neither may go unnoticed.
 */
export function fillMarkers(markdown: string, examples: ReadonlyMap<string, string>): string {
  const names = markerNames(markdown);
  const unused = [...examples.keys()].filter((name) => !names.includes(name));
  if (unused.length > 0) throw new Error(`no marker for the example(s) ${unused.join(', ')}`);
  return markdown.replace(MARKER, (_whole, name: string) => {
    const example = examples.get(name);
    if (example === undefined) throw new Error(`no example is generated for the marker "${name}"`);
    return `<!-- example:${name}:begin -->\n${example.trimEnd()}\n<!-- example:${name}:end -->`;
  });
}
