import { ALL_PLATFORMS, FIGURES_COLUMNS } from '@contact-desk/shared';
import { figuresTable } from './figures-table.js';
import { textsFor } from './texts/index.js';
import type { FiguresInput } from './types.js';
import { addAboutSheet, tableWorkbook } from './xlsx-about.js';

/** Width of the platform column, in characters. */
const NAME_WIDTH = 30;

/**
 * The figures of a period as an Excel workbook: the figures table with the cells of the PDF —
 * counts as numbers (they add up), durations and shares as the shared text (`2 h 05`,
 * `21,4 %`), right-aligned — the all-platforms row last, in bold; and the "About" sheet.
 *
 * @param input per-platform figures (from `platformFigures`, with the total row), platform names, metadata
 * @returns the `.xlsx` file's bytes
 */
export async function figuresXlsx(input: FiguresInput): Promise<Uint8Array> {
  const { meta, platforms } = input;
  const texts = textsFor(meta.language);
  const table = figuresTable(input.figures, meta.language, (id) => platforms.get(id)?.name ?? id);
  const { workbook, sheet } = tableWorkbook(meta, texts.figures.sheetName, table.header.map((header, index) => ({ header, width: index === 0 ? NAME_WIDTH : 12 })));
  table.body.forEach((cells, rowIndex) => {
    const row = sheet.addRow(cells.map((cell, index) => (FIGURES_COLUMNS[index - 1]?.kind === 'count' ? Number(cell) : cell)));
    row.eachCell((cell, column) => {
      cell.alignment = column === 1 ? { vertical: 'top', wrapText: true } : { vertical: 'top', horizontal: 'right' };
    });
    // Neither Excel nor LibreOffice grows a row to its wrapped name on opening: the height is set.
    row.height = 15 * Math.max(1, Math.ceil((cells[0] ?? '').length / (NAME_WIDTH - 2)));
    if (rowIndex === table.body.length - 1 && input.figures.some((f) => f.platformId === ALL_PLATFORMS)) row.font = { bold: true };
  });
  addAboutSheet(workbook, meta, texts, [], texts.figures.method);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
