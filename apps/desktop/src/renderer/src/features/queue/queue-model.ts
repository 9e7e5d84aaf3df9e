import { PENDING_STATUSES, isPaused, slaView, type Actor, type Platform, type Request, type RequestStatus } from '@contact-desk/shared';

/** A request with what the queue needs precomputed once per change of the requests map. */
export interface IndexedRequest {
  readonly request: Request;
  readonly platformName: string;
  /** Lower-case text the search box looks into: ref, item locations, grounds, PHAROS ref, campaign. */
  readonly search: string;
}

/** What depends on the clock, recomputed every few seconds rather than on every render. */
export interface Timing {
  readonly late: boolean;
  /** 0 a deadline runs, 1 clock paused, 2 nothing more expected. */
  readonly group: number;
  readonly key: number;
}

export type SavedView = 'mine' | 'late' | 'p0' | 'all';
export const SAVED_VIEWS: readonly SavedView[] = ['mine', 'late', 'p0', 'all'];
export type SortOrder = 'urgency' | 'newest' | 'oldest' | 'ref';

export interface QueueFilters {
  readonly platforms: ReadonlySet<string>;
  readonly statuses: ReadonlySet<RequestStatus>;
  readonly priority: string;
  readonly campaign: string;
  readonly lateOnly: boolean;
  readonly text: string;
}

export const NO_FILTERS: QueueFilters = {
  platforms: new Set(),
  statuses: new Set(),
  priority: '',
  campaign: '',
  lateOnly: false,
  text: '',
};

export function indexRequests(requests: ReadonlyMap<string, Request>, platforms: ReadonlyMap<string, Platform>): IndexedRequest[] {
  const out: IndexedRequest[] = new Array(requests.size);
  let i = 0;
  for (const request of requests.values()) {
    let search = `${request.ref}\n${request.grounds}\n${request.pharosRef ?? ''}\n${request.campaign ?? ''}`;
    for (const item of request.items) search += `\n${item.location}`;
    out[i++] = {
      request,
      platformName: platforms.get(request.platformId)?.name ?? request.platformId,
      search: search.toLowerCase(),
    };
  }
  return out;
}

export function timingOf(request: Request, now: number): Timing {
  const sla = slaView(request, now);
  const late = sla.late;
  if (!PENDING_STATUSES.includes(request.status)) return { late, group: 2, key: -request.createdAt };
  let key = Number.POSITIVE_INFINITY;
  const running = (state: string) => state === 'pending' || state === 'overdue';
  if (running(sla.ack)) key = sla.ackDeadline;
  if (running(sla.action)) {
    if (isPaused(request)) {
      if (key === Number.POSITIVE_INFINITY) return { late, group: 1, key: request.createdAt };
    } else if (sla.actionDeadline !== null) key = Math.min(key, sla.actionDeadline);
    else key = Math.min(key, sla.ackDeadline);
  }
  if (key === Number.POSITIVE_INFINITY) return { late, group: 2, key: -request.createdAt };
  return { late, group: 0, key };
}

const OPEN_FOR_ACK: readonly RequestStatus[] = ['open', 'reopened'];

export function inSavedView(view: SavedView, request: Request, timing: Timing, actor: Actor | null): boolean {
  switch (view) {
    case 'all':
      return true;
    case 'late':
      return timing.late;
    case 'p0':
      return request.sla.label === 'P0' && PENDING_STATUSES.includes(request.status);
    case 'mine':
      if (!OPEN_FOR_ACK.includes(request.status) || request.ackAt !== null) return false;
      return actor?.role === 'liaison' ? request.platformId === actor.platformId : true;
  }
}

export function matchesFilters(entry: IndexedRequest, timing: Timing, filters: QueueFilters, terms: readonly string[]): boolean {
  const { request } = entry;
  if (filters.platforms.size > 0 && !filters.platforms.has(request.platformId)) return false;
  if (filters.statuses.size > 0 && !filters.statuses.has(request.status)) return false;
  if (filters.priority && request.sla.label !== filters.priority) return false;
  if (filters.campaign && request.campaign !== filters.campaign) return false;
  if (filters.lateOnly && !timing.late) return false;
  for (const term of terms) if (!entry.search.includes(term)) return false;
  return true;
}

export function searchTerms(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((term) => term.length > 0);
}

export interface Row {
  readonly entry: IndexedRequest;
  readonly timing: Timing;
}

export function sortRows(rows: Row[], order: SortOrder): Row[] {
  switch (order) {
    case 'urgency':
      return rows.sort((a, b) => a.timing.group - b.timing.group || a.timing.key - b.timing.key || b.entry.request.createdAt - a.entry.request.createdAt);
    case 'newest':
      return rows.sort((a, b) => b.entry.request.createdAt - a.entry.request.createdAt);
    case 'oldest':
      return rows.sort((a, b) => a.entry.request.createdAt - b.entry.request.createdAt);
    case 'ref':
      return rows.sort((a, b) => (a.entry.request.ref < b.entry.request.ref ? 1 : a.entry.request.ref > b.entry.request.ref ? -1 : 0));
  }
}
