import { figuresTable } from './figures-table.js';
import { metaLines } from './format.js';
import { labelSeparator, mdTable } from './markdown.js';
import { textsFor } from './texts/index.js';
import type { FiguresInput } from './types.js';

/**
 * The figures of a period as Markdown (GitHub flavour) for the archive: the metadata, the
 * figures table — the very cells of the PDF and the spreadsheet — and how they are counted.
 *
 * @param input per-platform figures (from `platformFigures`, with the total row), platform names, metadata
 * @returns the file's bytes (UTF-8, no byte order mark, LF line ends)
 */
export async function figuresMarkdown(input: FiguresInput): Promise<Uint8Array> {
  const { meta, platforms } = input;
  const texts = textsFor(meta.language);
  const sep = labelSeparator(texts.locale);
  const table = figuresTable(input.figures, meta.language, (id) => platforms.get(id)?.name ?? id);
  const out = [
    `# ${meta.title}`,
    '',
    ...metaLines(meta, texts).map(([label, value]) => `- **${label}**${sep}${value}`),
    '',
    `## ${texts.figures.table}`,
    '',
    table.body.length === 0 ? `_${texts.figures.noData}_` : mdTable(table, 1),
    '',
    `_${texts.figures.method}_`,
    '',
  ];
  return Promise.resolve(new TextEncoder().encode(out.join('\n')));
}
