/** Reading the repository's Markdown documents: sections by heading, table rows, fenced blocks. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function readDoc(relativePath: string): string {
  return readFileSync(join(repoRoot, relativePath), 'utf8');
}

/**
 * The text of the section whose heading starts with `title` (e.g. `## 7.` or `### 7.1`), up to
 * the next heading of the same or a higher level (lines of fenced code are not headings). Throws when there is no such heading, so a
 * renamed section fails the test that reads it instead of passing on nothing.
 */
export function section(markdown: string, title: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${title}`));
  if (start < 0) throw new Error(`no section "${title}"`);
  const level = /^#+/.exec(title)?.[0].length ?? 0;
  let fenced = false;
  const end = lines.findIndex((line, index) => {
    if (line.startsWith('```')) fenced = !fenced;
    return index > start && !fenced && /^#+ /.test(line) && (/^#+/.exec(line)?.[0].length ?? 0) <= level;
  });
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The cells of every table row of a text (header and separator rows included). */
export function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.replaceAll('\\|', '|').trim()),
    );
}

/** The names written in backticks in a text: `request.create` → request.create. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
}
