import type { Request } from '../domain/request.js';
import { slaView } from './deadlines.js';
import { median, percentile } from './statistics.js';

export interface Period {
  /** Inclusive start, ms since the epoch. */
  readonly from: number;
  /** Exclusive end, ms since the epoch. */
  readonly to: number;
}

export interface PlatformFigures {
  readonly platformId: string;
  /** Requests created in the period (withdrawn ones excluded from the ratios below). */
  readonly requests: number;
  readonly withdrawn: number;
  readonly acknowledged: number;
  readonly answered: number;
  readonly medianTimeToAck: number | undefined;
  readonly p90TimeToAck: number | undefined;
  readonly medianTimeToAnswer: number | undefined;
  readonly p90TimeToAnswer: number | undefined;
  /** Share of the counted requests that passed no deadline, from 0 to 1; undefined if none. */
  readonly onTimeShare: number | undefined;
  readonly late: number;
  readonly unanswered: number;
}

/**
 * Per-platform figures for the requests created in a period, as of `now`. Withdrawn requests
 * are counted apart: the ministry took them back, so they say nothing of the platform.
 */
export function platformFigures(requests: Iterable<Request>, period: Period, now: number): PlatformFigures[] {
  const byPlatform = new Map<string, Request[]>();
  for (const request of requests) {
    if (request.createdAt < period.from || request.createdAt >= period.to) continue;
    const list = byPlatform.get(request.platformId) ?? [];
    list.push(request);
    byPlatform.set(request.platformId, list);
  }
  return [...byPlatform.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([platformId, list]) => figuresOf(platformId, list, now));
}

function figuresOf(platformId: string, list: readonly Request[], now: number): PlatformFigures {
  const counted = list.filter((request) => request.status !== 'withdrawn');
  const views = counted.map((request) => slaView(request, now));
  const acks = views.flatMap((view) => (view.timeToAck === null ? [] : [view.timeToAck]));
  const answers = views.flatMap((view) => (view.timeToAnswer === null ? [] : [view.timeToAnswer]));
  const late = views.filter((view) => view.late).length;
  return {
    platformId,
    requests: counted.length,
    withdrawn: list.length - counted.length,
    acknowledged: acks.length,
    answered: answers.length,
    medianTimeToAck: median(acks),
    p90TimeToAck: percentile(acks, 90),
    medianTimeToAnswer: median(answers),
    p90TimeToAnswer: percentile(answers, 90),
    onTimeShare: counted.length === 0 ? undefined : (counted.length - late) / counted.length,
    late,
    unanswered: views.filter((view) => view.unanswered).length,
  };
}
