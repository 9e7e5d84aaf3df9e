import { NO_OWNERS, type Request, type RequestItem } from '../domain/request.js';
import type { DomainEvent, EventOf } from '../protocol/events.js';

/** Events that change an existing request (creation is handled by `evolve`). */
export type RequestEvent = Exclude<Extract<DomainEvent, { type: `request.${string}` }>, { type: 'request.created' }>;

export function isRequestEvent(event: DomainEvent): event is RequestEvent {
  return event.type.startsWith('request.') && event.type !== 'request.created';
}

function answerItems(request: Request, event: EventOf<'request.answered'>): readonly RequestItem[] {
  const byId = new Map(event.payload.items.map((item) => [item.itemId, item]));
  return request.items.map((item) => {
    const answered = byId.get(item.id);
    if (!answered) return item;
    return {
      ...item,
      answer: {
        outcome: answered.outcome,
        reason: answered.reason,
        ground: answered.ground,
        at: event.serverTime,
        by: event.actor.userId,
      },
    };
  });
}

function closeOpenPause(request: Request, at: number): Request['pauses'] {
  return request.pauses.map((pause) => (pause.to === null ? { ...pause, to: at } : pause));
}

/** The pure reducer of one request: the request after one of its events. */
export function evolveRequest(request: Request, event: RequestEvent): Request {
  const at = event.serverTime;
  const base = { ...request, updatedAt: at };
  switch (event.type) {
    case 'request.edited': {
      const { addItems, ...fields } = event.payload.patch;
      return { ...base, ...fields, items: addItems ? [...request.items, ...addItems] : request.items };
    }
    case 'request.received':
      return request.receivedAt === null ? { ...base, receivedAt: at } : request;
    case 'request.acknowledged':
      return {
        ...base,
        status: request.status === 'open' ? 'acknowledged' : request.status,
        ackAt: request.ackAt ?? at,
        ackBy: request.ackBy ?? event.actor.userId,
        ackClientTime: request.ackAt === null ? event.clientTime : request.ackClientTime,
      };
    case 'request.infoRequested':
      return {
        ...base,
        status: 'needs_info',
        resumeStatus: request.status,
        pauses: [...request.pauses, { from: at, to: null, question: event.payload.question }],
      };
    case 'request.infoProvided':
      return {
        ...base,
        status: request.resumeStatus ?? 'acknowledged',
        resumeStatus: null,
        pauses: closeOpenPause(request, at),
      };
    case 'request.answered': {
      const complete = event.payload.complete;
      return {
        ...base,
        items: answerItems(request, event),
        status: complete ? 'answered' : request.status,
        answeredAt: complete && request.answeredAt === null ? at : request.answeredAt,
        answeredClientTime: complete && request.answeredAt === null ? event.clientTime : request.answeredClientTime,
      };
    }
    case 'request.contested':
      return {
        ...base,
        status: 'contested',
        contestedAt: request.contestedAt ?? at,
        pauses: closeOpenPause(request, at),
      };
    case 'request.withdrawn':
      return { ...base, status: 'withdrawn', withdrawnAt: at, pauses: closeOpenPause(request, at) };
    case 'request.closed':
      return { ...base, status: 'closed', closedAt: at };
    case 'request.reopened':
      return { ...base, status: 'reopened', closedAt: null, withdrawnAt: null };
    case 'request.escalated':
      return { ...base, escalationLevel: Math.max(request.escalationLevel, event.payload.level) };
    case 'request.assigned':
      return { ...base, owners: { ...(request.owners ?? NO_OWNERS), [event.payload.side]: event.payload.assigneeId } };
    case 'request.deadlineMissed':
      return event.payload.step === 'ack'
        ? { ...base, missedAck: request.missedAck ?? at }
        : { ...base, missedAction: request.missedAction ?? at };
  }
}
