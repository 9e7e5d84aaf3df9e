import { ALL_PLATFORMS } from '@contact-desk/shared';
import { campaignModel } from './campaign-model.js';
import { figuresSheetColumns, isFiguresCount, writeFiguresRows } from './figures-xlsx.js';
import { wallTimeAsUtc } from './format.js';
import type { CampaignReportInput } from './types.js';
import { addAboutSheet, addTableSheet, tableWorkbook } from './xlsx-about.js';
import type { XlsxBook } from './xlsx-book.js';
import type { SheetWriter } from './xlsx-sheet.js';
import { DATE_FORMAT, lateSheetColumns, writeLateRows } from './xlsx.js';

/** The course sheet: a time, then the three cumulative counts. */
function writeCourse(book: XlsxBook, sheet: SheetWriter, input: CampaignReportInput): void {
  const time = book.style({ numFmt: DATE_FORMAT, alignment: { vertical: 'top' } });
  const count = book.style({ alignment: { vertical: 'top' } });
  for (const point of input.course) {
    sheet.addRow([
      { value: new Date(wallTimeAsUtc(point.at, input.meta.timeZone)), style: time },
      ...[point.sent, point.acknowledged, point.answered].map((value) => ({ value, style: count })),
    ]);
  }
}

/**
 * The campaign report as an Excel workbook, the cells of the PDF: the figures sheet (the
 * figures table, counts as numbers, all platforms last in bold), the receipt sheet (counted,
 * received, acknowledged, answered), the course sheet (times as dates showing the wall time of
 * the export's zone, cumulative counts as numbers), the late sheet (the late-response list's
 * columns and typed cells), and the "About" sheet with the metadata, the log position and the
 * campaign's block. A campaign without requests yet says so on its figures sheet.
 *
 * @param input the campaign, its figures, course and late rows, platform names, metadata (see `campaignReportInput`)
 * @returns the `.xlsx` file's bytes
 */
export async function campaignReportXlsx(input: CampaignReportInput): Promise<Uint8Array> {
  const { meta } = input;
  const { texts, facts, empty, figures, receipt } = campaignModel(input);
  const withTotal = input.figures.some((row) => row.platformId === ALL_PLATFORMS);
  const { book, sheet } = tableWorkbook(meta, texts.figures.sheetName, figuresSheetColumns(figures));
  if (empty) {
    sheet.addRow([{ value: texts.campaign.noRequest, style: book.style({ font: { italic: true } }) }]);
  } else {
    writeFiguresRows(book, sheet, figures, isFiguresCount, withTotal);
    const receiptSheet = addTableSheet(book, texts.campaign.receiptSheet, figuresSheetColumns(receipt));
    writeFiguresRows(book, receiptSheet, receipt, () => true, withTotal);
    const course = addTableSheet(book, texts.campaign.courseSheet, [
      { header: `${texts.campaign.time} (${meta.timeZone})`, width: 20 },
      ...[texts.campaign.sent, texts.campaign.acknowledged, texts.campaign.answered].map((header) => ({ header, width: 14 })),
    ]);
    writeCourse(book, course, input);
    await writeLateRows(book, addTableSheet(book, texts.late.sheetName, lateSheetColumns(texts)), input.late, texts, meta.timeZone);
  }
  addAboutSheet(book, meta, texts, facts, `${texts.campaign.sheetNote} ${texts.campaign.courseNote(meta.timeZone)}`);
  return book.bytes();
}
