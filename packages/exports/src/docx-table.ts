import {
  AlignmentType,
  BorderStyle,
  PageOrientation,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  Paragraph,
  WidthType,
} from 'docx';

/**
 * Tables of the Word exports, laid out so that Word and LibreOffice agree: explicit column widths
 * in twentieths of a point (DXA) summing to the text width, a fixed layout (no autofit from the
 * content), rows that never split across pages, and the header row repeated on every page.
 */

/** A4 in DXA, and the margins every Word export uses (2 cm). */
export const PAGE = { width: 11_906, height: 16_838, margin: 1_134 } as const;

/** The text width of a page in DXA. */
export function textWidth(orientation: 'portrait' | 'landscape'): number {
  return (orientation === 'portrait' ? PAGE.width : PAGE.height) - 2 * PAGE.margin;
}

/** The page properties of a section. */
export function pageOf(orientation: 'portrait' | 'landscape') {
  return {
    // docx swaps width and height itself for a landscape page.
    size: {
      width: PAGE.width,
      height: PAGE.height,
      orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
    },
    margin: {
      top: PAGE.margin,
      bottom: PAGE.margin,
      left: PAGE.margin,
      right: PAGE.margin,
    },
  };
}

/** Widths in DXA from relative weights, summing exactly to `total`. */
export function columnWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((weight) => Math.floor((weight / sum) * total));
  widths[0]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * Relative widths from what each column holds, so that no word is cut: a column is as wide as its
 * longest header word (bold, a tenth wider) or its longest cell — a figure never wraps — and the
 * first column (names, which may wrap between words) at most `nameCap` characters.
 */
export function contentWeights(table: { header: readonly string[]; body: readonly (readonly string[])[] }, nameCap = 18): number[] {
  const longestWord = (text: string, factor = 1) => Math.max(...text.split(/\s+/).map((word) => word.length * factor));
  return table.header.map((header, c) => {
    const headerWord = longestWord(header, 1.1);
    if (c > 0) return Math.max(3, headerWord, ...table.body.map((row) => (row[c] ?? '').length));
    const names = table.body.map((row) => row[0] ?? '');
    const words = Math.max(headerWord, ...names.map((name) => longestWord(name)));
    const longestName = Math.max(0, ...names.map((name) => name.length));
    return Math.max(words, Math.min(nameCap, longestName));
  });
}

export interface DocxTableOptions {
  /** Relative width of each column. */
  readonly weights: readonly number[];
  readonly orientation: 'portrait' | 'landscape';
  /** Columns from this index on are right-aligned (figures). */
  readonly numericFrom?: number;
  /** Font size in half-points (default: the document's). */
  readonly size?: number;
  /** Rows whose first cell is one of these are written in bold (totals). */
  readonly boldRows?: readonly string[];
}

const border = { style: BorderStyle.SINGLE, size: 4, color: 'C9D1DE' };
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

export function docxTable(table: { header: readonly string[]; body: readonly (readonly string[])[] }, options: DocxTableOptions): Table {
  const widths = columnWidths(options.weights, textWidth(options.orientation));
  const numericFrom = options.numericFrom ?? Infinity;
  const align = (c: number) => (c >= numericFrom ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const run = (text: string, extra: { bold?: boolean; color?: string } = {}) =>
    new TextRun({
      text,
      ...extra,
      ...(options.size ? { size: options.size } : {}),
    });
  const cell = (text: string, c: number, extra: { bold?: boolean; color?: string }, fill?: string) =>
    new TableCell({
      width: { size: widths[c]!, type: WidthType.DXA },
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
      children: [new Paragraph({ alignment: align(c), children: [run(text, extra)] })],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.header.map((h, c) => cell(h, c, { bold: true, color: 'FFFFFF' }, '1F3864')),
      }),
      ...table.body.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, c) =>
              cell(text, c, options.boldRows?.includes(row[0] ?? '') ? { bold: true } : {}, r % 2 === 1 ? 'F2F5FA' : undefined),
            ),
          }),
      ),
    ],
  });
}
