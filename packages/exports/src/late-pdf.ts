import { formatLogPosition, metaLines, YIELD_EVERY, yieldToEventLoop } from './format.js';
import { LateTable } from './late-pdf-table.js';
import { lateTotal } from './late-rows.js';
import { PdfCanvas } from './pdf-canvas.js';
import { COLORS } from './pdf-colors.js';
import { textsFor, type Texts } from './texts/index.js';
import type { ExportMeta, LateListInput, ProgressOptions } from './types.js';
import { wrapText, withEllipsis } from './wrap-text.js';

/** Page frame (points, landscape A4 is 841.89 × 595.28): margins, and the footer's line. */
const MARGIN = { left: 28, right: 28, top: 28, bottom: 36 };
const FOOTER_TOP_FROM_BOTTOM = 22;
const FOOTER_SIZE = 7;
const TITLE_SIZE = 15;
const META_SIZE = 8;
const META_STEP = META_SIZE * 1.3;

/** Draws the title and the metadata block at the top of the first page; returns the y below it. */
function drawMetaBlock(canvas: PdfCanvas, meta: ExportMeta, texts: Texts, rows: number): number {
  const width = canvas.width - MARGIN.left - MARGIN.right;
  let y = MARGIN.top;
  const measureTitle = (text: string) => canvas.measure('bold', TITLE_SIZE, text);
  for (const line of wrapText(meta.title, { maxWidth: width, maxLines: 3, measure: measureTitle })) {
    canvas.text('bold', TITLE_SIZE, COLORS.header, MARGIN.left, y, line);
    y += TITLE_SIZE * 1.25;
  }
  y += 4;
  const lines = metaLines(meta, texts, [[texts.meta.rows, String(rows)]]);
  const labelWidth = Math.max(...lines.map(([label]) => canvas.measure('regular', META_SIZE, label))) + 14;
  const measureValue = (text: string) => canvas.measure('regular', META_SIZE, text);
  for (const [label, value] of lines) {
    canvas.text('regular', META_SIZE, COLORS.muted, MARGIN.left, y, label);
    for (const line of wrapText(value, { maxWidth: width - labelWidth, maxLines: 8, measure: measureValue })) {
      canvas.text('regular', META_SIZE, COLORS.ink, MARGIN.left + labelWidth, y, line);
      y += META_STEP;
    }
  }
  return y + 8;
}

/** "title · log position · zone" on the left and "page x / y" on the right of every page. */
function drawFooter(canvas: PdfCanvas, meta: ExportMeta, texts: Texts, page: number, count: number): void {
  const y = canvas.height - FOOTER_TOP_FROM_BOTTOM;
  const right = canvas.width - MARGIN.right;
  const pageLabel = texts.meta.page(page, count);
  const pageWidth = canvas.measure('regular', FOOTER_SIZE, pageLabel);
  canvas.text('regular', FOOTER_SIZE, COLORS.ink, right - pageWidth, y, pageLabel);
  const measure = (text: string) => canvas.measure('regular', FOOTER_SIZE, text);
  const room = { maxWidth: right - pageWidth - 16 - MARGIN.left, maxLines: 1, measure };
  const left = `${meta.title} · ${texts.meta.logPosition} ${formatLogPosition(meta)} · ${meta.timeZone}`;
  canvas.text('regular', FOOTER_SIZE, COLORS.muted, MARGIN.left, y, measure(left) <= room.maxWidth ? left : withEllipsis(left, room));
}

/**
 * The late-response list as a PDF: landscape A4, the title and metadata block (period, zone,
 * generation time, log position with the head hash when known, platforms, row count), then one
 * table whose header row is repeated on every page, rows never split across pages, zebra rows,
 * long references and URLs wrapped, cells that would grow too tall cut with "…" (and "… and n
 * more" for the locations), a total line, and on every page a footer with the title, the log
 * position and "page x / y". Times are in the export's zone, delays in h:mm. Roboto is embedded.
 *
 * The table is drawn directly with pdfkit (see `pdf-canvas.ts`): about a second for 10,000
 * rows in Node. The event loop gets a turn every 1000 rows.
 *
 * @param input the rows (from `lateResponseRows`) and the export's metadata
 * @param options `onProgress` called every 1000 rows while the table is drawn
 * @returns the PDF's bytes
 */
export async function lateListPdf(input: LateListInput, options: ProgressOptions = {}): Promise<Uint8Array> {
  const { rows, meta } = input;
  const texts = textsFor(meta.language);
  const canvas = new PdfCanvas({
    title: meta.title,
    lang: texts.locale,
    creationDate: new Date(meta.generatedAt),
    orientation: 'landscape',
  });
  const bottom = canvas.height - MARGIN.bottom;
  canvas.addPage();
  let y = drawMetaBlock(canvas, meta, texts, rows.length);

  if (rows.length === 0) {
    canvas.text('italic', 9, COLORS.ink, MARGIN.left, y, texts.late.empty);
  } else {
    const table = new LateTable(canvas, texts, meta.timeZone, MARGIN.left, canvas.width - MARGIN.left - MARGIN.right);
    y = table.drawHeader(y);
    for (let index = 0; index < rows.length; index++) {
      const row = table.layout(rows[index]!);
      if (y + row.height > bottom) {
        canvas.addPage();
        y = table.drawHeader(MARGIN.top);
      }
      y = table.draw(row, y, index % 2 === 1);
      if ((index + 1) % YIELD_EVERY === 0) {
        options.onProgress?.(index + 1, rows.length);
        await yieldToEventLoop();
      }
    }
    const total = lateTotal(rows, texts);
    if (y + 16 > bottom) {
      canvas.addPage();
      y = MARGIN.top;
    }
    canvas.text('bold', 7.5, COLORS.header, MARGIN.left, y + 5, total);
  }

  const count = canvas.pageCount;
  for (let page = 0; page < count; page++) {
    canvas.drawOnPage(page, () => drawFooter(canvas, meta, texts, page + 1, count));
  }
  const bytes = await canvas.finish();
  options.onProgress?.(rows.length, rows.length);
  return bytes;
}
