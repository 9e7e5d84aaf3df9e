import { describe, expect, it } from 'vitest';
import {
  audienceOf,
  DEFAULT_POLICY,
  GENESIS_HASH,
  minutesContent,
  minutesHash,
  readState,
  type Audience,
  type EventDraft,
  type EventType,
} from '../src/index.js';
import { IDS, T0, createRequest, seeded, uuid } from './fixtures.js';

const META: Audience = { kind: 'platform', platformId: 'meta' };
const MINISTRY: Audience = { kind: 'ministry' };
const ADMIN: Audience = { kind: 'admin' };

function world() {
  const { desk, operator, prefect } = seeded();
  const requestId = createRequest(desk, operator, { platformId: 'meta' });
  const request = desk.request(requestId);
  const platform = desk.state.platforms.get('meta')!;
  const liaison = desk.state.users.get(IDS.metaLiaison)!;
  const observer = desk.state.users.get(IDS.observer)!;
  const comment = {
    id: uuid(700),
    requestId,
    authorId: IDS.operator,
    authorName: 'Olivier Pharos',
    body: 'Note',
    visibility: 'shared' as const,
    createdAt: T0,
    clientTime: null,
  };
  const device = { id: uuid(701), userId: IDS.metaLiaison, label: 'Phone', enrolledAt: T0, revokedAt: null };
  const meeting = {
    type: 'meeting' as const,
    id: uuid(710),
    title: 'Réunion',
    kind: 'regular' as const,
    startsAt: T0,
    place: null,
    videoLink: null,
    invitedPlatformIds: ['meta'],
    attendance: {},
    createdAt: T0,
    createdBy: IDS.operator,
  };
  // The meeting is on the record: its records go to the ministry and the platform it invites.
  const { title, kind, startsAt, place, videoLink, invitedPlatformIds } = meeting;
  desk.must(prefect, 'meeting.create', { meetingId: meeting.id, title, kind, startsAt, place, videoLink, invitedPlatformIds });
  const agendaItem = {
    type: 'agendaItem' as const,
    id: uuid(711),
    meetingId: meeting.id,
    kind: 'late_requests' as const,
    title: 'Retards de Meta',
    platformId: 'meta',
    requestRefs: [],
    notes: '',
    order: 1000,
    createdAt: T0,
  };
  const decision = {
    type: 'decision' as const,
    id: uuid(712),
    meetingId: meeting.id,
    agendaItemId: null,
    platformId: null,
    text: 'D',
    createdAt: T0,
  };
  const actionItem = {
    type: 'actionItem' as const,
    id: uuid(713),
    meetingId: meeting.id,
    text: 'A',
    owner: { kind: 'platform' as const, platformId: 'meta' },
    dueDate: null,
    status: 'open' as const,
    createdAt: T0,
    updatedAt: T0,
  };
  const content = minutesContent(readState(desk.state), meeting, 'Claire Vautrin', T0, 3, GENESIS_HASH);
  const minutesCopy = { meetingId: meeting.id, version: 1, upToSeq: 3, upToHash: GENESIS_HASH, contentHash: minutesHash(content), content };
  const webhook = {
    type: 'webhook' as const,
    id: uuid(720),
    platformId: 'meta',
    name: 'Case tool',
    url: 'https://hooks.example/x',
    preset: 'standard' as const,
    topics: ['request.created' as const],
    priorities: [],
    active: true,
    secretVersion: 1,
    createdAt: T0,
    createdBy: IDS.prefect,
    updatedAt: T0,
    removedAt: null,
  };
  const apiKey = {
    type: 'apiKey' as const,
    id: uuid(721),
    platformId: 'meta',
    name: 'Case tool',
    scope: 'act' as const,
    prefix: 'cdk_000000004000',
    createdAt: T0,
    createdBy: IDS.prefect,
    revokedAt: null,
  };
  const attempt = {
    deliveryId: uuid(722),
    requestId,
    platformId: 'meta',
    channel: 'email' as const,
    recipient: 'bruno@meta.example',
    recipientName: 'Bruno Meta',
    level: 1,
    trigger: 'escalated' as const,
    causeSeq: 12,
    attempt: 1,
    outcome: 'delivered' as const,
    detail: '250 OK',
    nextAttemptAt: null,
  };
  const campaign = {
    id: uuid(723),
    name: 'Attentat du 13 mars',
    status: 'open' as const,
    startedAt: T0,
    startedBy: IDS.prefect,
    closedAt: null,
    closedBy: null,
    terms: [],
    updatedAt: T0,
  };
  /** Every event type, with the audience it must get (the type checker keeps the list complete). */
  const cases: { [T in EventType]: [EventDraft, Audience] } = {
    'request.created': [{ type: 'request.created', payload: { request } }, META],
    'request.edited': [{ type: 'request.edited', payload: { requestId, patch: { pharosRef: 'x' } } }, META],
    'request.received': [{ type: 'request.received', payload: { requestId, deviceId: device.id } }, META],
    'request.acknowledged': [{ type: 'request.acknowledged', payload: { requestId, implicit: false } }, META],
    'request.infoRequested': [{ type: 'request.infoRequested', payload: { requestId, question: 'Q' } }, META],
    'request.infoProvided': [{ type: 'request.infoProvided', payload: { requestId, answer: 'A' } }, META],
    'request.answered': [{ type: 'request.answered', payload: { requestId, items: [], complete: false } }, META],
    'request.contested': [{ type: 'request.contested', payload: { requestId, reason: 'R' } }, META],
    'request.withdrawn': [{ type: 'request.withdrawn', payload: { requestId, reason: 'R' } }, META],
    'request.closed': [{ type: 'request.closed', payload: { requestId, note: null } }, META],
    'request.reopened': [{ type: 'request.reopened', payload: { requestId, reason: 'R' } }, META],
    'request.escalated': [
      {
        type: 'request.escalated',
        payload: { requestId, level: 1, target: 'backup_liaison', note: null, automatic: true },
      },
      META,
    ],
    'request.deadlineMissed': [{ type: 'request.deadlineMissed', payload: { requestId, step: 'ack', deadline: T0 } }, META],
    'request.assigned': [
      { type: 'request.assigned', payload: { requestId, side: 'ministry', assigneeId: IDS.operator, previousId: null } },
      META,
    ],
    'comment.added': [{ type: 'comment.added', payload: { comment } }, META],
    'platform.created': [{ type: 'platform.created', payload: { platform } }, META],
    'platform.updated': [{ type: 'platform.updated', payload: { platform } }, META],
    'user.created': [{ type: 'user.created', payload: { user: liaison } }, META],
    'user.updated': [{ type: 'user.updated', payload: { user: observer } }, MINISTRY],
    'user.revoked': [{ type: 'user.revoked', payload: { userId: IDS.metaLiaison } }, META],
    'user.enrollmentIssued': [{ type: 'user.enrollmentIssued', payload: { userId: IDS.observer, expiresAt: T0 } }, ADMIN],
    'device.enrolled': [{ type: 'device.enrolled', payload: { device } }, ADMIN],
    'device.revoked': [{ type: 'device.revoked', payload: { deviceId: device.id, userId: IDS.metaLiaison } }, ADMIN],
    'policy.updated': [{ type: 'policy.updated', payload: { policy: DEFAULT_POLICY } }, { kind: 'all' }],
    'campaign.started': [{ type: 'campaign.started', payload: { campaign } }, { kind: 'all' }],
    'campaign.updated': [{ type: 'campaign.updated', payload: { campaign } }, { kind: 'all' }],
    'campaign.closed': [{ type: 'campaign.closed', payload: { campaign } }, { kind: 'all' }],
    'campaign.reopened': [{ type: 'campaign.reopened', payload: { campaign } }, { kind: 'all' }],
    'meeting.created': [{ type: 'meeting.created', payload: { meeting } }, META],
    'meeting.updated': [{ type: 'meeting.updated', payload: { meeting } }, META],
    'meeting.attendanceSet': [
      { type: 'meeting.attendanceSet', payload: { meetingId: meeting.id, partyKey: 'platform:meta', status: 'present' } },
      META,
    ],
    'agenda.itemAdded': [{ type: 'agenda.itemAdded', payload: { item: agendaItem } }, META],
    'agenda.itemUpdated': [{ type: 'agenda.itemUpdated', payload: { item: { ...agendaItem, platformId: null } } }, META],
    'agenda.itemRemoved': [{ type: 'agenda.itemRemoved', payload: { itemId: agendaItem.id, meetingId: meeting.id } }, MINISTRY],
    'decision.added': [{ type: 'decision.added', payload: { decision } }, META],
    'decision.updated': [{ type: 'decision.updated', payload: { decision: { ...decision, platformId: 'meta' } } }, META],
    'decision.removed': [
      { type: 'decision.removed', payload: { decisionId: decision.id, meetingId: meeting.id, platformId: null } },
      MINISTRY,
    ],
    'meeting.adopted': [{ type: 'meeting.adopted', payload: { ...minutesCopy, note: null } }, MINISTRY],
    'minutes.published': [{ type: 'minutes.published', payload: { ...minutesCopy, platformId: 'meta' } }, META],
    'meeting.minutesReopened': [{ type: 'meeting.minutesReopened', payload: { meetingId: meeting.id, version: 1, reason: 'R' } }, META],
    'actionItem.created': [{ type: 'actionItem.created', payload: { actionItem } }, META],
    'actionItem.statusChanged': [{ type: 'actionItem.statusChanged', payload: { actionItemId: actionItem.id, status: 'done' } }, MINISTRY],
    'webhook.created': [{ type: 'webhook.created', payload: { webhook } }, META],
    'webhook.updated': [
      { type: 'webhook.updated', payload: { webhook: { ...webhook, platformId: null }, secretReplaced: false } },
      MINISTRY,
    ],
    'webhook.removed': [{ type: 'webhook.removed', payload: { webhookId: webhook.id, platformId: 'meta' } }, META],
    'apiKey.issued': [{ type: 'apiKey.issued', payload: { apiKey } }, META],
    'apiKey.revoked': [{ type: 'apiKey.revoked', payload: { apiKeyId: apiKey.id, platformId: 'meta' } }, META],
    'notification.attempted': [{ type: 'notification.attempted', payload: attempt }, META],
  };
  return { desk, requestId, comment, cases, attempt };
}

