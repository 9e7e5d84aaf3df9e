import { campaignModel } from './campaign-model.js';
import { campaignCourseSvg } from './course-chart.js';
import { figuresTableNode } from './figures-pdf.js';
import { lateTotal } from './late-rows.js';
import { lateTableNode } from './late-table-node.js';
import { COLORS, factsTable, metaBlock, renderPdf, type PdfNode } from './pdf.js';
import type { Texts } from './texts/index.js';
import type { CampaignReportInput } from './types.js';

/** Width of the content of a landscape A4 page with the common margins, in points. */
const WIDTH = 777;
/** Width of the platform column of the short receipt table, in points. */
const RECEIPT_NAME_WIDTH = 130;
/**
 * Most late requests the PDF lists, oldest first: pdfmake lays out about 400 such rows a second
 * (decision 0006); the workbook lists them all, and the total line counts them all.
 */
export const LATE_ROWS_IN_PDF = 500;

/** Roboto has no narrow no-break space (French thousands separator): pdfmake gets a no-break space. */
const roboto = (text: string) => text.replace(/\u202f/g, '\u00a0');

/** The late requests' table, cut to `LATE_ROWS_IN_PDF` rows with a note saying so, and its total line. */
function lateSection(input: CampaignReportInput, texts: Texts): PdfNode[] {
  const { late, meta } = input;
  if (late.length === 0) return [{ text: texts.campaign.noLate, italics: true }];
  const shown = late.slice(0, LATE_ROWS_IN_PDF);
  return [
    lateTableNode(shown, texts, meta.timeZone, WIDTH),
    { text: roboto(lateTotal(late, texts)), bold: true, color: COLORS.header, fontSize: 7.5, margin: [0, 5, 0, 0] },
    ...(shown.length < late.length
      ? [{ text: roboto(texts.campaign.lateCut(shown.length, late.length)), style: 'note', margin: [0, 3, 0, 0] }]
      : []),
  ];
}

/**
 * The campaign report as a PDF (landscape A4): the metadata block citing the log position; the
 * campaign (name, start, open or closed, its tighter terms, the time the figures are as of);
 * the figures table of `figuresCells` for the campaign's requests, all platforms last; the
 * receipt table (counted, received, acknowledged, answered); the campaign's course as a chart
 * (`campaignCourseSvg`); and its late or unanswered requests in the late-response list's table,
 * the oldest `LATE_ROWS_IN_PDF` when there are more (a note says so; the XLSX lists them all),
 * with the total line of them all. Every page's footer repeats the log position and the head hash. A
 * campaign without requests yet gives its block and a sentence saying so.
 *
 * @param input the campaign, its figures, course and late rows, platform names, metadata (see `campaignReportInput`)
 * @returns the PDF's bytes
 */
export async function campaignReportPdf(input: CampaignReportInput): Promise<Uint8Array> {
  const { meta } = input;
  const { texts, facts, empty, figures, receipt } = campaignModel(input);
  const campaignBlock: PdfNode = { stack: [{ text: texts.campaign.heading, style: 'h1', margin: [0, 0, 0, 5] }, factsTable(facts, false)] };
  const content: PdfNode[] = [...metaBlock(meta, texts)];
  if (empty) {
    content.push(campaignBlock, { text: texts.campaign.noRequest, italics: true, margin: [0, 14, 0, 0] });
  } else {
    content.push(
      // The campaign and how far its requests got, side by side.
      {
        columns: [
          { width: '*', ...campaignBlock },
          {
            width: 'auto',
            stack: [
              { text: texts.campaign.receipt, style: 'h1', margin: [0, 0, 0, 5] },
              figuresTableNode(receipt, RECEIPT_NAME_WIDTH),
              { text: texts.campaign.receiptNote, style: 'note', margin: [0, 4, 0, 0] },
            ],
          },
        ],
        columnGap: 18,
      },
      { text: texts.figures.table, style: 'h1' },
      figuresTableNode(figures),
      { text: texts.figures.method, style: 'note', margin: [0, 4, 0, 0] },
      { text: texts.campaign.course, style: 'h1', pageBreak: 'before' },
      { text: texts.campaign.courseNote(meta.timeZone), style: 'note', margin: [0, 0, 0, 6] },
      {
        svg: campaignCourseSvg(input.course, { language: meta.language, timeZone: meta.timeZone, width: WIDTH, height: 430 }),
        width: WIDTH,
      },
      { text: texts.campaign.late, style: 'h1', pageBreak: 'before' },
      ...lateSection(input, texts),
    );
  }
  return renderPdf({ meta, texts, orientation: 'landscape', content });
}
