import type { Request } from '../domain/request.js';
import { figuresByPlatform, type PlatformFigures } from './platform-figures.js';
import { compareRefs, requestFigures, type RequestFigures } from './request-figures.js';

/**
 * A campaign's figures: every request sent under it, whenever sent, with the same definitions
 * as every other figure (docs/figures.md) — per platform, all platforms last — and how the
 * campaign went hour by hour. The campaign screen, its report and its meeting read them here.
 */

/** The requests sent under a campaign, oldest first. */
export function campaignRequests(requests: Iterable<Request>, campaignId: string): Request[] {
  return [...requests]
    .filter((request) => request.campaignId === campaignId)
    .sort((a, b) => a.createdAt - b.createdAt || compareRefs(a.ref, b.ref));
}

/** The campaign's rows as of `at` (the relay time of the log position cited). */
export function campaignRows(requests: Iterable<Request>, campaignId: string, at: number): RequestFigures[] {
  return campaignRequests(requests, campaignId).map((request) => requestFigures(request, at));
}

/** Per platform, then all platforms together. */
export function campaignFigures(requests: Iterable<Request>, campaignId: string, at: number): PlatformFigures[] {
  return figuresByPlatform(campaignRows(requests, campaignId, at), true);
}

/** Where the campaign stood at one instant: requests sent, acknowledged and answered so far. */
export interface CampaignPoint {
  readonly at: number;
  readonly sent: number;
  readonly acknowledged: number;
  readonly answered: number;
}

/**
 * The campaign's course from its first request to `at`, in `steps` equal intervals (at least
 * one): cumulative counts of the requests not withdrawn, as the `counted` figures count them.
 */
export function campaignCourse(requests: readonly Request[], at: number, steps = 24): CampaignPoint[] {
  const counted = requests.filter((request) => request.status !== 'withdrawn');
  const first = Math.min(...counted.map((request) => request.createdAt), at);
  // Nothing sent yet, or everything at this very instant: one point, now.
  const intervals = first === at ? 0 : Math.max(1, Math.floor(steps));
  const width = intervals === 0 ? 0 : (at - first) / intervals;
  const upTo = (instant: number, time: (request: Request) => number | null) =>
    counted.filter((request) => {
      const value = time(request);
      return value !== null && value <= instant;
    }).length;
  return Array.from({ length: intervals + 1 }, (_, index) => {
    const instant = index === intervals ? at : Math.round(first + index * width);
    return {
      at: instant,
      sent: upTo(instant, (request) => request.createdAt),
      acknowledged: upTo(instant, (request) => request.ackAt),
      answered: upTo(instant, (request) => request.answeredAt),
    };
  });
}