describe('audienceOf', () => {
  const { desk, cases } = world();
  it.each(Object.entries(cases))('%s goes to the right audience', (_type, [event, audience]) => {
    expect(audienceOf(event, readState(desk.state))).toEqual(audience);
  });

  it('keeps ministry-only comments inside the ministry', () => {
    const { desk: fresh, comment } = world();
    const event: EventDraft = { type: 'comment.added', payload: { comment: { ...comment, visibility: 'ministry' } } };
    expect(audienceOf(event, readState(fresh.state))).toEqual(MINISTRY);
  });

  it('sends a ministry user’s revocation to the ministry only', () => {
    const event: EventDraft = { type: 'user.revoked', payload: { userId: IDS.operator } };
    expect(audienceOf(event, readState(desk.state))).toEqual(MINISTRY);
  });

  it('keeps what the ministry’s own channels sent inside the ministry', () => {
    const { attempt } = world();
    const event: EventDraft = {
      type: 'notification.attempted',
      payload: { ...attempt, platformId: null, recipient: 'permanence@interieur.example' },
    };
    expect(audienceOf(event, readState(desk.state))).toEqual(MINISTRY);
  });

  it('falls back to the ministry for an event about an unknown request', () => {
    const unknown = uuid(9999);
    const read = readState(desk.state);
    expect(audienceOf({ type: 'request.closed', payload: { requestId: unknown, note: null } }, read)).toEqual(MINISTRY);
    const { comment } = world();
    expect(audienceOf({ type: 'comment.added', payload: { comment: { ...comment, requestId: unknown } } }, read)).toEqual(MINISTRY);
  });

  it('stamps the events the relay records with these audiences', () => {
    const { desk: fresh, requestId } = world();
    const ministryNote = fresh.must(fresh.actor(IDS.operator), 'comment.add', {
      requestId,
      commentId: uuid(702),
      body: 'Between us.',
      visibility: 'ministry',
    });
    expect(ministryNote.events[0]?.audience).toEqual(MINISTRY);
    const received = fresh.receive(requestId);
    expect(received[0]?.audience).toEqual(META);
  });
});
