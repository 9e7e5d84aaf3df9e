import { wallTimeAsUtc, YIELD_EVERY, yieldToEventLoop } from './format.js';
import { SHEET_LATE_COLUMNS, type LateCell } from './late-columns.js';
import { textsFor, type Texts } from './texts/index.js';
import type { LateListInput, LateRow, ProgressOptions } from './types.js';
import { addAboutSheet, LINE_HEIGHT, tableWorkbook, wrappedLines, type TableColumn } from './xlsx-about.js';
import type { XlsxBook } from './xlsx-book.js';
import type { SheetCell, SheetWriter } from './xlsx-sheet.js';

const MINUTE_MS = 60_000;
const DAY_MS = 1440 * MINUTE_MS;
export const DATE_FORMAT = 'dd/mm/yyyy hh:mm';
const DURATION_FORMAT = '[h]:mm';

/** About how many lines a cell wraps to in a column `width` characters wide. */
function cellLines(cell: LateCell, width: number): number {
  if (cell.type === 'lines') return cell.value.reduce((sum, value) => sum + wrappedLines(value, width), 0);
  return cell.type === 'text' ? wrappedLines(cell.value, width) : 0;
}

/** The spreadsheet columns of the late list, headers in the texts' language. */
export function lateSheetColumns(texts: Texts): TableColumn[] {
  return SHEET_LATE_COLUMNS.map((column) => ({ header: texts.late.columns[column.key], width: column.width }));
}

/** The styles of the late list's cells, registered once per workbook. */
function lateStyles(book: XlsxBook) {
  const top = { vertical: 'top' } as const;
  return {
    text: book.style({ alignment: { vertical: 'top', wrapText: true } }),
    time: book.style({ numFmt: DATE_FORMAT, alignment: top }),
    duration: book.style({ numFmt: DURATION_FORMAT, alignment: top }),
    plain: book.style({ alignment: top }),
  };
}

/**
 * Writes the late list's rows under the header of `sheet` (made with `lateSheetColumns`):
 * typed cells, wrapped text, row heights set, an autofilter on the header row.
 */
export async function writeLateRows(
  book: XlsxBook,
  sheet: SheetWriter,
  rows: readonly LateRow[],
  texts: Texts,
  timeZone: string,
  options: ProgressOptions = {},
): Promise<void> {
  const styles = lateStyles(book);
  const sheetCell = (cell: LateCell): SheetCell => {
    switch (cell.type) {
      case 'text':
        return { value: cell.value, style: styles.text };
      case 'lines':
        return { value: cell.value.join('\n'), style: styles.text };
      case 'count':
        return { value: cell.value, style: styles.plain };
      case 'duration':
        // Truncated to the minute, as every export writes a duration.
        return cell.value === null
          ? { value: null, style: styles.plain }
          : { value: (Math.floor(cell.value / MINUTE_MS) * MINUTE_MS) / DAY_MS, style: styles.duration };
      case 'time':
        // A date column holds only dates; why one is empty is in the column beside it.
        return cell.value === null
          ? { value: null, style: styles.plain }
          : { value: new Date(wallTimeAsUtc(cell.value, timeZone)), style: styles.time };
    }
  };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const cells = SHEET_LATE_COLUMNS.map((column) => column.cell(row, texts));
    // Neither Excel nor LibreOffice grows a row to its wrapped text on opening: the height is set.
    const lines = Math.max(1, ...cells.map((cell, column) => cellLines(cell, SHEET_LATE_COLUMNS[column]!.width)));
    sheet.addRow(cells.map(sheetCell), LINE_HEIGHT * lines);
    if ((index + 1) % YIELD_EVERY === 0) {
      options.onProgress?.(index + 1, rows.length);
      await sheet.flush();
      await yieldToEventLoop();
    }
  }
  sheet.filterHeader();
}

/**
 * The late-response list as an Excel workbook with typed cells: times are Excel dates showing
 * the wall time of the export's time zone (a spreadsheet knows no zones; the zone is named in
 * the "Informations"/"About" sheet), and a date column holds nothing else (an action deadline
 * not yet running is empty, its reason in the column beside); delays are Excel durations
 * truncated to the minute (`[h]:mm`, so they add up); counts are numbers; text cells wrap.
 * The header row is frozen and carries an autofilter.
 *
 * @param input the rows (from `lateResponseRows`) and the export's metadata
 * @param options `onProgress` called every 1000 rows
 * @returns the `.xlsx` file's bytes
 */
export async function lateListXlsx(input: LateListInput, options: ProgressOptions = {}): Promise<Uint8Array> {
  const { rows, meta } = input;
  const texts = textsFor(meta.language);
  // Printing: landscape A4, all columns on the page width, the header row on every page.
  const { book, sheet } = tableWorkbook(meta, texts.late.sheetName, lateSheetColumns(texts));
  await writeLateRows(book, sheet, rows, texts, meta.timeZone, options);
  addAboutSheet(book, meta, texts, [[texts.meta.rows, String(rows.length)]], texts.late.sheetNote);
  options.onProgress?.(rows.length, rows.length);
  return book.bytes();
}
