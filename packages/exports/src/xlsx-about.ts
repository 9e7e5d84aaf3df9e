import ExcelJS from 'exceljs';
import { metaLines } from './format.js';
import type { Texts } from './texts/index.js';
import type { ExportMeta } from './types.js';

/** Print set-up of every sheet: A4, the whole width on one page, the header row on every page. */
export function printSetup(orientation: 'portrait' | 'landscape', titleRows?: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
}

/** Widths of the "About" sheet's columns, in characters, and the points a line of text takes. */
const LABEL_WIDTH = 24;
const VALUE_WIDTH = 64;
const LINE_HEIGHT = 15;

/** About how many lines a text takes in a column `width` characters of "0" wide (text runs narrower), its own line breaks kept. */
function wrappedLines(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / (width * 1.15))), 0);
}

/**
 * The "Informations"/"About" sheet every workbook carries: the title, then one label and its
 * value per row, side by side — period, time zone, generation time, log position, platforms and
 * the export's own lines — and a note on how to read the other sheets. Printed on one page.
 */
export function addAboutSheet(
  workbook: ExcelJS.Workbook,
  meta: ExportMeta,
  texts: Texts,
  extra: readonly (readonly [string, string])[],
  note: string,
): ExcelJS.Worksheet {
  const about = workbook.addWorksheet(texts.meta.sheetName);
  about.pageSetup = { ...printSetup('portrait'), fitToHeight: 1 };
  about.columns = [
    { key: 'field', width: LABEL_WIDTH },
    { key: 'value', width: VALUE_WIDTH },
  ];
  const title = about.addRow([meta.title]);
  title.font = { bold: true, size: 13 };
  about.mergeCells(title.number, 1, title.number, 2);
  for (const [label, value] of metaLines(meta, texts, extra)) {
    const row = about.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    // Neither Excel nor LibreOffice grows a row to its wrapped text on opening: the height is set.
    row.height = LINE_HEIGHT * Math.max(wrappedLines(label, LABEL_WIDTH), wrappedLines(value, VALUE_WIDTH));
  }
  const noteRow = about.addRow([note]);
  about.mergeCells(noteRow.number, 1, noteRow.number, 2);
  noteRow.font = { italic: true, color: { argb: 'FF5C5C5C' } };
  noteRow.height = LINE_HEIGHT * Math.max(3, wrappedLines(note, LABEL_WIDTH + VALUE_WIDTH));
  about.eachRow((row) => {
    row.eachCell((cell) => {
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  return about;
}

/**
 * A sheet holding a table: its header row frozen (with the first column), white on dark blue
 * and wrapped, printed landscape on the page width with the header on every page.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, sheetName: string, columns: Partial<ExcelJS.Column>[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.pageSetup = printSetup('landscape', '1:1');
  sheet.columns = columns;
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  return sheet;
}

/** A workbook of the export whose first sheet is a table (`addTableSheet`). */
export function tableWorkbook(
  meta: ExportMeta,
  sheetName: string,
  columns: Partial<ExcelJS.Column>[],
): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Contact Desk';
  workbook.created = new Date(meta.generatedAt);
  workbook.title = meta.title;
  return { workbook, sheet: addTableSheet(workbook, sheetName, columns) };
}

/** The bytes of a workbook's `.xlsx` file. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
