import ExcelJS from 'exceljs';
import { metaLines, wallTimeAsUtc, YIELD_EVERY, yieldToEventLoop } from './format.js';
import { LATE_COLUMNS, type LateCell } from './late-columns.js';
import { textsFor } from './texts/index.js';
import type { LateListInput, ProgressOptions } from './types.js';

const DAY_MS = 86_400_000;
const DATE_FORMAT = 'dd/mm/yyyy hh:mm';
const DURATION_FORMAT = '[h]:mm';

/**
 * The late-response list as an Excel workbook with typed cells: times are Excel dates showing
 * the wall time of the export's time zone (a spreadsheet knows no zones; the zone is named in
 * the "Informations"/"About" sheet), delays are Excel durations (`[h]:mm`, so they add up),
 * counts are numbers. The header row is frozen and carries an autofilter.
 *
 * @param input the rows (from `lateResponseRows`) and the export's metadata
 * @param options `onProgress` called every 1000 rows
 * @returns the `.xlsx` file's bytes
 */
export async function lateListXlsx(input: LateListInput, options: ProgressOptions = {}): Promise<Uint8Array> {
  const { rows, meta } = input;
  const texts = textsFor(meta.language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Contact Desk';
  workbook.created = new Date(meta.generatedAt);
  workbook.title = meta.title;

  const sheet = workbook.addWorksheet(texts.late.sheetName, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  // Printing: landscape A4, all columns on the page width, the header row on every page.
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  sheet.columns = LATE_COLUMNS.map((column) => ({
    header: texts.late.columns[column.key],
    key: column.key,
    width: column.width,
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;

  const cellValue = (cell: LateCell): ExcelJS.CellValue => {
    switch (cell.type) {
      case 'text':
        return cell.value;
      case 'lines':
        return cell.value.join('\n');
      case 'count':
        return cell.value;
      case 'duration':
        return cell.value === null ? null : cell.value / DAY_MS;
      case 'time':
        if (cell.value === null) return cell.empty ?? null;
        return new Date(wallTimeAsUtc(cell.value, meta.timeZone));
    }
  };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const cells = LATE_COLUMNS.map((column) => column.cell(row, texts));
    const excelRow = sheet.addRow(cells.map(cellValue));
    cells.forEach((cell, column) => {
      if (cell.type === 'time' && cell.value !== null) excelRow.getCell(column + 1).numFmt = DATE_FORMAT;
      if (cell.type === 'duration' && cell.value !== null) excelRow.getCell(column + 1).numFmt = DURATION_FORMAT;
    });
    if ((index + 1) % YIELD_EVERY === 0) {
      options.onProgress?.(index + 1, rows.length);
      await yieldToEventLoop();
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LATE_COLUMNS.length } };

  const about = workbook.addWorksheet(texts.meta.sheetName);
  about.columns = [
    { header: texts.meta.field, key: 'field', width: 28 },
    { header: texts.meta.value, key: 'value', width: 70 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRow([meta.title, '']).font = { bold: true, size: 13 };
  for (const [label, value] of metaLines(meta, texts, [[texts.meta.rows, String(rows.length)]])) {
    about.addRow([label, value]);
  }
  about.addRow([
    texts.meta.timeZone,
    meta.language === 'fr'
      ? `Les dates et heures de la feuille « ${texts.late.sheetName} » sont celles du fuseau ${meta.timeZone}.`
      : `The dates and times of the "${texts.late.sheetName}" sheet are wall times in ${meta.timeZone}.`,
  ]);
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  options.onProgress?.(rows.length, rows.length);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
