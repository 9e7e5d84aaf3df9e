import { ALL_PLATFORMS } from '@contact-desk/shared';
import type ExcelJS from 'exceljs';
import { campaignModel } from './campaign-model.js';
import { figuresSheetColumns, isFiguresCount, writeFiguresRows } from './figures-xlsx.js';
import { wallTimeAsUtc } from './format.js';
import type { CampaignReportInput } from './types.js';
import { addAboutSheet, addTableSheet, tableWorkbook, workbookBytes } from './xlsx-about.js';
import { DATE_FORMAT, lateSheetColumns, writeLateRows } from './xlsx.js';

/** The course sheet: a time, then the three cumulative counts. */
function writeCourse(sheet: ExcelJS.Worksheet, input: CampaignReportInput): void {
  for (const point of input.course) {
    const row = sheet.addRow([new Date(wallTimeAsUtc(point.at, input.meta.timeZone)), point.sent, point.acknowledged, point.answered]);
    row.getCell(1).numFmt = DATE_FORMAT;
    row.alignment = { vertical: 'top' };
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
  const { workbook, sheet } = tableWorkbook(meta, texts.figures.sheetName, figuresSheetColumns(figures));
  if (empty) {
    const row = sheet.addRow([texts.campaign.noRequest]);
    row.font = { italic: true };
  } else {
    writeFiguresRows(sheet, figures, isFiguresCount, withTotal);
    writeFiguresRows(addTableSheet(workbook, texts.campaign.receiptSheet, figuresSheetColumns(receipt)), receipt, () => true, withTotal);
    const course = addTableSheet(workbook, texts.campaign.courseSheet, [
      { header: `${texts.campaign.time} (${meta.timeZone})`, width: 20 },
      ...[texts.campaign.sent, texts.campaign.acknowledged, texts.campaign.answered].map((header) => ({ header, width: 14 })),
    ]);
    writeCourse(course, input);
    await writeLateRows(addTableSheet(workbook, texts.late.sheetName, lateSheetColumns(texts)), input.late, texts, meta.timeZone);
  }
  addAboutSheet(workbook, meta, texts, facts, `${texts.campaign.sheetNote} ${texts.campaign.courseNote(meta.timeZone)}`);
  return workbookBytes(workbook);
}
