import { actionDeadline, ackDeadline, type Request } from '@contact-desk/shared';
import type { RequestSummary } from '../api/api-views.js';
import { requestIdentity } from '../api/request-views.js';
import type { Occasion } from './occasion.js';

/** The request in a webhook's body: the REST API's summary fields of the same names, its two deadlines flat. */
export type WebhookRequest = Pick<
  RequestSummary,
  'id' | 'ref' | 'platformId' | 'kind' | 'priority' | 'status' | 'createdAt' | 'escalationLevel'
> & {
  readonly ackDeadline: RequestSummary['deadlines']['ack'];
  readonly actionDeadline: RequestSummary['deadlines']['action'];
};

/** The request as a webhook shows it: what its platform sees of it on the desk, without the content. */
export function requestSummary(request: Request, now: number): WebhookRequest {
  return {
    ...requestIdentity(request),
    status: request.status,
    createdAt: request.createdAt,
    ackDeadline: ackDeadline(request),
    actionDeadline: actionDeadline(request, now),
    escalationLevel: request.escalationLevel,
  };
}

/**
 * A standard webhook's body: `{ type, timestamp, data }` (Standard Webhooks). `data.event` is the
 * log's event as its platform gets it by pull (seq, time, actor, payload); `data.deadline` the
 * deadline a `request.deadlineSoon` is about. Times inside `data` are ms since the epoch, as in
 * the protocol.
 */
export function standardBody(occasion: Occasion): string {
  const { event } = occasion;
  return JSON.stringify({
    type: occasion.topic,
    timestamp: new Date(occasion.at).toISOString(),
    data: {
      request: requestSummary(occasion.request, occasion.at),
      event: event && {
        seq: event.seq,
        type: event.type,
        serverTime: event.serverTime,
        actor: event.actor,
        payload: event.payload,
      },
      deadline: occasion.deadline,
    },
  });
}
