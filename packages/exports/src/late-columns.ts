import { summarizeOutcomes } from './late-rows.js';
import type { Texts } from './texts/index.js';
import type { LateRow } from './types.js';

/** What a cell of the late list holds, before each format writes it its own way. */
export type LateCell =
  | { readonly type: 'text'; readonly value: string }
  /** Several values (item locations): one per line where the format allows it. */
  | { readonly type: 'lines'; readonly value: readonly string[] }
  | { readonly type: 'time'; readonly value: number | null; readonly empty?: string }
  | { readonly type: 'duration'; readonly value: number | null }
  | { readonly type: 'count'; readonly value: number };

export interface LateColumn {
  readonly key: keyof Texts['late']['columns'];
  readonly cell: (row: LateRow, texts: Texts) => LateCell;
  /** Width in characters, for the spreadsheet. */
  readonly width: number;
  /** Only in the spreadsheets (XLSX, CSV), whose date columns hold nothing but dates. */
  readonly sheetsOnly?: true;
}

const text = (value: string): LateCell => ({ type: 'text', value });

/** The columns of the late-response list, the same in every format. */
export const LATE_COLUMNS: readonly LateColumn[] = [
  { key: 'ref', width: 18, cell: (row) => text(row.ref) },
  { key: 'platform', width: 16, cell: (row) => text(row.platform) },
  { key: 'kind', width: 14, cell: (row, texts) => text(texts.kinds[row.kind]) },
  { key: 'priority', width: 9, cell: (row) => text(row.priority) },
  { key: 'created', width: 17, cell: (row) => ({ type: 'time', value: row.createdAt }) },
  { key: 'ackDeadline', width: 17, cell: (row) => ({ type: 'time', value: row.ackDeadline }) },
  { key: 'ackAt', width: 17, cell: (row) => ({ type: 'time', value: row.ackAt }) },
  { key: 'ackDelay', width: 12, cell: (row) => ({ type: 'duration', value: row.ackDelayMs }) },
  {
    key: 'actionDeadline',
    width: 17,
    cell: (row, texts) => ({ type: 'time', value: row.actionDeadline, empty: texts.late.notReceived }),
  },
  {
    key: 'actionDeadlineNote',
    width: 16,
    sheetsOnly: true,
    cell: (row, texts) => text(row.actionDeadline === null ? texts.late.notReceived : ''),
  },
  { key: 'answeredAt', width: 17, cell: (row) => ({ type: 'time', value: row.answeredAt }) },
  { key: 'answerDelay', width: 12, cell: (row) => ({ type: 'duration', value: row.answerDelayMs }) },
  { key: 'status', width: 14, cell: (row, texts) => text(texts.statuses[row.status]) },
  { key: 'items', width: 9, cell: (row) => ({ type: 'count', value: row.itemCount }) },
  { key: 'outcomes', width: 26, cell: (row, texts) => text(summarizeOutcomes(row.outcomes, texts)) },
  { key: 'locations', width: 48, cell: (row) => ({ type: 'lines', value: row.locations }) },
];

/** The columns of the PDF list, where an empty date says why in its own cell. */
export const PDF_LATE_COLUMNS = LATE_COLUMNS.filter((column) => !column.sheetsOnly);

/** The columns of the spreadsheets (XLSX, CSV): a date column holds only dates. */
export const SHEET_LATE_COLUMNS = LATE_COLUMNS;
