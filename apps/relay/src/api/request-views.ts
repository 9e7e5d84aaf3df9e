import {
  ackDeadline,
  actionDeadline,
  contactsAt,
  isLateNow,
  ownerOf,
  runningDeadline,
  triageReason,
  waitingOn,
  type DomainState,
  type LoggedEvent,
  type Request,
  type RequestSide,
} from '@contact-desk/shared';
import type { z } from 'zod';
import type { RequestDetail, RequestSummary, timelineEventSchema } from './api-views.js';

/**
 * A request as the platform's tool sees it: what the platform's liaison sees in the app, with the
 * triage rules (docs/triage.md) worked out at the relay's time.
 */

type Directory = Pick<DomainState, 'users' | 'platforms' | 'comments' | 'campaigns'>;

function owner(request: Request, side: RequestSide, state: Directory): RequestSummary['owners']['ministry'] {
  const userId = ownerOf(request, side);
  return userId === null ? null : { userId, name: state.users.get(userId)?.name ?? null };
}

/** What names a request wherever the relay shows it outside the app: the API's summaries and the webhooks' bodies. */
export function requestIdentity(request: Request): Pick<RequestSummary, 'id' | 'ref' | 'platformId' | 'kind' | 'priority'> {
  return { id: request.id, ref: request.ref, platformId: request.platformId, kind: request.kind, priority: request.sla.label };
}

export function summaryOf(request: Request, now: number, state: Directory): RequestSummary {
  return {
    ...requestIdentity(request),
    category: request.category,
    status: request.status,
    doNotInform: request.doNotInform,
    createdAt: request.createdAt,
    receivedAt: request.receivedAt,
    ackAt: request.ackAt,
    answeredAt: request.answeredAt,
    updatedAt: request.updatedAt,
    deadlines: { ack: ackDeadline(request), action: actionDeadline(request, now), running: runningDeadline(request, now) },
    late: isLateNow(request, now),
    escalationLevel: request.escalationLevel,
    owners: { ministry: owner(request, 'ministry', state), platform: owner(request, 'platform', state) },
    waitingOn: waitingOn(request),
    reason: triageReason(request),
  };
}

/** The people of the request's escalation level on the platform's own chain; the ministry's stay unlisted. */
function escalationOf(request: Request, state: Directory): RequestDetail['escalation'] {
  const { target, people } = contactsAt(state, request.platformId, request.escalationLevel);
  // Level 0 is the platform's liaisons (`contactsAt` never names it `none`).
  return {
    level: request.escalationLevel,
    target: target === 'none' ? 'liaisons' : target,
    people: target === 'prefect' ? [] : [...people],
  };
}

export function timelineEventOf(event: LoggedEvent): z.infer<typeof timelineEventSchema> {
  return {
    seq: event.seq,
    type: event.type,
    serverTime: event.serverTime,
    actor: { ...event.actor },
    clientTime: event.clientTime,
    mutationId: event.mutationId,
    payload: { ...event.payload },
    hash: event.hash,
  };
}

export function detailOf(
  request: Request,
  now: number,
  state: Directory,
  timeline: { readonly events: readonly LoggedEvent[]; readonly nextAfter: number | null },
): RequestDetail {
  const comments = [...state.comments.values()]
    .filter((comment) => comment.requestId === request.id && comment.visibility === 'shared')
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map(({ id, authorId, authorName, body, createdAt }) => ({ id, authorId, authorName, body, createdAt }));
  return {
    ...summaryOf(request, now, state),
    grounds: request.grounds,
    pharosRef: request.pharosRef,
    campaign: request.campaignId ? (state.campaigns.get(request.campaignId)?.name ?? null) : request.campaign,
    campaignId: request.campaignId ?? null,
    retentionUntil: request.retentionUntil,
    closedAt: request.closedAt,
    withdrawnAt: request.withdrawnAt,
    contestedAt: request.contestedAt,
    pauses: request.pauses.map((pause) => ({ ...pause })),
    items: request.items.map((item) => ({ id: item.id, location: item.location, answer: item.answer && { ...item.answer } })),
    comments,
    escalation: escalationOf(request, state),
    timeline: { events: timeline.events.map(timelineEventOf), nextAfter: timeline.nextAfter },
  };
}
