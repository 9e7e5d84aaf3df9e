import type { PriorityPolicy } from '../domain/policy.js';
import { ownerOf, type Request, type RequestSide } from '../domain/request.js';
import type { Role } from '../domain/roles.js';
import { ackDeadline, actionDeadline, isPaused } from './deadlines.js';

/**
 * Triage: which requests wait for whom, which are late now, and in what order to take them.
 * The rules are written out in docs/triage.md; the app's queue, its badge and the API's lists
 * all read them from here.
 */

/** Whose move it is, by status; null once the request is closed or withdrawn. */
export function waitingOn(request: Request): RequestSide | null {
  switch (request.status) {
    case 'open':
    case 'acknowledged':
    case 'reopened':
      return 'platform';
    case 'needs_info':
    case 'contested':
    case 'answered':
      return 'ministry';
    case 'closed':
    case 'withdrawn':
      return null;
  }
}

/**
 * What the side it waits for must do. The platform: `acknowledge`, `answer`, or `supply_information`
 * (an information request: the ministry asked who is behind an account). The ministry:
 * `provide_info` (the platform asked a question and its clock is stopped), `review_contest`,
 * `close` (answered, to check and close).
 */
export type TriageReason = 'acknowledge' | 'answer' | 'supply_information' | 'provide_info' | 'review_contest' | 'close';

export function triageReason(request: Request): TriageReason | null {
  switch (request.status) {
    case 'open':
    case 'reopened':
    case 'acknowledged':
      if (request.ackAt === null) return 'acknowledge';
      return request.kind === 'information' ? 'supply_information' : 'answer';
    case 'needs_info':
      return 'provide_info';
    case 'contested':
      return 'review_contest';
    case 'answered':
      return 'close';
    default:
      return null;
  }
}

/** The deadline running now: the platform's next step and when it falls due. */
export interface RunningDeadline {
  readonly step: 'ack' | 'action';
  readonly at: number;
}

/**
 * Only a request waiting for the platform has a running deadline: the acknowledgement until it
 * is acknowledged, then the action (none while the clock is paused for a question, or before
 * any device of the platform received the request).
 */
export function runningDeadline(request: Request, now: number): RunningDeadline | null {
  if (waitingOn(request) !== 'platform') return null;
  if (request.ackAt === null) return { step: 'ack', at: ackDeadline(request) };
  if (isPaused(request)) return null;
  const at = actionDeadline(request, now);
  return at === null ? null : { step: 'action', at };
}

/** Late now: a running deadline has passed on a request that still waits for the platform. */
export function isLateNow(request: Request, now: number): boolean {
  const deadline = runningDeadline(request, now);
  return deadline !== null && now > deadline.at;
}

/**
 * Bands of the urgency order, first to last:
 * 0 `due`: a running deadline ahead, or passed less than one action period ago (P0: an hour);
 * 1 `ministry`: waiting for the ministry, no deadline of the platform's running;
 * 2 `stale`: a running deadline passed more than one action period ago;
 * 3 `waiting`: waiting for the platform with no deadline running (not received, paused);
 * 4 `done`: closed or withdrawn.
 */
export const URGENCY_BANDS = ['due', 'ministry', 'stale', 'waiting', 'done'] as const;
export type UrgencyBand = (typeof URGENCY_BANDS)[number];

export function urgencyBand(request: Request, now: number): UrgencyBand {
  const side = waitingOn(request);
  if (side === null) return 'done';
  if (side === 'ministry') return 'ministry';
  const deadline = runningDeadline(request, now);
  if (deadline === null) return 'waiting';
  return now - deadline.at > request.sla.actionMs ? 'stale' : 'due';
}

const REASON_RANK: Readonly<Record<TriageReason, number>> = {
  acknowledge: 0,
  answer: 1,
  supply_information: 1,
  provide_info: 0,
  review_contest: 1,
  close: 2,
};

/** A request's place in the urgency order, computed once per request and clock tick. */
export interface UrgencyKey {
  readonly band: number;
  readonly priority: number;
  readonly reason: number;
  /** Ascending within the band: the deadline (due), minus the deadline (stale), the time it waits since. */
  readonly time: number;
}

/**
 * The rank of each priority label: the order of the policy in force (P0 first), labels no longer
 * in it after every current one, in label order.
 */
export function priorityRanks(policy: PriorityPolicy): (label: string) => number {
  const ranks = new Map(policy.levels.map((level, index) => [level.label, index]));
  return (label) => ranks.get(label) ?? policy.levels.length;
}

export function urgencyKey(request: Request, now: number, rankOf: (label: string) => number): UrgencyKey {
  const band = urgencyBand(request, now);
  const reason = triageReason(request);
  const deadline = runningDeadline(request, now);
  const time =
    band === 'due'
      ? (deadline?.at ?? 0)
      : band === 'stale'
        ? -(deadline?.at ?? 0)
        : band === 'done'
          ? -request.updatedAt
          : request.updatedAt;
  return {
    band: URGENCY_BANDS.indexOf(band),
    priority: band === 'done' ? 0 : rankOf(request.sla.label),
    reason: reason === null ? 0 : REASON_RANK[reason],
    time,
  };
}

/** The urgency order: band, then priority, then what is asked, then time; the reference breaks ties. */
export function compareUrgency(a: UrgencyKey, b: UrgencyKey): number {
  return a.band - b.band || a.priority - b.priority || a.reason - b.reason || a.time - b.time;
}

/** Who is looking: enough to know their side, platform and name. */
export interface TriageViewer {
  readonly userId: string;
  readonly role: Role | 'system';
  readonly platformId: string | null;
}

/** The side a viewer acts for; null for those who act for neither (observers, the relay). */
export function viewerSide(viewer: TriageViewer): RequestSide | null {
  if (viewer.role === 'liaison') return 'platform';
  if (viewer.role === 'prefect' || viewer.role === 'operator') return 'ministry';
  return null;
}

/** The request waits for the viewer's side: their platform's move, or the ministry's. */
export function needsActionFrom(request: Request, viewer: TriageViewer): boolean {
  const side = viewerSide(viewer);
  if (side === null || waitingOn(request) !== side) return false;
  return side === 'ministry' || request.platformId === viewer.platformId;
}

/** What the badge counts: waiting for the viewer's side, and handled by them or by nobody yet. */
export function needsMe(request: Request, viewer: TriageViewer): boolean {
  if (!needsActionFrom(request, viewer)) return false;
  const side = viewerSide(viewer);
  const owner = side === null ? null : ownerOf(request, side);
  return owner === null || owner === viewer.userId;
}
