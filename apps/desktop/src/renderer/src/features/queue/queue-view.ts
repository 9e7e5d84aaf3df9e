import { REQUEST_STATUSES } from '@contact-desk/shared';
import { z } from 'zod';
import { NO_FILTERS, type OwnerFilter, type QueueFilters } from './queue-filters';
import { SORT_ORDERS, type SortOrder } from './queue-order';
import { QUEUE_TABS, type QueueTab } from './queue-triage';

/** What the user chose to look at: a tab, filters and an order. Named views save exactly this. */
export interface QueueView {
  readonly tab: QueueTab;
  readonly filters: QueueFilters;
  readonly order: SortOrder;
}

/** Where the user was: the view, how far down the list, and the row the cursor was on. */
export interface QueuePlace {
  readonly view: QueueView;
  readonly scrollTop: number;
  readonly cursorId: string | null;
}

export function initialView(tab: QueueTab): QueueView {
  return { tab, filters: NO_FILTERS, order: 'urgency' };
}

/** The stored (JSON) form of a view: sets as sorted arrays. A field that does not parse falls back to its default. */
export const storedViewSchema = z.object({
  tab: z.enum(QUEUE_TABS).catch('all'),
  order: z.enum(SORT_ORDERS).catch('urgency'),
  filters: z
    .object({
      text: z.string().max(500).catch(''),
      platforms: z.array(z.string().max(80)).max(200).catch([]),
      statuses: z.array(z.enum(REQUEST_STATUSES)).catch([]),
      priorities: z.array(z.string().max(40)).max(50).catch([]),
      levels: z.array(z.number().int().min(0).max(3)).catch([]),
      campaigns: z.array(z.string().max(200)).max(200).catch([]),
      owner: z
        .string()
        .regex(/^(|me|none|user:[\w-]{1,80})$/)
        .catch(''),
    })
    .catch({ text: '', platforms: [], statuses: [], priorities: [], levels: [], campaigns: [], owner: '' }),
});
export type StoredView = z.infer<typeof storedViewSchema>;

const sorted = <T extends string | number>(values: ReadonlySet<T>): T[] => [...values].sort();

export function storeView(view: QueueView): StoredView {
  const { filters } = view;
  return {
    tab: view.tab,
    order: view.order,
    filters: {
      text: filters.text,
      platforms: sorted(filters.platforms),
      statuses: sorted(filters.statuses),
      priorities: sorted(filters.priorities),
      levels: sorted(filters.levels),
      campaigns: sorted(filters.campaigns),
      owner: filters.owner,
    },
  };
}

export function restoreView(stored: StoredView): QueueView {
  const { filters } = stored;
  return {
    tab: stored.tab,
    order: stored.order,
    filters: {
      text: filters.text,
      platforms: new Set(filters.platforms),
      statuses: new Set(filters.statuses),
      priorities: new Set(filters.priorities),
      levels: new Set(filters.levels),
      campaigns: new Set(filters.campaigns),
      owner: filters.owner as OwnerFilter,
    },
  };
}

/** Same tab, order and filters (search text compared trimmed). */
export function sameView(a: QueueView, b: QueueView): boolean {
  const x = storeView(a);
  const y = storeView(b);
  return (
    JSON.stringify({ ...x, filters: { ...x.filters, text: x.filters.text.trim() } }) ===
    JSON.stringify({ ...y, filters: { ...y.filters, text: y.filters.text.trim() } })
  );
}
