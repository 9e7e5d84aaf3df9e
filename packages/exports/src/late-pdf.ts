import { formatDayMonthYear, formatDuration, YIELD_EVERY, yieldToEventLoop } from './format.js';
import { LATE_COLUMNS, type LateCell } from './late-columns.js';
import { headerCell, metaBlock, renderPdf, tableLayout, type PdfNode } from './pdf.js';
import { textsFor } from './texts/index.js';
import type { LateListInput, ProgressOptions } from './types.js';

/**
 * A text cell; words too long for a column (URLs, long references) may break anywhere. Only
 * those cells get `break-all`: it makes pdfmake measure every character, ten times slower.
 */
function wrapping(text: string): PdfNode {
  return /\S{16}/.test(text) ? { text, wordBreak: 'break-all' } : text;
}

/** Widths of the PDF columns, in the order of `LATE_COLUMNS` (landscape A4). */
const WIDTHS: readonly (number | string)[] = [62, 54, 46, 26, 38, 38, 38, 30, 38, 38, 30, 44, 30, 62, '*'];

/**
 * The late-response list as a PDF: landscape A4, the title and metadata block, then one table
 * whose header row is repeated on every page, zebra rows, long references and URLs wrapped,
 * and "page x / y" with the log position in the footer. Times are in the export's zone,
 * delays in h:mm.
 *
 * Building the document gives the event loop a turn every 1000 rows; pdfmake's layout itself
 * then runs in one go (about a second per thousand rows) — run it in a worker to keep a window
 * responsive for very long lists.
 *
 * @param input the rows (from `lateResponseRows`) and the export's metadata
 * @param options `onProgress` called every 1000 rows while the table is built
 * @returns the PDF's bytes
 */
export async function lateListPdf(input: LateListInput, options: ProgressOptions = {}): Promise<Uint8Array> {
  const { rows, meta } = input;
  const texts = textsFor(meta.language);
  const pdfCell = (cell: LateCell): PdfNode => {
    switch (cell.type) {
      case 'text':
        return wrapping(cell.value);
      case 'lines':
        return wrapping(cell.value.join('\n'));
      case 'count':
        return { text: String(cell.value), alignment: 'right' };
      case 'duration':
        return { text: cell.value === null ? '' : formatDuration(cell.value), alignment: 'right', bold: true };
      case 'time':
        return cell.value === null
          ? { text: cell.empty ?? '', italics: true }
          : { text: formatDayMonthYear(cell.value, meta.timeZone).replace(' ', '\n') };
    }
  };
  const body: PdfNode[][] = [LATE_COLUMNS.map((column) => headerCell(texts.late.columns[column.key]))];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    body.push(LATE_COLUMNS.map((column) => pdfCell(column.cell(row, texts))));
    if ((index + 1) % YIELD_EVERY === 0) {
      options.onProgress?.(index + 1, rows.length);
      await yieldToEventLoop();
    }
  }
  const content: PdfNode[] = [
    ...metaBlock(meta, texts, [[texts.meta.rows, String(rows.length)]]),
    rows.length === 0
      ? { text: texts.late.empty, italics: true }
      : {
          table: { headerRows: 1, widths: WIDTHS, body, dontBreakRows: true },
          layout: tableLayout(2.5),
          fontSize: 6.5,
        },
  ];
  const bytes = await renderPdf({ meta, texts, orientation: 'landscape', content });
  options.onProgress?.(rows.length, rows.length);
  return bytes;
}
