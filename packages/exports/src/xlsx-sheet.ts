/**
 * One worksheet of an `XlsxBook`, written row by row straight into its deflated part: the rows
 * are SpreadsheetML text from the moment they are added, strings inline (no shared-string
 * table to hold), each cell naming a style registered once with the book.
 */
import type { ZipEntry } from './zip.js';

/** A cell: its value (a `Date` is written as the spreadsheet's zone-less serial of its UTC fields) and style. */
export interface SheetCell {
  readonly value: string | number | Date | null;
  /** A style id from `XlsxBook.style` (0, the default, when absent). */
  readonly style?: number;
}

export interface SheetColumn {
  /** Width in characters of "0". */
  readonly width: number;
}

export interface SheetOptions {
  readonly columns: readonly SheetColumn[];
  /** Rows and columns kept in view when scrolling. */
  readonly frozen?: { readonly columns: number; readonly rows: number };
  readonly orientation: 'portrait' | 'landscape';
  /** Pages high the print is fitted to (0: as many as it takes); always one page wide. */
  readonly pagesHigh: number;
  /** The first row is printed on every page. */
  readonly headerOnEveryPage?: boolean;
}

/** Markup characters, and the control characters and non-characters XML cannot hold (tab and line breaks aside). */
const XML_SPECIAL = /[&<>"\p{Cc}\uFFFE\uFFFF]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '\t', '\n': '\n', '\r': '\r' };

/** Text as XML character data or attribute value; characters XML cannot hold are dropped. */
export function xmlText(text: string): string {
  return text.replace(XML_SPECIAL, (c) => ENTITIES[c] ?? '');
}

/** Days from the spreadsheet's epoch (30 December 1899) to 1 January 1970. */
const EPOCH_DAYS = 25_569;
const DAY_MS = 86_400_000;

/** The column's letters: 1 → A, 27 → AA. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const NUMBER_LIMIT = 1e15;
const EDGE_SPACE = /^\s|\s$/;

function cellXml(ref: string, cell: SheetCell): string {
  const style = cell.style ? ` s="${cell.style}"` : '';
  const { value } = cell;
  if (value === null) return style ? `<c r="${ref}"${style}/>` : '';
  if (typeof value === 'string') {
    // Readers trim a text's outer spaces unless told to keep them.
    const space = EDGE_SPACE.test(value) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
  }
  const number = value instanceof Date ? EPOCH_DAYS + value.getTime() / DAY_MS : value;
  if (!Number.isFinite(number) || Math.abs(number) >= NUMBER_LIMIT) throw new RangeError(`cell ${ref} holds ${String(value)}`);
  return `<c r="${ref}"${style}><v>${number}</v></c>`;
}

/** Rows held as text before they are handed to the deflater. */
const ROWS_PER_WRITE = 500;

export class SheetWriter {
  private readonly letters: string[];
  private pending: string[] = [];
  private written: Promise<void> = Promise.resolve();
  private rowCount = 0;
  private readonly merges: string[] = [];
  private filter: string | null = null;

  constructor(
    readonly name: string,
    private readonly part: ZipEntry,
    private readonly options: SheetOptions,
  ) {
    this.letters = options.columns.map((_, index) => columnName(index + 1));
    this.pending.push(this.opening());
  }

  /** Adds a row below the last; `height` in points, when the row must grow to wrapped text. */
  addRow(cells: readonly SheetCell[], height?: number): number {
    const number = ++this.rowCount;
    let xml = `<row r="${number}"${height === undefined ? '' : ` ht="${height}" customHeight="1"`}>`;
    for (let index = 0; index < cells.length; index++) xml += cellXml(`${this.letter(index)}${number}`, cells[index]!);
    this.pending.push(`${xml}</row>`);
    if (this.pending.length >= ROWS_PER_WRITE) this.send();
    return number;
  }

  /** Merges the cells of row `row` from column `first` to `last` (1-based). */
  merge(row: number, first: number, last: number): void {
    this.merges.push(`${columnName(first)}${row}:${columnName(last)}${row}`);
  }

  /** Puts an autofilter on the first row, over every column. */
  filterHeader(): void {
    this.filter = `A1:${this.letter(this.options.columns.length - 1)}1`;
  }

  /** Resolves once the rows added so far are in the deflater: the point to give the event loop a turn. */
  async flush(): Promise<void> {
    this.send();
    await this.written;
  }

  /** Writes the sheet's end; nothing can be added after. */
  async close(): Promise<void> {
    const { orientation, pagesHigh } = this.options;
    this.pending.push(
      '</sheetData>',
      this.filter ? `<autoFilter ref="${this.filter}"/>` : '',
      this.merges.length > 0
        ? `<mergeCells count="${this.merges.length}">${this.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
        : '',
      '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
      `<pageSetup paperSize="9" orientation="${orientation}" fitToWidth="1" fitToHeight="${pagesHigh}"/>`,
      '</worksheet>',
    );
    await this.flush();
  }

  /** The print titles' reference for the workbook's defined names, when the header repeats on every page. */
  printTitles(): string | null {
    return this.options.headerOnEveryPage ? `'${this.name.replace(/'/g, "''")}'!$1:$1` : null;
  }

  private letter(index: number): string {
    return this.letters[index] ?? columnName(index + 1);
  }

  private send(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.written = this.written.then(() => this.part.write(text));
  }

  private opening(): string {
    const { columns, frozen } = this.options;
    const pane = frozen
      ? `<pane xSplit="${frozen.columns}" ySplit="${frozen.rows}" topLeftCell="${columnName(frozen.columns + 1)}${frozen.rows + 1}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/>`
      : '';
    const cols = columns
      .map((column, index) => `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"/>`)
      .join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${cols}</cols><sheetData>`
    );
  }
}
