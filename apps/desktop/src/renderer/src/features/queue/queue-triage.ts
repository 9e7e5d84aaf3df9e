import {
  isLateNow,
  needsActionFrom,
  needsMe,
  ownerOf,
  urgencyKey,
  viewerSide,
  type Request,
  type RequestSide,
  type TriageViewer,
  type UrgencyKey,
} from '@contact-desk/shared';
import type { IndexedRequest } from './queue-index';
import { drain, mapInSteps, STEP, type Work } from '../common/sliced-work';

/**
 * The triage tabs (docs/triage.md): what waits for my side, what is late now, what I handle,
 * everything. Observers act for neither side: they have Late and All only, and open on Late.
 */
export const QUEUE_TABS = ['action', 'late', 'mine', 'all'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** What depends on the clock, computed once per request and coarse clock tick, not per render. */
export interface TriageFacts {
  readonly key: UrgencyKey;
  readonly late: boolean;
}

/** The facts of every request at `now`, in the index's order, with a possible pause every few thousand. */
export function factsInSteps(index: readonly IndexedRequest[], now: number, rankOf: (label: string) => number): Work<TriageFacts[]> {
  return mapInSteps(index, ({ request }) => ({ key: urgencyKey(request, now, rankOf), late: isLateNow(request, now) }));
}

export function triageFacts(index: readonly IndexedRequest[], now: number, rankOf: (label: string) => number): TriageFacts[] {
  return drain(factsInSteps(index, now, rankOf));
}

export function tabsFor(viewer: TriageViewer | null): readonly QueueTab[] {
  return viewer && viewerSide(viewer) !== null ? QUEUE_TABS : ['late', 'all'];
}

export function defaultTab(viewer: TriageViewer | null): QueueTab {
  return viewer && viewerSide(viewer) !== null ? 'action' : 'late';
}

/** The side whose owner the owner filter and the Mine tab look at: the viewer's, the ministry's for observers. */
export function ownerSide(viewer: TriageViewer | null): RequestSide {
  return (viewer && viewerSide(viewer)) ?? 'ministry';
}

export function inTab(tab: QueueTab, request: Request, facts: TriageFacts, viewer: TriageViewer | null): boolean {
  switch (tab) {
    case 'all':
      return true;
    case 'late':
      return facts.late;
    case 'action':
      return viewer !== null && needsActionFrom(request, viewer);
    case 'mine': {
      if (viewer === null) return false;
      const side = viewerSide(viewer);
      return side !== null && ownerOf(request, side) === viewer.userId;
    }
  }
}

/** Tab counts; the Needs action tab counts what needs *me* (the badge's rule), not every row it lists. */
export type TabCounts = Readonly<Record<QueueTab, number>> & { readonly actionRows: number };

/** The tab counts, with a possible pause every few thousand requests. */
export function* countsInSteps(
  index: readonly IndexedRequest[],
  facts: readonly TriageFacts[],
  viewer: TriageViewer | null,
): Work<TabCounts> {
  let action = 0;
  let actionRows = 0;
  let late = 0;
  let mine = 0;
  for (let i = 0; i < index.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const request = index[i]!.request;
    if (facts[i]!.late) late++;
    if (viewer === null) continue;
    if (inTab('action', request, facts[i]!, viewer)) {
      actionRows++;
      if (needsMe(request, viewer)) action++;
    }
    if (inTab('mine', request, facts[i]!, viewer)) mine++;
  }
  return { action, actionRows, late, mine, all: index.length };
}

export function tabCounts(index: readonly IndexedRequest[], facts: readonly TriageFacts[], viewer: TriageViewer | null): TabCounts {
  return drain(countsInSteps(index, facts, viewer));
}
