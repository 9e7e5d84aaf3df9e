import { priorityRanks, type Platform, type PriorityPolicy, type Request, type TriageViewer } from '@contact-desk/shared';
import { useCallback, useDeferredValue, useMemo } from 'react';
import { useDesk } from '../../state/desk-store';
import { useRelayNow } from '../common/use-relay-now';
import { indexInSteps } from './queue-index';
import { filterRows, tabSize } from './queue-list';
import { orderInSteps, type Row, type SortOrder } from './queue-order';
import { corpusInSteps, type SearchCorpus } from './queue-search';
import { countsInSteps, factsInSteps, type TabCounts } from './queue-triage';
import { fewRequests, type Work } from '../common/sliced-work';
import { useSlicedValue } from '../common/use-sliced-value';
import type { QueueView } from './queue-view';

/** Which request is late, and the urgency order, are computed again at this pace; countdowns every second. */
export const COARSE_MS = 10_000;

interface Inputs {
  readonly requests: ReadonlyMap<string, Request>;
  readonly platforms: ReadonlyMap<string, Platform>;
  readonly policy: PriorityPolicy;
  readonly now: number;
  readonly order: SortOrder;
  readonly viewer: TriageViewer;
}

interface Derived {
  readonly ordered: readonly Row[];
  readonly corpus: SearchCorpus;
  readonly counts: TabCounts;
}

/** Every request indexed (again only if changed), its triage facts at `now`, the tab counts, one sort and the search corpus. */
function* derive({ requests, platforms, policy, now, order, viewer }: Inputs): Work<Derived> {
  const index = yield* indexInSteps(requests, platforms);
  const facts = yield* factsInSteps(index, now, priorityRanks(policy));
  const counts = yield* countsInSteps(index, facts, viewer);
  const ordered = yield* orderInSteps(index, facts, order);
  const corpus = yield* corpusInSteps(ordered);
  return { ordered, corpus, counts };
}

const NOTHING: Derived = { ordered: [], corpus: { chunks: [] }, counts: { action: 0, actionRows: 0, late: 0, mine: 0, all: 0 } };

/**
 * The rows of the queue for a view: every request indexed once per change of the data, its
 * triage facts once per coarse tick, one sort per tick or order — all in slices on a large queue —
 * then a filter pass for the tab and the filters (the filters deferred, so typing stays responsive
 * on 100k rows). `heldIds`: requests acted on here that stay listed while the relay has not answered.
 */
export function useQueueRows(view: QueueView, viewer: TriageViewer, heldIds: ReadonlySet<string>) {
  const requests = useDesk((s) => s.view.requests);
  const platforms = useDesk((s) => s.view.platforms);
  const policy = useDesk((s) => s.view.policy);
  const pendingIds = useDesk((s) => s.pendingIds);
  const now = useRelayNow(COARSE_MS);

  const inputs = useMemo<Inputs>(
    () => ({ requests, platforms, policy, now, order: view.order, viewer }),
    [requests, platforms, policy, now, view.order, viewer],
  );
  const { ordered, corpus, counts } = useSlicedValue(inputs, derive, fewRequests) ?? NOTHING;

  // Deferred as a whole: a keystroke in the search box renders at once, the 100k-row pass after.
  const filters = useDeferredValue(view.filters);
  const held = useCallback((id: string) => heldIds.has(id) && pendingIds.has(id), [heldIds, pendingIds]);
  const inTabCount = useMemo(() => tabSize(ordered, view.tab, viewer, held), [ordered, view.tab, viewer, held]);
  const rows = useMemo(
    () => filterRows(ordered, view.tab, filters, viewer, held, corpus),
    [ordered, view.tab, filters, viewer, held, corpus],
  );

  return { rows, inTabCount, counts };
}
