import type { RequestStatus } from '../domain/request.js';
import { columnNamed, OUTCOME_COLUMNS, type OutcomeColumn } from './outcome-names.js';

/**
 * An outcomes file as read (CSV or XLSX, every cell a string), its header row, and what can be
 * wrong with it: the refusals `planOutcomeImport` lists, by row and column.
 */

/** A sheet as read: its first row's cells, then the other rows, each by header. */
export interface OutcomeSheet {
  readonly headers: readonly string[];
  readonly rows: readonly Readonly<Record<string, string>>[];
  /** The file's number of each row (the header is row 1); by default the rows follow the header with none left out. */
  readonly rowNumbers?: readonly number[];
}

/** A row of cells and its number in the file. */
export interface NumberedRow {
  readonly row: number;
  readonly cells: readonly string[];
}

export const IMPORT_PROBLEMS = [
  'too_large',
  'unreadable',
  'no_rows',
  'too_many_rows',
  'too_many_requests',
  'missing_column',
  'duplicate_column',
  'missing',
  'bad_ref',
  'not_found',
  'not_answerable',
  'unknown_item',
  'ambiguous_item',
  'item_mismatch',
  'bad_outcome',
  'bad_ground',
  'unexpected_ground',
  'too_long',
  'conflict',
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

/** Why a row (or the whole file, `row: null`) is refused. Row 1 is the header row. */
export interface ImportRefusal {
  readonly row: number | null;
  readonly column: OutcomeColumn | null;
  readonly problem: ImportProblem;
  /** What the cell holds (cut at `VALUE_SHOWN` characters); the headers for a column given twice. */
  readonly value: string;
  /** The limit passed (`too_large`, `too_many_*`, `too_long`). */
  readonly limit?: number;
  /** The request's status (`not_answerable`). */
  readonly status?: RequestStatus;
  /** The row that gave the same item another answer (`conflict`). */
  readonly otherRow?: number;
}

export const VALUE_SHOWN = 200;

/** A sheet from its header row and its other rows, numbered (blank rows may be left out). */
export function sheetOf(headerCells: readonly string[], numbered: readonly NumberedRow[]): OutcomeSheet {
  const headers = headerCells.map((header) => header.trim());
  const rows = numbered.map(({ cells }) => Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? ''])));
  return { headers, rows, rowNumbers: numbered.map(({ row }) => row) };
}

/** A sheet from a table of cells, its first row the headers. */
export function sheetFromTable(table: readonly (readonly string[])[]): OutcomeSheet {
  return sheetOf(
    table[0] ?? [],
    table.slice(1).map((cells, index) => ({ row: index + 2, cells })),
  );
}

/** Whether a row has nothing in it but spaces. */
export function isBlankRow(cells: Iterable<string>): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** The header of each column found. */
export type SheetColumns = Readonly<Partial<Record<OutcomeColumn, string>>>;

/** Which header is each column's (and the headers of none), or the refusals of the header row. */
export function readOutcomeHeaders(headers: readonly string[]): { columns: SheetColumns; ignored: string[] } | ImportRefusal[] {
  const found = new Map<OutcomeColumn, string[]>();
  const ignored: string[] = [];
  for (const header of headers) {
    const column = columnNamed(header);
    if (column) found.set(column, [...(found.get(column) ?? []), header]);
    else if (header !== '') ignored.push(header);
  }
  const refused: ImportRefusal[] = [];
  for (const [column, names] of found) {
    if (names.length > 1) refused.push({ row: 1, column, problem: 'duplicate_column', value: names.join(', ') });
  }
  for (const column of ['ref', 'outcome'] as const) {
    if (!found.has(column)) refused.push({ row: 1, column, problem: 'missing_column', value: '' });
  }
  if (!found.has('location') && !found.has('itemId')) refused.push({ row: 1, column: 'location', problem: 'missing_column', value: '' });
  if (refused.length > 0) return refused.sort((a, b) => OUTCOME_COLUMNS.indexOf(a.column!) - OUTCOME_COLUMNS.indexOf(b.column!));
  return { columns: Object.fromEntries([...found].map(([column, names]) => [column, names[0]!])), ignored };
}
