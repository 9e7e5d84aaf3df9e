/**
 * The campaign report states the shared figures of the campaign (`campaignFigures`), its log
 * position, its name and terms; its spreadsheet holds the cells of its PDF; a campaign without
 * requests gives a document that says so.
 */
import { ALL_PLATFORMS, campaignFigures, figuresCells, type PlatformFigures } from '@contact-desk/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { campaignReportInput, campaignReportPdf, campaignReportXlsx, exportFileName, textsFor, wallTimeAsUtc } from '../src/index.js';
import { receiptTable } from '../src/campaign-model.js';
import { LATE_ROWS_IN_PDF } from '../src/campaign-pdf.js';
import { AT, CAMPAIGN, campaignMeta, campaignRequests, HEAD_HASH } from './campaign-fixture.js';
import { MINUTE, PLATFORMS } from './fixtures.js';
import { pdfPages, squeeze } from './pdf-text.js';

const name = (id: string) => PLATFORMS.get(id)?.name ?? id;
const input = (language: 'fr' | 'en', campaign = CAMPAIGN) =>
  campaignReportInput(campaignRequests(), campaign, PLATFORMS, campaignMeta({ language }));

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A sheet's rows below its header, as plain values. */
function rows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) out.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return out;
}

describe('the campaign report', () => {
  it('is computed with the shared definitions: the campaign’s requests only, late against its tighter terms', () => {
    const report = input('fr');
    const figures = campaignFigures(campaignRequests(), CAMPAIGN.id, AT);
    expect(report.figures).toEqual(figures);
    const [p1, p2, all] = figures as [PlatformFigures, PlatformFigures, PlatformFigures];
    // p1: C1 on time, C2 acknowledged 2 min late, C3 answered 5 min late, C5 withdrawn.
    expect(p1).toMatchObject({ created: 4, withdrawn: 1, counted: 3, received: 3, acknowledged: 3, answered: 3, late: 2, unanswered: 0 });
    // p2: C4 received, never acknowledged; C6 never received.
    expect(p2).toMatchObject({ created: 2, counted: 2, received: 1, acknowledged: 0, late: 2 });
    expect(all).toMatchObject({ platformId: ALL_PLATFORMS, created: 6, counted: 5, received: 4, late: 4 });
    expect(report.late.map((row) => row.ref)).toEqual(['CD-2026-0102', 'CD-2026-0103', 'CD-2026-0104', 'CD-2026-0106']);
    expect(report.late[0]).toMatchObject({ ackDelayMs: 2 * MINUTE, answerDelayMs: null });
    expect(report.course.at(-1)).toEqual({ at: AT, sent: 5, acknowledged: 3, answered: 3 });
  });

  for (const language of ['fr', 'en'] as const) {
    it(`states in its PDF the figures, the log position, the campaign’s name and terms, and its late requests (${language})`, async () => {
      const report = input(language);
      const texts = textsFor(language);
      const { total, pages } = await pdfPages(await campaignReportPdf(report));
      const first = squeeze(pages[0]!);
      const cells = figuresCells(campaignFigures(campaignRequests(), CAMPAIGN.id, AT), language, name);
      for (const row of [cells.header.slice(1), ...cells.body]) expect(first).toContain(squeeze(row.join('')));
      for (const row of receiptTable(report.figures, texts, name).body) expect(first).toContain(squeeze(row.join('')));
      expect(first).toContain(squeeze(`${texts.meta.headHash}${HEAD_HASH}`));
      expect(first).toContain(squeeze(CAMPAIGN.name));
      const terms =
        language === 'fr' ? 'P0 : accusé en 10 min, réponse en 45 min' : 'P0: acknowledged within 10 min, answered within 45 min';
      expect(first).toContain(squeeze(terms));
      expect(first).toContain(squeeze(language === 'fr' ? 'close le 04/11/2026 00:05' : 'closed on 04/11/2026 00:05'));
      for (const page of pages) expect(squeeze(page)).toContain(squeeze(`#48213 · ${HEAD_HASH}`));
      expect(total).toBe(pages.length);
      const all = squeeze(pages.join('\n'));
      for (const row of report.late) expect(all).toContain(row.ref);
      // Requests of no campaign, or of another, and those on time are not listed; C6, never received, has no answer deadline yet.
      for (const ref of ['CD-2026-0901', 'CD-2026-0902', 'CD-2026-0101', 'CD-2026-0105']) expect(all).not.toContain(ref);
      expect(all).toContain(squeeze(texts.late.total({ rows: 4, ackLate: 3, answerLate: 2, unanswered: 2 })));
    });
  }

  it('writes in its XLSX the cells of its PDF: figures, receipt, course, late rows and the log position', async () => {
    const report = input('fr');
    const texts = textsFor('fr');
    const book = await workbook(await campaignReportXlsx(report));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Chiffres', 'Réception', 'Déroulement', 'Retards', 'Informations']);
    const cells = figuresCells(report.figures, 'fr', name);
    const figures = rows(book.worksheets[0]!);
    expect(figures.map((row) => row.map(String))).toEqual(cells.body);
    // Counts are numbers: they add up.
    expect(figures.at(-1)!.slice(1, 6)).toEqual([6, 1, 5, 3, 3]);
    expect(rows(book.worksheets[1]!)).toEqual(
      receiptTable(report.figures, texts, name).body.map((row) => [row[0], ...row.slice(1).map(Number)]),
    );
    expect(rows(book.worksheets[2]!)).toEqual(
      report.course.map((point) => [new Date(wallTimeAsUtc(point.at, 'Europe/Paris')), point.sent, point.acknowledged, point.answered]),
    );
    expect(rows(book.worksheets[3]!).map((row) => row[0])).toEqual(report.late.map((row) => row.ref));
    const about = book.worksheets[4]!.getSheetValues().flat().map(String);
    for (const value of ['48213', HEAD_HASH, CAMPAIGN.name, 'P0\u00a0: accusé en 10 min, réponse en 45 min'])
      expect(about).toContain(value);
  });

  for (const language of ['fr', 'en'] as const) {
    it(`says when no request was sent under the campaign yet (${language})`, async () => {
      const texts = textsFor(language);
      const report = input(language, { ...CAMPAIGN, id: 'campaign-new', status: 'open', closedAt: null, terms: [] });
      expect(report.figures).toEqual([]);
      const { total, pages } = await pdfPages(await campaignReportPdf(report));
      expect(total).toBe(1);
      expect(squeeze(pages[0]!)).toContain(squeeze(texts.campaign.noRequest));
      expect(squeeze(pages[0]!)).toContain(squeeze(texts.campaign.noTerms));
      const book = await workbook(await campaignReportXlsx(report));
      expect(book.worksheets[0]!.getRow(2).getCell(1).value).toBe(texts.campaign.noRequest);
      expect(book.worksheets.at(-1)!.getSheetValues().flat().map(String)).toContain(HEAD_HASH);
    });
  }

  it('lists the oldest late requests in the PDF when there are very many, and says so; the XLSX lists them all', async () => {
    const report = input('en');
    const late = Array.from({ length: LATE_ROWS_IN_PDF + 2 }, (_, i) => ({
      ...report.late[i % report.late.length]!,
      ref: `CD-2026-${String(i).padStart(5, '0')}`,
    }));
    const { pages } = await pdfPages(await campaignReportPdf({ ...report, late }));
    const all = squeeze(pages.join(''));
    expect(all).toContain(`CD-2026-${String(LATE_ROWS_IN_PDF - 1).padStart(5, '0')}`);
    expect(all).not.toContain(`CD-2026-${String(LATE_ROWS_IN_PDF).padStart(5, '0')}`);
    expect(squeeze(pages.at(-1)!)).toContain(squeeze(textsFor('en').campaign.lateCut(LATE_ROWS_IN_PDF, late.length)));
    expect(squeeze(pages.at(-1)!)).toContain(squeeze(`Total: ${late.length} requests`));
    const book = await workbook(await campaignReportXlsx({ ...report, late }));
    expect(rows(book.getWorksheet('Late responses')!)).toHaveLength(late.length);
  }, 60_000);

  it('is named after the campaign’s days and the log position', () => {
    expect(exportFileName('campaign', campaignMeta(), 'pdf')).toBe(`campagne-2026-11-03_2026-11-04-seq48213-${HEAD_HASH.slice(0, 12)}.pdf`);
    expect(exportFileName('campaign', campaignMeta({ language: 'en' }), 'xlsx')).toBe(
      `campaign-2026-11-03_2026-11-04-seq48213-${HEAD_HASH.slice(0, 12)}.xlsx`,
    );
  });
});
