import { formatDuration } from '@contact-desk/shared';
import { formatDayMonthYear } from './format.js';
import { PDF_LATE_COLUMNS, type LateCell, type LateColumn } from './late-columns.js';
import type { PdfCanvas } from './pdf-canvas.js';
import { COLORS } from './pdf-colors.js';
import type { Measure, RobotoFace } from './roboto.js';
import type { Texts } from './texts/index.js';
import type { LateRow } from './types.js';
import { wrapText, wrapValues, type WrapOptions } from './wrap-text.js';

/** Type size of the table, in points, and the room around a cell's text. */
export const LATE_TABLE_SIZE = 6.5;
const SIZE = LATE_TABLE_SIZE;
const LINE_STEP = SIZE * 1.2;
export const LATE_TABLE_PAD = { x: 2.5, y: 2 } as const;
const PAD_X = LATE_TABLE_PAD.x;
const PAD_Y = LATE_TABLE_PAD.y;
/** Most lines a cell may take: the row stays far shorter than a page (it is never split). */
const MAX_LINES = { text: 4, header: 3, values: 12 } as const;
/** How much wider than its content a column may grow to keep its header on one line. */
const HEADER_SLACK = 8;
/** Columns that get a fixed width; the locations take what is left. */
const FIXED_WIDTH: Partial<Record<LateColumn['key'], number>> = { platform: 62, outcomes: 74 };
/** Columns of figures (delays, counts): right-aligned, their headers too. */
const RIGHT_ALIGNED: ReadonlySet<LateColumn['key']> = new Set(['ackDelay', 'answerDelay', 'items']);
/** Columns kept as narrow as their longest expected value. */
const SAMPLE: Partial<Record<LateColumn['key'], (texts: Texts) => readonly string[]>> = {
  ref: () => ['CD-2026-000000'],
  kind: (texts) => Object.values(texts.kinds),
  priority: () => ['P0'],
  status: (texts) => Object.values(texts.statuses).flatMap((status) => status.split(' ')),
  items: () => ['000'],
};

/**
 * Control characters (tabs, carriage returns of pasted text) have no glyph: drawn as spaces.
 * A text keeps its line breaks; each of several values stays on lines of its own.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/g;

/** A cell's text as laid out: its face, colour, alignment and lines. */
export interface CellBlock {
  readonly face: RobotoFace;
  readonly color: string;
  readonly align: 'left' | 'right';
  readonly lines: readonly string[];
}

/** A row ready to draw. */
export interface LaidRow {
  readonly cells: readonly CellBlock[];
  readonly height: number;
}

/** A column of the table: `x` from the table's left edge, `width` with the padding. */
export interface PlacedColumn {
  readonly column: LateColumn;
  readonly x: number;
  readonly width: number;
}

/**
 * The late list's table laid out, whatever draws it: the columns of `PDF_LATE_COLUMNS` with
 * widths computed once from the texts of the language (dates and delays never wrap, kinds and
 * header words are never cut), the header row, and each row laid out on its own (`layout`)
 * so that the caller can decide the page break before drawing it.
 */
export class LateTableLayout {
  readonly columns: readonly PlacedColumn[];
  readonly header: LaidRow;
  private readonly wrap: Record<RobotoFace, (width: number, maxLines: number) => WrapOptions>;

  constructor(
    measure: Measure,
    private readonly texts: Texts,
    private readonly timeZone: string,
    readonly width: number,
  ) {
    const measures = {
      regular: (text: string) => measure('regular', SIZE, text),
      bold: (text: string) => measure('bold', SIZE, text),
      italic: (text: string) => measure('italic', SIZE, text),
    };
    this.wrap = {
      regular: (maxWidth, maxLines) => ({ maxWidth, maxLines, measure: measures.regular }),
      bold: (maxWidth, maxLines) => ({ maxWidth, maxLines, measure: measures.bold }),
      italic: (maxWidth, maxLines) => ({ maxWidth, maxLines, measure: measures.italic }),
    };
    const contentWidth = (column: LateColumn): number => {
      const headerWords = texts.late.columns[column.key].split(' ').map(measures.bold);
      const fixed = FIXED_WIDTH[column.key];
      const sample = SAMPLE[column.key]?.(texts) ?? [];
      const widest = (values: readonly number[]) => Math.max(0, ...values);
      const values =
        fixed !== undefined
          ? [fixed - 2 * PAD_X]
          : column.key === 'ackDelay' || column.key === 'answerDelay'
            ? [measures.bold('0000:00')]
            : ['created', 'ackDeadline', 'ackAt', 'actionDeadline', 'answeredAt'].includes(column.key)
              ? [measures.regular('00/00/0000')]
              : sample.map(measures.regular);
      const needed = widest([...headerWords, ...values]);
      // A header a few points wider than the content stays on one line.
      const header = measures.bold(texts.late.columns[column.key]);
      return Math.ceil((header <= needed + HEADER_SLACK ? Math.max(header, needed) : needed) + 2 * PAD_X + 0.5);
    };
    const widths = PDF_LATE_COLUMNS.map((column) => (column.key === 'locations' ? 0 : contentWidth(column)));
    const rest = width - widths.reduce((sum, w) => sum + w, 0);
    const placed: PlacedColumn[] = [];
    let cursor = 0;
    PDF_LATE_COLUMNS.forEach((column, index) => {
      const columnWidth = column.key === 'locations' ? rest : widths[index]!;
      placed.push({ column, x: cursor, width: columnWidth });
      cursor += columnWidth;
    });
    this.columns = placed;
    const headerCells = placed.map(({ column, width: w }): CellBlock => ({
      face: 'bold',
      color: '#ffffff',
      align: RIGHT_ALIGNED.has(column.key) ? 'right' : 'left',
      lines: wrapText(texts.late.columns[column.key], this.wrap.bold(w - 2 * PAD_X, MAX_LINES.header)),
    }));
    this.header = { cells: headerCells, height: rowHeight(headerCells) };
  }

