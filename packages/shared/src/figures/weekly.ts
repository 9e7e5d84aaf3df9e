import type { Request } from '../domain/request.js';
import { isoWeekOf, type Period } from './calendar.js';
import { figuresOf, type PlatformFigures } from './platform-figures.js';
import { createdIn, requestFigures, type RequestFigures } from './request-figures.js';

/** The figures of the requests created in one ISO week (of the document's zone), per platform. */
export interface WeeklyFigures extends PlatformFigures {
  /** ISO 8601 week in the document's zone, e.g. `2026-W45`. */
  readonly week: string;
}

/** Weekly figures of a period, by week then platform id, with the same rules as the period's. */
export function weeklyFigures(requests: Iterable<Request>, period: Period, at: number, zone: string): WeeklyFigures[] {
  const groups = new Map<string, { week: string; platformId: string; rows: RequestFigures[] }>();
  for (const request of requests) {
    if (!createdIn(request, period)) continue;
    const week = isoWeekOf(request.createdAt, zone);
    const key = `${week}|${request.platformId}`;
    const group = groups.get(key) ?? { week, platformId: request.platformId, rows: [] };
    group.rows.push(requestFigures(request, at));
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => (a.week === b.week ? (a.platformId < b.platformId ? -1 : 1) : a.week < b.week ? -1 : 1))
    .map((group) => ({ ...figuresOf(group.platformId, group.rows), week: group.week }));
}
