import type { ClockPause, Request } from '../domain/request.js';

/** Time the clock stood still (waiting for the ministry's clarification) before `until`. */
export function pausedMs(pauses: readonly ClockPause[], until: number): number {
  let total = 0;
  for (const pause of pauses) {
    const end = Math.min(pause.to ?? until, until);
    if (end > pause.from) total += end - pause.from;
  }
  return total;
}

/** True while the platform waits for the ministry: the action clock is stopped. */
export function isPaused(request: Request): boolean {
  return request.pauses.some((pause) => pause.to === null);
}

/**
 * The acknowledgement deadline runs from the moment the relay recorded the request: a platform
 * that never connects is late all the same.
 */
export function ackDeadline(request: Request): number {
  return request.createdAt + request.sla.ackMs;
}

/**
 * The action deadline runs from receipt (TCO: the hour runs from receipt of the order), plus
 * every pause. Null while no device of the platform has received the request yet — such a
 * request is already late on its acknowledgement.
 */
export function actionDeadline(request: Request, now: number): number | null {
  if (request.receivedAt === null) return null;
  const until = request.answeredAt ?? now;
  return request.receivedAt + request.sla.actionMs + pausedMs(request.pauses, until);
}

export type StepState = 'done' | 'done_late' | 'pending' | 'overdue' | 'not_applicable';

/**
 * Statuses in which the ministry took the request back or the platform disputes it; `closed`
 * too, for a contested request the ministry then closed (an answered one is done before this).
 */
function isSettledWithoutStep(request: Request): boolean {
  return request.status === 'withdrawn' || request.status === 'contested' || request.status === 'closed';
}

export function ackState(request: Request, now: number): StepState {
  const deadline = ackDeadline(request);
  if (request.ackAt !== null) return request.ackAt > deadline ? 'done_late' : 'done';
  const stoppedAt = request.withdrawnAt ?? request.contestedAt;
  if (isSettledWithoutStep(request) || stoppedAt !== null) {
    return stoppedAt !== null && stoppedAt > deadline ? 'overdue' : 'not_applicable';
  }
  return now > deadline ? 'overdue' : 'pending';
}

export function actionState(request: Request, now: number): StepState {
  const deadline = actionDeadline(request, now);
  if (request.answeredAt !== null) {
    return deadline !== null && request.answeredAt > deadline ? 'done_late' : 'done';
  }
  if (isSettledWithoutStep(request) || request.withdrawnAt !== null) {
    const stoppedAt = request.withdrawnAt ?? request.contestedAt;
    return deadline !== null && stoppedAt !== null && stoppedAt > deadline ? 'overdue' : 'not_applicable';
  }
  if (deadline === null) return ackState(request, now) === 'overdue' ? 'overdue' : 'pending';
  return now > deadline && !isPaused(request) ? 'overdue' : 'pending';
}

/**
 * Where a request stands against its two deadlines. Whether it counts as late or unanswered in
 * the record's figures is `requestFigures` (figures/request-figures.ts), the one definition.
 */
export interface SlaView {
  readonly ackDeadline: number;
  readonly actionDeadline: number | null;
  readonly ack: StepState;
  readonly action: StepState;
}

export function slaView(request: Request, now: number): SlaView {
  return {
    ackDeadline: ackDeadline(request),
    actionDeadline: actionDeadline(request, now),
    ack: ackState(request, now),
    action: actionState(request, now),
  };
}
