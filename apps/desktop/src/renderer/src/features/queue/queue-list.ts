import type { TriageViewer } from '@contact-desk/shared';
import { matchesFilters, type QueueFilters } from './queue-filters';
import { searchTerms } from './queue-index';
import type { Row } from './queue-order';
import { rowsContaining, type SearchCorpus } from './queue-search';
import { inTab, ownerSide, type QueueTab } from './queue-triage';

export interface Listed {
  /** The rows to show, in the order given. */
  readonly rows: Row[];
  /** How many the tab holds before the filters. */
  readonly inTab: number;
}

/** `held(id)`: a request kept listed although it left the tab (acted on here, the relay's answer awaited). */
export type Held = (id: string) => boolean;

const listedIn = (tab: QueueTab, row: Row, viewer: TriageViewer, held: Held) =>
  inTab(tab, row.entry.request, row.facts, viewer) || held(row.entry.request.id);

/** How many rows of `ordered` the tab lists before the filters. */
export function tabSize(ordered: readonly Row[], tab: QueueTab, viewer: TriageViewer, held: Held): number {
  if (tab === 'all') return ordered.length;
  let size = 0;
  for (const row of ordered) if (listedIn(tab, row, viewer, held)) size++;
  return size;
}

/**
 * The rows of one tab that pass the filters, keeping the order of `ordered`. With a search and
 * the corpus of `ordered`, only the rows holding the longest term are looked at.
 */
export function filterRows(
  ordered: readonly Row[],
  tab: QueueTab,
  filters: QueueFilters,
  viewer: TriageViewer,
  held: Held,
  corpus?: SearchCorpus,
): Row[] {
  const terms = searchTerms(filters.text);
  const owners = { side: ownerSide(viewer), userId: viewer.userId };
  const longest = terms.reduce((a, b) => (b.length > a.length ? b : a), '');
  const candidates = corpus && longest ? rowsContaining(corpus, longest) : undefined;
  const rows: Row[] = [];
  const consider = (row: Row) => {
    if (listedIn(tab, row, viewer, held) && matchesFilters(row.entry, filters, terms, owners)) rows.push(row);
  };
  if (candidates) for (const i of candidates) consider(ordered[i]!);
  else for (const row of ordered) consider(row);
  return rows;
}

/** The rows of one tab that pass the filters (`filterRows`), and how many the tab holds (`tabSize`). */
export function listRows(
  ordered: readonly Row[],
  tab: QueueTab,
  filters: QueueFilters,
  viewer: TriageViewer,
  held: Held,
  corpus?: SearchCorpus,
): Listed {
  return { rows: filterRows(ordered, tab, filters, viewer, held, corpus), inTab: tabSize(ordered, tab, viewer, held) };
}
