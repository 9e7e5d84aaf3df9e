import type { Request } from '../domain/request.js';
import { median, percentile } from '../sla/statistics.js';
import type { Period } from './calendar.js';
import { createdIn, requestFigures, type RequestFigures } from './request-figures.js';

/** The figures of one platform (or of all, `platformId: '*'`) over a period, at a log position. */
export interface PlatformFigures {
  readonly platformId: string;
  /** Requests created in the period, withdrawn ones included. */
  readonly created: number;
  /** Of those, taken back by the ministry: shown apart, left out of ratios and medians. */
  readonly withdrawn: number;
  /** `created − withdrawn`: the base of every ratio and median below. */
  readonly counted: number;
  /** Of the counted, those a device of the platform has received. */
  readonly received: number;
  readonly acknowledged: number;
  readonly answered: number;
  readonly medianTimeToAck: number | undefined;
  readonly p90TimeToAck: number | undefined;
  readonly medianTimeToAnswer: number | undefined;
  readonly p90TimeToAnswer: number | undefined;
  /** Share of the counted requests that passed no deadline, 0 to 1; undefined when none counted. */
  readonly onTimeShare: number | undefined;
  /** Requests that passed a deadline before its step, withdrawn ones included: the late list's rows. */
  readonly late: number;
  /** Of `late`, those the ministry withdrew since. */
  readonly lateWithdrawn: number;
  /** No answer and the time for one has run out (never withdrawn or contested ones). */
  readonly unanswered: number;
}

/** The key of the all-platforms row. */
export const ALL_PLATFORMS = '*';

/** The figures of one group of requests, all of the same population. */
export function figuresOf(platformId: string, rows: readonly RequestFigures[]): PlatformFigures {
  const counted = rows.filter((row) => !row.withdrawn);
  const acks = counted.flatMap((row) => (row.timeToAck === null ? [] : [row.timeToAck]));
  const answers = counted.flatMap((row) => (row.timeToAnswer === null ? [] : [row.timeToAnswer]));
  const lateCounted = counted.filter((row) => row.late).length;
  const late = rows.filter((row) => row.late).length;
  return {
    platformId,
    created: rows.length,
    withdrawn: rows.length - counted.length,
    counted: counted.length,
    received: counted.filter((row) => row.request.receivedAt !== null).length,
    acknowledged: acks.length,
    answered: answers.length,
    medianTimeToAck: median(acks),
    p90TimeToAck: percentile(acks, 90),
    medianTimeToAnswer: median(answers),
    p90TimeToAnswer: percentile(answers, 90),
    onTimeShare: counted.length === 0 ? undefined : (counted.length - lateCounted) / counted.length,
    late,
    lateWithdrawn: late - lateCounted,
    unanswered: rows.filter((row) => row.unanswered).length,
  };
}

/**
 * Per-platform figures for the requests created in a period, as of `at` (the relay time of the
 * log position the document cites), in platform id order. With `withTotal`, a last row
 * `ALL_PLATFORMS` computed from all the requests together (medians are not averages of medians).
 */
export function platformFigures(requests: Iterable<Request>, period: Period, at: number, withTotal = false): PlatformFigures[] {
  const rows: RequestFigures[] = [];
  for (const request of requests) if (createdIn(request, period)) rows.push(requestFigures(request, at));
  return figuresByPlatform(rows, withTotal);
}

/** The figures of some requests' rows, per platform in id order, and with `withTotal` all together last. */
export function figuresByPlatform(rows: readonly RequestFigures[], withTotal: boolean): PlatformFigures[] {
  const byPlatform = new Map<string, RequestFigures[]>();
  for (const row of rows) {
    const list = byPlatform.get(row.request.platformId) ?? [];
    list.push(row);
    byPlatform.set(row.request.platformId, list);
  }
  const figures = [...byPlatform.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([platformId, list]) => figuresOf(platformId, list));
  return withTotal && figures.length > 0 ? [...figures, figuresOf(ALL_PLATFORMS, rows)] : figures;
}
