import type { Request } from '../domain/request.js';
import { pausedMs, slaView, type SlaView } from '../sla/deadlines.js';
import type { Period } from './calendar.js';

/**
 * What one request contributes to every figure, at a log position (`at`: the relay time of the
 * position). Written out for the platforms in docs/figures.md; every document, the app's figures
 * and `relay audit figures` read it from here.
 */
export interface RequestFigures {
  readonly request: Request;
  readonly sla: SlaView;
  /** Taken back by the ministry: counted apart, out of ratios and medians. */
  readonly withdrawn: boolean;
  /** Disputed by the platform (it answered by contesting): never "unanswered". */
  readonly contested: boolean;
  /** A deadline passed before its step was taken (acknowledged or answered late, or not yet). */
  readonly late: boolean;
  readonly lateAck: boolean;
  readonly lateAction: boolean;
  /** "Lettre morte": no answer, not withdrawn nor contested, and the time for one has run out. */
  readonly unanswered: boolean;
  /** Acknowledged minus created; null before an acknowledgement. */
  readonly timeToAck: number | null;
  /** Answered minus created, less the time the clock stood still for a question; null before an answer. */
  readonly timeToAnswer: number | null;
  /** How far past its deadline the acknowledgement came (or is, when still missing); null on time. */
  readonly ackDelayMs: number | null;
  /** The same for the answer; null on time, or while no action deadline runs. */
  readonly answerDelayMs: number | null;
}

const LATE_STATES = new Set(['done_late', 'overdue']);

/** A request's figures at `at`. A reopened request keeps its first acknowledgement and answer. */
export function requestFigures(request: Request, at: number): RequestFigures {
  const sla = slaView(request, at);
  const withdrawn = request.status === 'withdrawn';
  const contested = request.contestedAt !== null;
  const lateAck = LATE_STATES.has(sla.ack);
  const lateAction = LATE_STATES.has(sla.action);
  const stoppedAt = request.withdrawnAt ?? request.contestedAt ?? at;
  const ackDelayMs =
    sla.ack === 'done_late' && request.ackAt !== null
      ? request.ackAt - sla.ackDeadline
      : sla.ack === 'overdue'
        ? Math.max(0, stoppedAt - sla.ackDeadline)
        : null;
  const answerDelayMs =
    sla.actionDeadline === null
      ? null
      : sla.action === 'done_late' && request.answeredAt !== null
        ? request.answeredAt - sla.actionDeadline
        : sla.action === 'overdue'
          ? Math.max(0, stoppedAt - sla.actionDeadline)
          : null;
  return {
    request,
    sla,
    withdrawn,
    contested,
    late: lateAck || lateAction,
    lateAck,
    lateAction,
    unanswered: request.answeredAt === null && !withdrawn && !contested && sla.action === 'overdue',
    timeToAck: request.ackAt === null ? null : request.ackAt - request.createdAt,
    timeToAnswer:
      request.answeredAt === null ? null : request.answeredAt - request.createdAt - pausedMs(request.pauses, request.answeredAt),
    ackDelayMs,
    answerDelayMs,
  };
}

/** Whether a request belongs to a period's population: created in it (relay time). */
export function createdIn(request: Request, period: Period): boolean {
  return request.createdAt >= period.from && request.createdAt < period.to;
}

/**
 * The late-response list: every request created in the period that was late at `at` —
 * withdrawn and contested ones included, marked by their flags — oldest first, then by
 * reference. Exactly the rows behind the `late` and `unanswered` counts of `platformFigures`.
 */
export function lateRequests(requests: Iterable<Request>, period: Period, at: number): RequestFigures[] {
  const rows: RequestFigures[] = [];
  for (const request of requests) {
    if (!createdIn(request, period)) continue;
    const figures = requestFigures(request, at);
    if (figures.late) rows.push(figures);
  }
  return rows.sort((a, b) => a.request.createdAt - b.request.createdAt || compareRefs(a.request.ref, b.request.ref));
}

export function compareRefs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
