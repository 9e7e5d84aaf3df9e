import { LATE_TABLE_PAD, LATE_TABLE_SIZE, LateTableLayout, type CellBlock } from './late-pdf-table.js';
import { robotoMeasure } from './pdf-canvas.js';
import { tableLayout, type PdfNode } from './pdf.js';
import type { Texts } from './texts/index.js';
import type { LateRow } from './types.js';

/** pdfmake's text of a cell laid out by `LateTableLayout`: its lines as they are, never wrapped again. */
function cellNode(block: CellBlock): PdfNode {
  return {
    // A line a node: pdfmake's `noWrap` would join the lines of one text.
    stack: block.lines.map((line) => ({ text: line, noWrap: true })),
    color: block.color,
    alignment: block.align,
    noWrap: true,
    ...(block.face === 'bold' ? { bold: true } : block.face === 'italic' ? { italics: true } : {}),
  };
}

/**
 * The late list's table as a pdfmake node, for a document that also holds pdfmake's tables and
 * charts (the campaign report): the columns, widths and cells of the late-response list's PDF
 * (`LateTableLayout`, the same wrapping and cutting), the header row repeated on every page,
 * rows never split, zebra rows. pdfmake lays out about a thousand such rows a second: for
 * lists of thousands, the late-response list's own PDF is the one to make.
 *
 * @param width the table's width in points, padding included
 */
export function lateTableNode(rows: readonly LateRow[], texts: Texts, timeZone: string, width: number): PdfNode {
  const table = new LateTableLayout(robotoMeasure(), texts, timeZone, width);
  const layout = { ...tableLayout(LATE_TABLE_PAD.x), paddingTop: () => LATE_TABLE_PAD.y, paddingBottom: () => LATE_TABLE_PAD.y };
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: table.columns.map((column) => column.width - 2 * LATE_TABLE_PAD.x),
      body: [table.header.cells.map(cellNode), ...rows.map((row) => table.layout(row).cells.map(cellNode))],
    },
    layout,
    fontSize: LATE_TABLE_SIZE,
    lineHeight: 1.05,
  };
}