  /** Lays out one row: every cell wrapped to its column. */
  layout(row: LateRow): LaidRow {
    const cells = this.columns.map(({ column, width }) => this.cell(column.cell(row, this.texts), width - 2 * PAD_X));
    return { cells, height: rowHeight(cells) };
  }

  private cell(cell: LateCell, maxWidth: number): CellBlock {
    switch (cell.type) {
      case 'text':
        return {
          face: 'regular',
          color: COLORS.ink,
          align: 'left',
          lines: wrapText(cell.value.replace(CONTROL_EXCEPT_NEWLINE, ' '), this.wrap.regular(maxWidth, MAX_LINES.text)),
        };
      case 'lines':
        return {
          face: 'regular',
          color: COLORS.ink,
          align: 'left',
          lines: wrapValues(
            cell.value.map((value) => value.replace(CONTROL, ' ')),
            this.wrap.regular(maxWidth, MAX_LINES.values),
            this.texts.late.moreValues,
          ),
        };
      case 'count':
        return {
          face: 'regular',
          color: COLORS.ink,
          align: 'right',
          lines: wrapText(String(cell.value), this.wrap.regular(maxWidth, MAX_LINES.text)),
        };
      case 'duration':
        return {
          face: 'bold',
          color: COLORS.ink,
          align: 'right',
          lines:
            cell.value === null ? [] : wrapText(formatDuration(cell.value, this.texts.language), this.wrap.bold(maxWidth, MAX_LINES.text)),
        };
      case 'time':
        if (cell.value === null) {
          const empty = cell.empty ?? '';
          return {
            face: 'italic',
            color: COLORS.muted,
            align: 'left',
            lines: empty ? wrapText(empty, this.wrap.italic(maxWidth, MAX_LINES.text)) : [],
          };
        }
        // `dd/mm/yyyy hh:mm`: the day above the time, so that the column stays narrow.
        return { face: 'regular', color: COLORS.ink, align: 'left', lines: formatDayMonthYear(cell.value, this.timeZone).split(' ') };
    }
  }
}

/**
 * The late list's table drawn on a `PdfCanvas`, `x` being its left edge: the layout of
 * `LateTableLayout` measured with the canvas's own fonts, the header row (`drawHeader`) and
 * each row (`layout`, then `draw`).
 */
export class LateTable {
  private readonly table: LateTableLayout;

  constructor(
    private readonly canvas: PdfCanvas,
    texts: Texts,
    timeZone: string,
    private readonly x: number,
    width: number,
  ) {
    this.table = new LateTableLayout((face, size, text) => canvas.measure(face, size, text), texts, timeZone, width);
  }

  get width(): number {
    return this.table.width;
  }

  /** Height of the header row. */
  get headerHeight(): number {
    return this.table.header.height;
  }

  /** Lays out one row: every cell wrapped to its column. */
  layout(row: LateRow): LaidRow {
    return this.table.layout(row);
  }

  /** Draws the header row with its top at `y`; returns the y below it. */
  drawHeader(y: number): number {
    this.canvas.fillRect(this.x, y, this.width, this.table.header.height, COLORS.header);
    this.drawCells(this.table.header, y);
    return y + this.table.header.height;
  }

  /** Draws a laid-out row with its top at `y` (zebra when `shaded`); returns the y below it. */
  draw(row: LaidRow, y: number, shaded: boolean): number {
    if (shaded) this.canvas.fillRect(this.x, y, this.width, row.height, COLORS.zebra);
    this.canvas.hRule(this.x, this.x + this.width, y + row.height, 0.4, COLORS.rule);
    this.drawCells(row, y);
    return y + row.height;
  }

  private drawCells(row: LaidRow, y: number): void {
    const inset = (LINE_STEP - this.canvas.lineHeight('regular', SIZE)) / 2;
    row.cells.forEach((cell, index) => {
      const { x: offset, width } = this.table.columns[index]!;
      const x = this.x + offset;
      cell.lines.forEach((line, n) => {
        const top = y + PAD_Y + n * LINE_STEP + inset;
        const left = cell.align === 'right' ? x + width - PAD_X - this.canvas.measure(cell.face, SIZE, line) : x + PAD_X;
        this.canvas.text(cell.face, SIZE, cell.color, left, top, line);
      });
    });
  }
}

function rowHeight(cells: readonly CellBlock[]): number {
  const lines = Math.max(1, ...cells.map((cell) => cell.lines.length));
  return 2 * PAD_Y + lines * LINE_STEP;
}
