import { compareUrgency } from '@contact-desk/shared';
import type { IndexedRequest } from './queue-index';
import type { TriageFacts } from './queue-triage';
import { drain, mapInSteps, sortInSteps, type Work } from '../common/sliced-work';

/** Urgency is the triage order (docs/triage.md); the others are for looking something up. */
export const SORT_ORDERS = ['urgency', 'newest', 'oldest', 'ref'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** A request of the queue with its clock-dependent facts. */
export interface Row {
  readonly entry: IndexedRequest;
  readonly facts: TriageFacts;
}

function byRef(a: Row, b: Row): number {
  const x = a.entry.request.ref;
  const y = b.entry.request.ref;
  return x < y ? -1 : x > y ? 1 : 0;
}

const COMPARE: Readonly<Record<SortOrder, (a: Row, b: Row) => number>> = {
  urgency: (a, b) => compareUrgency(a.facts.key, b.facts.key) || byRef(a, b),
  newest: (a, b) => b.entry.request.createdAt - a.entry.request.createdAt || byRef(b, a),
  oldest: (a, b) => a.entry.request.createdAt - b.entry.request.createdAt || byRef(a, b),
  ref: (a, b) => byRef(b, a),
};

/**
 * Every request in one order, sorted once per clock tick or change of order; tabs and filters
 * then keep the rows they want without sorting again. A possible pause every few thousand rows.
 */
export function* orderInSteps(index: readonly IndexedRequest[], facts: readonly TriageFacts[], order: SortOrder): Work<Row[]> {
  const rows = yield* mapInSteps(index, (entry, i): Row => ({ entry, facts: facts[i]! }));
  return yield* sortInSteps(rows, COMPARE[order]);
}

export function orderRows(index: readonly IndexedRequest[], facts: readonly TriageFacts[], order: SortOrder): Row[] {
  return drain(orderInSteps(index, facts, order));
}
