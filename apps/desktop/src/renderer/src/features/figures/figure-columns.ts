import { formatDuration, formatShare, type FigureLanguage, type PlatformFigures } from '@contact-desk/shared';
import type { FigureKind } from './figures-model';
import type { figuresFr } from './texts-fr';

/** A figure of `PlatformFigures` the table shows. */
export type FigureField =
  | 'created'
  | 'withdrawn'
  | 'medianTimeToAck'
  | 'p90TimeToAck'
  | 'medianTimeToAnswer'
  | 'p90TimeToAnswer'
  | 'onTimeShare'
  | 'late'
  | 'lateWithdrawn'
  | 'unanswered';

/** How a figure is written: a count, a duration or a share, each with the shared formatters. */
type Writing = 'count' | 'duration' | 'share';

export interface FigureColumn {
  readonly field: FigureField;
  /** The requests it opens. */
  readonly kind: FigureKind;
  readonly writing: Writing;
  /** Its header: under a group (`group`), with its own `label` below. */
  readonly group?: 'ack' | 'answer' | 'lateGroup';
  readonly label: keyof (typeof figuresFr)['table'];
}

/** The table's columns after the platform's name, left to right. */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { field: 'created', kind: 'created', writing: 'count', label: 'created' },
  { field: 'withdrawn', kind: 'withdrawn', writing: 'count', label: 'withdrawn' },
  { field: 'medianTimeToAck', kind: 'timeToAck', writing: 'duration', group: 'ack', label: 'median' },
  { field: 'p90TimeToAck', kind: 'timeToAck', writing: 'duration', group: 'ack', label: 'p90' },
  { field: 'medianTimeToAnswer', kind: 'timeToAnswer', writing: 'duration', group: 'answer', label: 'median' },
  { field: 'p90TimeToAnswer', kind: 'timeToAnswer', writing: 'duration', group: 'answer', label: 'p90' },
  { field: 'onTimeShare', kind: 'onTime', writing: 'share', label: 'onTime' },
  { field: 'late', kind: 'late', writing: 'count', group: 'lateGroup', label: 'late' },
  { field: 'lateWithdrawn', kind: 'lateWithdrawn', writing: 'count', group: 'lateGroup', label: 'lateWithdrawn' },
  { field: 'unanswered', kind: 'unanswered', writing: 'count', label: 'unanswered' },
];

/** A figure as the table writes it: `formatDuration`, `formatShare`, or the count's digits. */
export function cellText(figures: PlatformFigures, column: FigureColumn, language: FigureLanguage): string {
  const value = figures[column.field];
  if (column.writing === 'duration') return formatDuration(value, language);
  if (column.writing === 'share') return formatShare(value, language);
  return String(value);
}

/** Whether a figure has requests behind it to list (a count above zero, a duration or share that exists). */
export function opensRequests(figures: PlatformFigures, column: FigureColumn): boolean {
  const value = figures[column.field];
  return value !== undefined && (column.writing !== 'count' || value > 0);
}
