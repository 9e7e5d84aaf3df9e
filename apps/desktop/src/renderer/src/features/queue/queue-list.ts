import type { TriageViewer } from '@contact-desk/shared';
import { matchesFilters, type QueueFilters } from './queue-filters';
import { searchTerms } from './queue-index';
import type { Row } from './queue-order';
import { inTab, ownerSide, type QueueTab } from './queue-triage';

export interface Listed {
  /** The rows to show, in the order given. */
  readonly rows: Row[];
  /** How many the tab holds before the filters. */
  readonly inTab: number;
}

/**
 * The rows of one tab that pass the filters, keeping the order of `ordered`. `held(id)`: a
 * request kept listed although it left the tab (acted on here, the relay's answer awaited).
 */
export function listRows(
  ordered: readonly Row[],
  tab: QueueTab,
  filters: QueueFilters,
  viewer: TriageViewer,
  held: (id: string) => boolean,
): Listed {
  const terms = searchTerms(filters.text);
  const owners = { side: ownerSide(viewer), userId: viewer.userId };
  const rows: Row[] = [];
  let listed = 0;
  for (const row of ordered) {
    if (!inTab(tab, row.entry.request, row.facts, viewer) && !held(row.entry.request.id)) continue;
    listed++;
    if (matchesFilters(row.entry, filters, terms, owners)) rows.push(row);
  }
  return { rows, inTab: listed };
}
