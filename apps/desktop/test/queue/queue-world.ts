import { priorityRanks, type Request, type TriageViewer } from '@contact-desk/shared';
import { IDS, type Desk, type Seeded } from '../../../../packages/shared/test/fixtures';
import { NO_FILTERS, type QueueFilters } from '../../src/renderer/src/features/queue/queue-filters';
import { indexRequests } from '../../src/renderer/src/features/queue/queue-index';
import { listRows } from '../../src/renderer/src/features/queue/queue-list';
import { orderRows, type SortOrder } from '../../src/renderer/src/features/queue/queue-order';
import { tabCounts, triageFacts, type QueueTab } from '../../src/renderer/src/features/queue/queue-triage';

export { createRequest, HOUR, IDS, itemOf, MINUTE, seeded } from '../../../../packages/shared/test/fixtures';
export type { Seeded };

export const DAY = 24 * 60 * 60_000;

/** Who looks at the queue, as the screen builds them from the signed-in actor. */
export const VIEWERS = {
  lina: { userId: IDS.metaLiaison, role: 'liaison', platformId: 'meta' },
  bruno: { userId: IDS.metaBackup, role: 'liaison', platformId: 'meta' },
  tom: { userId: IDS.tiktokLiaison, role: 'liaison', platformId: 'tiktok' },
  olivier: { userId: IDS.operator, role: 'operator', platformId: null },
  claire: { userId: IDS.prefect, role: 'prefect', platformId: null },
  anne: { userId: IDS.observer, role: 'observer', platformId: null },
} as const satisfies Record<string, TriageViewer>;

export interface QueueQuery {
  readonly tab?: QueueTab;
  readonly order?: SortOrder;
  readonly filters?: Partial<QueueFilters>;
  readonly held?: (id: string) => boolean;
}

/** The queue's pipeline at `now` as the screen runs it: index, triage facts, one sort, tab and filters. */
export function queue(desk: Desk, viewer: TriageViewer, query: QueueQuery = {}, now = desk.now) {
  const index = indexRequests(desk.state.requests, desk.state.platforms);
  const facts = triageFacts(index, now, priorityRanks(desk.state.policy));
  const ordered = orderRows(index, facts, query.order ?? 'urgency');
  const listed = listRows(ordered, query.tab ?? 'all', { ...NO_FILTERS, ...query.filters }, viewer, query.held ?? (() => false));
  return { refs: listed.rows.map((row) => row.entry.request.ref), inTab: listed.inTab, counts: tabCounts(index, facts, viewer) };
}

export function refsOf(desk: Desk, ids: readonly string[]): string[] {
  return ids.map((id) => desk.request(id).ref);
}

export function requestsOf(desk: Desk, ids: readonly string[]): Request[] {
  return ids.map((id) => desk.request(id));
}
