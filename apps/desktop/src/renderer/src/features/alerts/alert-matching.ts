import {
  PENDING_STATUSES,
  ackDeadline,
  ackState,
  actionDeadline,
  actionState,
  needsMe,
  ownerOf,
  type Actor,
  type DomainEvent,
  type DomainState,
  type Request,
} from '@contact-desk/shared';
import { drain, eachInSteps, type Work } from '../common/sliced-work';

/** How long before a deadline the user is warned. */
export const WARN_BEFORE_MS = 5 * 60_000;

type Viewer = Pick<Actor, 'userId' | 'role' | 'platformId'>;

/**
 * Requests whose next step the user owes or chases: a liaison their platform's, the ministry
 * those it handles (its owner, else whoever sent it).
 */
export function isMine(request: Request, viewer: Viewer): boolean {
  if (viewer.role === 'liaison') return request.platformId === viewer.platformId;
  if (viewer.role === 'prefect' || viewer.role === 'operator') return (ownerOf(request, 'ministry') ?? request.createdBy) === viewer.userId;
  return false;
}

/** What the badge counts: the requests that need the user's own action (docs/triage.md). */
export function needsMeCount(view: DomainState, actor: Actor | null): number {
  return drain(needsMeInSteps({ requests: view.requests, actor }));
}

/** The badge's count, with a possible pause every few thousand requests. */
export function* needsMeInSteps({ requests, actor }: { requests: ReadonlyMap<string, Request>; actor: Actor | null }): Work<number> {
  if (!actor) return 0;
  let count = 0;
  yield* eachInSteps(requests.values(), (request) => {
    if (needsMe(request, actor)) count += 1;
  });
  return count;
}

/** The P0 request an event creates, when someone other than the viewer sent it: it is announced at once. */
export function newP0Of(event: DomainEvent, viewer: Viewer | null): Request | null {
  if (event.type !== 'request.created') return null;
  const { request } = event.payload;
  if (request.sla.label !== 'P0') return null;
  return viewer && event.actor.userId === viewer.userId ? null : request;
}

/** A deadline of the user's about to pass. */
export interface DueSoon {
  readonly request: Request;
  readonly step: 'ack' | 'action';
  readonly deadline: number;
  /** Milliseconds left, more than 0 and at most WARN_BEFORE_MS. */
  readonly left: number;
  /** One warning per request and step. */
  readonly key: string;
}

/** The running deadlines of the user's pending requests that pass within WARN_BEFORE_MS of `now`. */
export function dueSoon(view: DomainState, viewer: Viewer, now: number): DueSoon[] {
  const found: DueSoon[] = [];
  for (const request of view.requests.values()) {
    if (!PENDING_STATUSES.includes(request.status) || !isMine(request, viewer)) continue;
    const step = runningStep(request, now);
    if (step === null || step.deadline === null) continue;
    const left = step.deadline - now;
    if (left <= 0 || left > WARN_BEFORE_MS) continue;
    found.push({ request, step: step.step, deadline: step.deadline, left, key: `${request.id}:${step.step}` });
  }
  return found;
}

/** The step whose clock runs: the acknowledgement, else the action once acknowledged (not while waiting on information). */
function runningStep(request: Request, now: number): { step: 'ack' | 'action'; deadline: number | null } | null {
  if (ackState(request, now) === 'pending') return { step: 'ack', deadline: ackDeadline(request) };
  if (request.ackAt !== null && actionState(request, now) === 'pending' && request.status !== 'needs_info') {
    return { step: 'action', deadline: actionDeadline(request, now) };
  }
  return null;
}
