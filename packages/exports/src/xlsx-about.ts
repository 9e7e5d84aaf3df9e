import { metaLines } from './format.js';
import type { Texts } from './texts/index.js';
import type { ExportMeta } from './types.js';
import { XlsxBook } from './xlsx-book.js';
import type { SheetWriter } from './xlsx-sheet.js';

/** A column of a table sheet: its header and its width in characters. */
export interface TableColumn {
  readonly header: string;
  readonly width: number;
}

/** Widths of the "About" sheet's columns, in characters, and the points a line of text takes. */
const LABEL_WIDTH = 24;
const VALUE_WIDTH = 64;
export const LINE_HEIGHT = 15;

/** About how many lines a text takes in a column `width` characters of "0" wide (text runs narrower), its own line breaks kept. */
export function wrappedLines(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / (width * 1.15))), 0);
}

/**
 * The "Informations"/"About" sheet every workbook carries: the title, then one label and its
 * value per row, side by side — period, time zone, generation time, log position, platforms and
 * the export's own lines — and a note on how to read the other sheets. Printed on one page.
 */
export function addAboutSheet(
  book: XlsxBook,
  meta: ExportMeta,
  texts: Texts,
  extra: readonly (readonly [string, string])[],
  note: string,
): SheetWriter {
  const about = book.addSheet(texts.meta.sheetName, {
    columns: [{ width: LABEL_WIDTH }, { width: VALUE_WIDTH }],
    orientation: 'portrait',
    pagesHigh: 1,
  });
  const alignment = { wrapText: true, vertical: 'top' } as const;
  const title = book.style({ font: { bold: true, size: 13 }, alignment });
  const label = book.style({ font: { bold: true }, alignment });
  const value = book.style({ alignment });
  const noted = book.style({ font: { italic: true, color: 'FF5C5C5C' }, alignment });
  const titleRow = about.addRow([
    { value: meta.title, style: title },
    { value: null, style: title },
  ]);
  about.merge(titleRow, 1, 2);
  for (const [field, text] of metaLines(meta, texts, extra)) {
    // Neither Excel nor LibreOffice grows a row to its wrapped text on opening: the height is set.
    const lines = Math.max(wrappedLines(field, LABEL_WIDTH), wrappedLines(text, VALUE_WIDTH));
    about.addRow(
      [
        { value: field, style: label },
        { value: text, style: value },
      ],
      LINE_HEIGHT * lines,
    );
  }
  const noteRow = about.addRow(
    [
      { value: note, style: noted },
      { value: null, style: noted },
    ],
    LINE_HEIGHT * Math.max(3, wrappedLines(note, LABEL_WIDTH + VALUE_WIDTH)),
  );
  about.merge(noteRow, 1, 2);
  return about;
}

/**
 * A sheet holding a table: its header row frozen (with the first column), white on dark blue
 * and wrapped, printed landscape on the page width with the header on every page.
 */
export function addTableSheet(book: XlsxBook, sheetName: string, columns: readonly TableColumn[]): SheetWriter {
  const sheet = book.addSheet(sheetName, {
    columns,
    frozen: { columns: 1, rows: 1 },
    orientation: 'landscape',
    pagesHigh: 0,
    headerOnEveryPage: true,
  });
  const header = book.style({
    font: { bold: true, color: 'FFFFFFFF' },
    fill: 'FF1F3864',
    alignment: { vertical: 'center', wrapText: true },
  });
  sheet.addRow(
    columns.map((column) => ({ value: column.header, style: header })),
    30,
  );
  return sheet;
}

/** A workbook of the export whose first sheet is a table (`addTableSheet`). */
export function tableWorkbook(
  meta: ExportMeta,
  sheetName: string,
  columns: readonly TableColumn[],
): { book: XlsxBook; sheet: SheetWriter } {
  const book = new XlsxBook({ creator: 'Contact Desk', title: meta.title, created: meta.generatedAt });
  return { book, sheet: addTableSheet(book, sheetName, columns) };
}
