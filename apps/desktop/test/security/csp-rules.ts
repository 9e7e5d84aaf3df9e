/** A Content-Security-Policy as directive → sources; the first occurrence of a directive wins. */
export type Policy = ReadonlyMap<string, readonly string[]>;

export function parsePolicy(text: string): Policy {
  const policy = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    const directive = name.toLowerCase();
    if (!policy.has(directive)) policy.set(directive, sources);
  }
  return policy;
}

/** The policy of the `<meta http-equiv="Content-Security-Policy">` of an HTML page, or null. */
export function metaPolicyOf(html: string): string | null {
  const meta = /<meta\s[^>]*http-equiv\s*=\s*"Content-Security-Policy"[^>]*>/i.exec(html);
  if (meta === null) return null;
  const content = /\scontent\s*=\s*"([^"]*)"/i.exec(meta[0]);
  return content?.[1] ?? null;
}

/** The sources a fetch directive falls back to when it is absent (CSP Level 3). */
function effective(policy: Policy, chain: readonly string[]): readonly string[] | undefined {
  for (const directive of chain) {
    const sources = policy.get(directive);
    if (sources !== undefined) return sources;
  }
  return undefined;
}

const UNSAFE_SCRIPT_KEYWORDS = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'"];

/** `*`, `*.host`, `https://*…` or a bare scheme (`https:`, `data:`, `blob:`) admit any host or content. */
function isWildcard(source: string): boolean {
  return source.includes('*') || /^[a-z][a-z0-9+.-]*:$/i.test(source);
}

function scriptSourceProblems(name: string, sources: readonly string[] | undefined): string[] {
  if (sources === undefined) return [`${name}: absent, so scripts may load from anywhere`];
  return [
    ...sources.filter((source) => UNSAFE_SCRIPT_KEYWORDS.includes(source.toLowerCase())).map((source) => `${name}: ${source}`),
    ...sources.filter(isWildcard).map((source) => `${name}: wildcard source ${source}`),
  ];
}

export interface Placement {
  /**
   * A `<meta>` policy cannot carry frame-ancestors (browsers ignore it there): the page's HTTP
   * server must send it. A policy sent as a response header must carry it.
   */
  readonly asHeader: boolean;
}

/**
 * What the app's policies must hold: no inline or eval'd script and no wildcard script or worker
 * source; no plugins; no <base> rewriting; no form posting; no framing by other sites; no inline
 * style. Returns the problems found, empty when the policy holds.
 */
export function policyProblems(text: string, { asHeader }: Placement): string[] {
  const policy = parsePolicy(text);
  const problems = [
    ...scriptSourceProblems('script-src', effective(policy, ['script-src', 'default-src'])),
    ...scriptSourceProblems('worker-src', effective(policy, ['worker-src', 'child-src', 'script-src', 'default-src'])),
  ];
  const style = effective(policy, ['style-src', 'default-src']) ?? [];
  if (style.some((source) => source.toLowerCase() === "'unsafe-inline'")) problems.push("style-src: 'unsafe-inline'");

  const exactlyNone = (sources: readonly string[] | undefined): boolean => sources?.length === 1 && sources[0] === "'none'";
  const noneOrSelf = (sources: readonly string[] | undefined): boolean =>
    sources?.length === 1 && (sources[0] === "'none'" || sources[0] === "'self'");

  if (!exactlyNone(effective(policy, ['object-src', 'default-src']))) problems.push("object-src: not 'none'");
  // base-uri, form-action and frame-ancestors do not fall back to default-src.
  if (!noneOrSelf(policy.get('base-uri'))) problems.push("base-uri: not 'none' or 'self'");
  if (!noneOrSelf(policy.get('form-action'))) problems.push("form-action: not 'none' or 'self'");
  if (!exactlyNone(effective(policy, ['frame-src', 'child-src', 'default-src']))) problems.push("frame-src: not 'none'");
  if (asHeader && !noneOrSelf(policy.get('frame-ancestors'))) problems.push("frame-ancestors: not 'none' or 'self'");
  return problems;
}
