import {
  ackDeadline,
  actionDeadline,
  isPaused,
  PENDING_STATUSES,
  WEBHOOK_TOPICS,
  type DomainState,
  type LoggedEvent,
  type NotificationTrigger,
  type Request,
  type WebhookTopic,
} from '@contact-desk/shared';
import type { NewDelivery } from '../storage/outbox-store.js';
import type { Deadline, Occasion } from './occasion.js';
import type { PlanContext } from './plan-context.js';
import { planMails } from './plan-mail.js';
import { planWebhooks } from './plan-webhooks.js';

const TOPICS = new Set<string>(WEBHOOK_TOPICS);

const TRIGGERS: Partial<Record<string, NotificationTrigger>> = {
  'request.created': 'created',
  'request.deadlineMissed': 'deadline_missed',
  'request.escalated': 'escalated',
};

/** The request an event is about, if it is about one. */
function requestIdOf(event: LoggedEvent): string | undefined {
  if (event.type === 'request.created') return event.payload.request.id;
  if (event.type === 'comment.added') return event.payload.comment.requestId;
  if (!event.type.startsWith('request.')) return undefined;
  return (event.payload as { requestId?: string }).requestId;
}

function planOccasion(occasion: Occasion, ctx: PlanContext, out: NewDelivery[], dedup: string | null): void {
  planWebhooks(occasion, ctx, out, dedup);
  if (ctx.settings.mail) planMails(occasion, ctx, out, dedup);
}

/**
 * Appends to `out` the deliveries a batch's events call for, in the batch's transaction. Pure
 * and cheap: an event nobody follows costs a set and a map lookup; nothing is sent here.
 */
export function planCommitted(events: readonly LoggedEvent[], before: DomainState, ctx: PlanContext, out: NewDelivery[]): void {
  /** Escalation levels as they move within the batch (a miss is told to the level before its escalation). */
  const levels = new Map<string, number>();
  for (const event of events) {
    const trigger = TRIGGERS[event.type] ?? 'event';
    const topic = TOPICS.has(event.type) ? (event.type as WebhookTopic) : null;
    if (topic === null && trigger === 'event') continue;
    if (trigger === 'event' && ctx.webhooks.forAudience(event.audience).length === 0) continue;
    const requestId = requestIdOf(event);
    const request = requestId === undefined ? undefined : ctx.read.request(requestId);
    if (!request) continue;
    let level = levels.get(request.id) ?? before.requests.get(request.id)?.escalationLevel ?? 0;
    if (event.type === 'request.escalated') level = Math.max(level, event.payload.level);
    levels.set(request.id, level);
    const deadline: Deadline | null =
      event.type === 'request.deadlineMissed' ? { step: event.payload.step, at: event.payload.deadline } : null;
    const occasion: Occasion = {
      request,
      platform: ctx.read.platform(request.platformId),
      trigger,
      topic,
      event,
      audience: event.audience,
      level,
      deadline,
      at: event.serverTime,
    };
    planOccasion(occasion, ctx, out, null);
  }
}

/**
 * A deadline of a pending request that falls within `leadMs` of `now` and has not passed: the
 * acknowledgement while there is none (unless the whole period is shorter than the lead), else
 * the action deadline while the clock runs.
 */
export function deadlineSoon(request: Request, now: number, leadMs: number): Deadline | undefined {
  if (!PENDING_STATUSES.includes(request.status)) return undefined;
  if (request.ackAt === null) {
    const at = ackDeadline(request);
    const near = request.missedAck === null && now >= at - leadMs && now < at && at - leadMs > request.createdAt;
    return near ? { step: 'ack', at } : undefined;
  }
  if (request.missedAction !== null || isPaused(request)) return undefined;
  const at = actionDeadline(request, now);
  return at !== null && now >= at - leadMs && now < at ? { step: 'action', at } : undefined;
}

/** Once per request, step and deadline: a deadline moved by a pause is a new one. */
export function soonKey(requestId: string, deadline: Deadline): string {
  return `soon:${requestId}:${deadline.step}:${deadline.at}`;
}

/** The messages "deadline soon" calls for; each with a dedup key, so that it is planned once. */
export function planDeadlineSoon(request: Request, deadline: Deadline, now: number, ctx: PlanContext, out: NewDelivery[]): void {
  const occasion: Occasion = {
    request,
    platform: ctx.read.platform(request.platformId),
    trigger: 'deadline_soon',
    topic: 'request.deadlineSoon',
    event: null,
    audience: { kind: 'platform', platformId: request.platformId },
    level: request.escalationLevel,
    deadline,
    at: now,
  };
  planOccasion(occasion, ctx, out, soonKey(request.id, deadline));
}
