import { ALL_PLATFORMS, FIGURES_COLUMNS } from '@contact-desk/shared';
import { figuresTable, type FiguresCells } from './figures-table.js';
import { textsFor } from './texts/index.js';
import type { FiguresInput } from './types.js';
import { addAboutSheet, LINE_HEIGHT, tableWorkbook, type TableColumn } from './xlsx-about.js';
import type { XlsxBook } from './xlsx-book.js';
import type { SheetWriter } from './xlsx-sheet.js';

/** Width of the platform column, in characters. */
const NAME_WIDTH = 30;

/**
 * The columns of a sheet holding a table of figures: the platform's name, then the figures,
 * each wide enough for the longest word of its header in bold ("Acknowledged" is not cut).
 */
export function figuresSheetColumns(table: FiguresCells): TableColumn[] {
  const longestWord = (header: string) => Math.max(...header.split(' ').map((word) => word.length));
  return table.header.map((header, index) => ({
    header,
    width: index === 0 ? NAME_WIDTH : Math.max(12, Math.ceil(longestWord(header) * 1.1) + 1),
  }));
}

/**
 * Writes a table of figures under the header of `sheet` (made with `figuresSheetColumns`):
 * the cells of the PDF — those of count columns as numbers (they add up), the others as the
 * shared text (`2 h 05`, `21,4 %`), right-aligned — and with `totalLast` the last row in bold.
 *
 * @param isCount whether the `index`-th column after the platform's name holds counts
 */
export function writeFiguresRows(
  book: XlsxBook,
  sheet: SheetWriter,
  table: FiguresCells,
  isCount: (index: number) => boolean,
  totalLast: boolean,
): void {
  const style = (bold: boolean) => ({
    name: book.style({ alignment: { vertical: 'top', wrapText: true }, ...(bold ? { font: { bold } } : {}) }),
    figure: book.style({ alignment: { vertical: 'top', horizontal: 'right' }, ...(bold ? { font: { bold } } : {}) }),
  });
  const plain = style(false);
  const total = style(true);
  table.body.forEach((cells, rowIndex) => {
    const styles = totalLast && rowIndex === table.body.length - 1 ? total : plain;
    // Neither Excel nor LibreOffice grows a row to its wrapped name on opening: the height is set.
    const lines = Math.max(1, Math.ceil((cells[0] ?? '').length / (NAME_WIDTH - 2)));
    sheet.addRow(
      cells.map((cell, index) =>
        index === 0 ? { value: cell, style: styles.name } : { value: isCount(index - 1) ? Number(cell) : cell, style: styles.figure },
      ),
      LINE_HEIGHT * lines,
    );
  });
}

/** Whether the `index`-th column of `FIGURES_COLUMNS` holds counts. */
export const isFiguresCount = (index: number): boolean => FIGURES_COLUMNS[index]?.kind === 'count';

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
  const { book, sheet } = tableWorkbook(meta, texts.figures.sheetName, figuresSheetColumns(table));
  writeFiguresRows(
    book,
    sheet,
    table,
    isFiguresCount,
    input.figures.some((f) => f.platformId === ALL_PLATFORMS),
  );
  addAboutSheet(book, meta, texts, [], texts.figures.method);
  return book.bytes();
}
