/** One valid argument object per mutation type (the type checker keeps the list complete). */
import type { MutationInput, MutationType } from '../src/index.js';
import { IDS, uuid } from './fixtures.js';

export const SAMPLE_REQUEST_ID = uuid(500);
export const SAMPLE_MEETING_ID = uuid(510);

export const SAMPLE_ARGS: { [T in MutationType]: MutationInput<T> } = {
  'request.create': {
    requestId: SAMPLE_REQUEST_ID,
    platformId: 'meta',
    kind: 'removal',
    priority: 'P0',
    items: ['https://www.facebook.com/posts/1'],
    category: 'terrorism_incitement',
    grounds: 'Incitement to commit a terrorist act.',
  },
  'request.edit': { requestId: SAMPLE_REQUEST_ID, patch: { campaign: 'crisis-2026-03' } },
  'request.acknowledge': { requestId: SAMPLE_REQUEST_ID },
  'request.requestInfo': { requestId: SAMPLE_REQUEST_ID, question: 'Which video exactly?' },
  'request.provideInfo': { requestId: SAMPLE_REQUEST_ID, answer: 'The second one.' },
  'request.answer': { requestId: SAMPLE_REQUEST_ID, items: [{ itemId: `${SAMPLE_REQUEST_ID}/1`, outcome: 'removed' }] },
  'request.contest': { requestId: SAMPLE_REQUEST_ID, reason: 'Satire, not apology.' },
  'request.withdraw': { requestId: SAMPLE_REQUEST_ID, reason: 'Sent by mistake.' },
  'request.close': { requestId: SAMPLE_REQUEST_ID },
  'request.reopen': { requestId: SAMPLE_REQUEST_ID, reason: 'The content is back.' },
  'request.escalate': { requestId: SAMPLE_REQUEST_ID, note: 'No news after an hour.' },
  'request.assign': { requestId: SAMPLE_REQUEST_ID, assigneeId: IDS.metaLiaison },
  'comment.add': { commentId: uuid(501), requestId: SAMPLE_REQUEST_ID, body: 'Thanks.' },
  'platform.create': { platformId: 'youtube', name: 'YouTube', kind: 'platform' },
  'platform.update': { platformId: 'meta', patch: { active: false } },
  'user.create': { userId: uuid(502), name: 'New Operator', role: 'operator' },
  'user.update': { userId: IDS.operator, patch: { team: 'SDLC' } },
  'user.revoke': { userId: IDS.observer },
  'user.issueEnrollmentCode': { userId: IDS.observer },
  'device.revoke': { deviceId: uuid(503) },
  'policy.update': {
    levels: [{ label: 'P0', name: 'Terrorist emergency', ackMinutes: 10, actionMinutes: 60 }],
  },
  'meeting.create': {
    meetingId: SAMPLE_MEETING_ID,
    title: 'Groupe de contact — novembre',
    kind: 'regular',
    startsAt: 1_800_000_000_000,
    place: 'Place Beauvau',
    videoLink: null,
    invitedPlatformIds: ['meta'],
  },
  'meeting.update': { meetingId: SAMPLE_MEETING_ID, patch: { place: 'Salle 2' } },
  'meeting.setAttendance': { meetingId: SAMPLE_MEETING_ID, party: { kind: 'platform', platformId: 'meta' }, status: 'present' },
  'agenda.addItem': { itemId: uuid(511), meetingId: SAMPLE_MEETING_ID, kind: 'free', title: 'Point divers' },
  'agenda.updateItem': { itemId: uuid(511), patch: { notes: 'Notes' } },
  'agenda.removeItem': { itemId: uuid(511) },
  'decision.add': { decisionId: uuid(512), meetingId: SAMPLE_MEETING_ID, text: 'Décision' },
  'actionItem.create': {
    actionItemId: uuid(513),
    meetingId: SAMPLE_MEETING_ID,
    text: 'Fournir les chiffres',
    owner: { kind: 'platform', platformId: 'meta' },
  },
  'actionItem.setStatus': { actionItemId: uuid(513), status: 'done' },
  'webhook.create': { webhookId: uuid(520), platformId: 'meta', name: 'Meta case tool', url: 'https://hooks.example.com/cd' },
  'webhook.update': { webhookId: uuid(520), patch: { active: false } },
  'webhook.rotateSecret': { webhookId: uuid(520) },
  'webhook.remove': { webhookId: uuid(520) },
  'apiKey.issue': { apiKeyId: uuid(521), platformId: 'meta', name: 'Meta case tool', scope: 'act' },
  'apiKey.revoke': { apiKeyId: uuid(521) },
};
