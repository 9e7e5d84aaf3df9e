import type ExcelJS from 'exceljs';
import { wallTimeAsUtc, YIELD_EVERY, yieldToEventLoop } from './format.js';
import { SHEET_LATE_COLUMNS, type LateCell } from './late-columns.js';
import { textsFor, type Texts } from './texts/index.js';
import type { LateListInput, LateRow, ProgressOptions } from './types.js';
import { addAboutSheet, tableWorkbook, workbookBytes } from './xlsx-about.js';

const MINUTE_MS = 60_000;
const DAY_MS = 1440 * MINUTE_MS;
export const DATE_FORMAT = 'dd/mm/yyyy hh:mm';
const DURATION_FORMAT = '[h]:mm';
/** Points a line of 11-point text takes in a row. */
const LINE_HEIGHT = 15;

/** About how many lines a text cell wraps to in a column `width` characters wide (characters of "0": text runs narrower). */
function wrappedLines(cell: LateCell, width: number): number {
  const values = cell.type === 'lines' ? cell.value : cell.type === 'text' ? cell.value.split('\n') : [];
  return values.reduce((sum, value) => sum + Math.max(1, Math.ceil(value.length / Math.max(1, width * 1.15))), 0);
}

/** The spreadsheet columns of the late list, headers in the texts' language. */
export function lateSheetColumns(texts: Texts): Partial<ExcelJS.Column>[] {
  return SHEET_LATE_COLUMNS.map((column) => ({ header: texts.late.columns[column.key], key: column.key, width: column.width }));
}

/**
 * Writes the late list's rows under the header of `sheet` (made with `lateSheetColumns`):
 * typed cells, wrapped text, row heights set, an autofilter on the header row.
 */
export async function writeLateRows(
  sheet: ExcelJS.Worksheet,
  rows: readonly LateRow[],
  texts: Texts,
  timeZone: string,
  options: ProgressOptions = {},
): Promise<void> {
  const cellValue = (cell: LateCell): ExcelJS.CellValue => {
    switch (cell.type) {
      case 'text':
        return cell.value;
      case 'lines':
        return cell.value.join('\n');
      case 'count':
        return cell.value;
      case 'duration':
        // Truncated to the minute, as every export writes a duration.
        return cell.value === null ? null : (Math.floor(cell.value / MINUTE_MS) * MINUTE_MS) / DAY_MS;
      case 'time':
        // A date column holds only dates; why one is empty is in the column beside it.
        if (cell.value === null) return null;
        return new Date(wallTimeAsUtc(cell.value, timeZone));
    }
  };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const cells = SHEET_LATE_COLUMNS.map((column) => column.cell(row, texts));
    const excelRow = sheet.addRow(cells.map(cellValue));
    cells.forEach((cell, column) => {
      const excelCell = excelRow.getCell(column + 1);
      if (cell.type === 'time' && cell.value !== null) excelCell.numFmt = DATE_FORMAT;
      if (cell.type === 'duration' && cell.value !== null) excelCell.numFmt = DURATION_FORMAT;
      excelCell.alignment = cell.type === 'lines' || cell.type === 'text' ? { vertical: 'top', wrapText: true } : { vertical: 'top' };
    });
    // Neither Excel nor LibreOffice grows a row to its wrapped text on opening: the height is set.
    excelRow.height = LINE_HEIGHT * Math.max(1, ...cells.map((cell, column) => wrappedLines(cell, SHEET_LATE_COLUMNS[column]!.width)));
    if ((index + 1) % YIELD_EVERY === 0) {
      options.onProgress?.(index + 1, rows.length);
      await yieldToEventLoop();
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SHEET_LATE_COLUMNS.length } };
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
  const { workbook, sheet } = tableWorkbook(meta, texts.late.sheetName, lateSheetColumns(texts));
  await writeLateRows(sheet, rows, texts, meta.timeZone, options);
  addAboutSheet(workbook, meta, texts, [[texts.meta.rows, String(rows.length)]], texts.late.sheetNote);
  options.onProgress?.(rows.length, rows.length);
  return workbookBytes(workbook);
}
