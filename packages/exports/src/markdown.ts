/** Markdown (GitHub flavour) pieces shared by the Markdown exports. */

function mdEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A table; columns from `numericFrom` on are right-aligned. */
export function mdTable(table: { header: readonly string[]; body: readonly (readonly string[])[] }, numericFrom = Infinity): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdEscape).join(' | ')} |`;
  return [
    line(table.header),
    `|${table.header.map((_, i) => (i >= numericFrom ? ' ---: ' : ' --- ')).join('|')}|`,
    ...table.body.map(line),
  ].join('\n');
}

/** `Label : value` in French typography, `Label: value` in English. */
export const labelSeparator = (locale: string) => (locale.startsWith('fr') ? '\u00a0: ' : ': ');
