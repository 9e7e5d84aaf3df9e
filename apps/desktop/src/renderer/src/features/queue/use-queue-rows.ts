import { priorityRanks, type TriageViewer } from '@contact-desk/shared';
import { useDeferredValue, useMemo } from 'react';
import { useDesk } from '../../state/desk-store';
import { useRelayNow } from '../common/use-relay-now';
import { indexRequests } from './queue-index';
import { listRows } from './queue-list';
import { orderRows } from './queue-order';
import { tabCounts, triageFacts } from './queue-triage';
import type { QueueView } from './queue-view';

/** Which request is late, and the urgency order, are computed again at this pace; countdowns every second. */
export const COARSE_MS = 10_000;

/**
 * The rows of the queue for a view: every request indexed once per change of the data, its
 * triage facts once per coarse tick, one sort per tick or order, then a filter pass for the tab
 * and the filters (the filters deferred, so typing stays responsive on 100k rows).
 * `heldIds`: requests acted on here that stay listed while the relay has not answered.
 */
export function useQueueRows(view: QueueView, viewer: TriageViewer, heldIds: ReadonlySet<string>) {
  const requests = useDesk((s) => s.view.requests);
  const platforms = useDesk((s) => s.view.platforms);
  const policy = useDesk((s) => s.view.policy);
  const pendingIds = useDesk((s) => s.pendingIds);
  const now = useRelayNow(COARSE_MS);

  const index = useMemo(() => indexRequests(requests, platforms), [requests, platforms]);
  const rankOf = useMemo(() => priorityRanks(policy), [policy]);
  const facts = useMemo(() => triageFacts(index, now, rankOf), [index, now, rankOf]);
  const counts = useMemo(() => tabCounts(index, facts, viewer), [index, facts, viewer]);
  const ordered = useMemo(() => orderRows(index, facts, view.order), [index, facts, view.order]);

  // Deferred as a whole: a keystroke in the search box renders at once, the 100k-row pass after.
  const filters = useDeferredValue(view.filters);
  const listed = useMemo(
    () => listRows(ordered, view.tab, filters, viewer, (id) => heldIds.has(id) && pendingIds.has(id)),
    [ordered, view.tab, filters, viewer, heldIds, pendingIds],
  );

  return { rows: listed.rows, inTabCount: listed.inTab, counts };
}
