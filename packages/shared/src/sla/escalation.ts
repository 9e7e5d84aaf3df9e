import { ESCALATION_TARGETS, MAX_ESCALATION_LEVEL, PENDING_STATUSES, type Request } from '../domain/request.js';
import { draft, type EventDraft } from '../protocol/events.js';
import { ackDeadline, actionDeadline, isPaused } from './deadlines.js';

function escalateTo(request: Request, level: number): EventDraft {
  const capped = Math.min(level, MAX_ESCALATION_LEVEL);
  return draft('request.escalated', {
    requestId: request.id,
    level: capped,
    target: ESCALATION_TARGETS[capped] ?? 'prefect',
    note: null,
    automatic: true,
  });
}

/**
 * What the deadline watcher must record for a request at `now`, in order. Unacknowledged:
 * at the ack deadline, "deadline missed" and escalation to the backup liaison; one ack period
 * later the platform's manager contact; one more, the prefect. Acknowledging stops the chain.
 * Past the action deadline without an answer: "deadline missed" and one more escalation step.
 */
export function dueDeadlineEvents(request: Request, now: number): EventDraft[] {
  if (!PENDING_STATUSES.includes(request.status)) return [];
  const events: EventDraft[] = [];
  let level = request.escalationLevel;
  if (request.ackAt === null) {
    const deadline = ackDeadline(request);
    if (now >= deadline && request.missedAck === null) {
      events.push(draft('request.deadlineMissed', { requestId: request.id, step: 'ack', deadline }));
    }
    const stepsDue = now >= deadline ? 1 + Math.floor((now - deadline) / request.sla.ackMs) : 0;
    const wanted = Math.min(stepsDue, MAX_ESCALATION_LEVEL);
    while (level < wanted) {
      level += 1;
      events.push(escalateTo(request, level));
    }
    return events;
  }
  const deadline = actionDeadline(request, now);
  if (deadline !== null && now >= deadline && request.missedAction === null && !isPaused(request)) {
    events.push(draft('request.deadlineMissed', { requestId: request.id, step: 'action', deadline }));
    if (level < MAX_ESCALATION_LEVEL) events.push(escalateTo(request, level + 1));
  }
  return events;
}

/** When the watcher should look at this request next; undefined if nothing more can fall due. */
export function nextDeadlineCheck(request: Request, now: number): number | undefined {
  if (!PENDING_STATUSES.includes(request.status)) return undefined;
  if (request.ackAt === null) {
    const deadline = ackDeadline(request);
    if (request.missedAck === null) return Math.max(now, deadline);
    if (request.escalationLevel >= MAX_ESCALATION_LEVEL) return undefined;
    return Math.max(now, deadline + request.escalationLevel * request.sla.ackMs);
  }
  if (request.missedAction !== null || isPaused(request)) return undefined;
  const deadline = actionDeadline(request, now);
  return deadline === null ? undefined : Math.max(now, deadline);
}
