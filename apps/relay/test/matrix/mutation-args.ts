/**
 * Valid arguments for every mutation type, aimed at given targets. The record is keyed by
 * `MutationType`, so a new mutation type does not compile until it has arguments here, and the
 * fuzz and access-matrix suites cover it from then on.
 */
import { DEFAULT_POLICY, newId, type EventType, type MutationType } from '@contact-desk/shared';
import { createRequestArgs, T0 } from '../harness.js';

/** The entities a mutation acts on. Ids that a mutation creates are fresh on every call. */
export interface Targets {
  readonly platformId: string;
  readonly requestId: string;
  readonly meetingId: string;
  readonly agendaItemId: string;
  readonly actionItemId: string;
  readonly decisionId: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly webhookId: string;
  readonly apiKeyId: string;
  readonly campaignId: string;
}

/** Which target a mutation names: the id that must not leak whether it exists. */
export type TargetKey = keyof Targets | null;

interface ArgsSpec {
  readonly args: (t: Targets) => Record<string, unknown>;
  /** The argument that names an existing entity, if any (`null` for a creation). */
  readonly target: TargetKey;
  /** The event the mutation records when it is accepted (the last of its events). */
  readonly event: EventType;
}

const DAY = 86_400_000;

export const MUTATION_SPECS: Record<MutationType, ArgsSpec> = {
  'request.create': { args: (t) => createRequestArgs(t.platformId), target: null, event: 'request.created' },
  'request.edit': {
    args: (t) => ({ requestId: t.requestId, patch: { grounds: 'Grounds restated.' } }),
    target: 'requestId',
    event: 'request.edited',
  },
  'request.acknowledge': { args: (t) => ({ requestId: t.requestId }), target: 'requestId', event: 'request.acknowledged' },
  'request.requestInfo': {
    args: (t) => ({ requestId: t.requestId, question: 'Which account?' }),
    target: 'requestId',
    event: 'request.infoRequested',
  },
  'request.provideInfo': {
    args: (t) => ({ requestId: t.requestId, answer: 'The first one.' }),
    target: 'requestId',
    event: 'request.infoProvided',
  },
  'request.answer': {
    args: (t) => ({ requestId: t.requestId, items: [{ itemId: `${t.requestId}/1`, outcome: 'removed' }] }),
    target: 'requestId',
    event: 'request.answered',
  },
  'request.contest': {
    args: (t) => ({ requestId: t.requestId, reason: 'Lawful satire.' }),
    target: 'requestId',
    event: 'request.contested',
  },
  'request.withdraw': {
    args: (t) => ({ requestId: t.requestId, reason: 'Sent by mistake.' }),
    target: 'requestId',
    event: 'request.withdrawn',
  },
  'request.close': { args: (t) => ({ requestId: t.requestId, note: 'Checked.' }), target: 'requestId', event: 'request.closed' },
  'request.reopen': {
    args: (t) => ({ requestId: t.requestId, reason: 'Content is back.' }),
    target: 'requestId',
    event: 'request.reopened',
  },
  'request.escalate': {
    args: (t) => ({ requestId: t.requestId, note: 'No answer by phone.' }),
    target: 'requestId',
    event: 'request.escalated',
  },
  // The request's owners are set while preparing: each side lets its own go.
  'request.assign': { args: (t) => ({ requestId: t.requestId, assigneeId: null }), target: 'requestId', event: 'request.assigned' },
  'comment.add': {
    args: (t) => ({ commentId: newId(), requestId: t.requestId, body: 'Noted.' }),
    target: 'requestId',
    event: 'comment.added',
  },
  'campaign.start': { args: () => ({ campaignId: newId(), name: `Wave ${newId()}` }), target: null, event: 'campaign.started' },
  'campaign.update': {
    args: (t) => ({ campaignId: t.campaignId, patch: { name: `Wave ${newId()}` } }),
    target: 'campaignId',
    event: 'campaign.updated',
  },
  'campaign.close': { args: (t) => ({ campaignId: t.campaignId }), target: 'campaignId', event: 'campaign.closed' },
  'campaign.reopen': { args: (t) => ({ campaignId: t.campaignId }), target: 'campaignId', event: 'campaign.reopened' },
  'platform.create': {
    args: () => ({ platformId: `p-${newId().slice(-12)}`, name: 'New member', kind: 'platform' }),
    target: null,
    event: 'platform.created',
  },
  'platform.update': {
    args: (t) => ({ platformId: t.platformId, patch: { name: `Renamed ${t.platformId}` } }),
    target: 'platformId',
    event: 'platform.updated',
  },
  'user.create': {
    args: (t) => ({ userId: newId(), name: 'New liaison', role: 'liaison', platformId: t.platformId }),
    target: null,
    event: 'user.enrollmentIssued',
  },
  'user.update': { args: (t) => ({ userId: t.userId, patch: { name: 'Renamed person' } }), target: 'userId', event: 'user.updated' },
  'user.revoke': { args: (t) => ({ userId: t.userId }), target: 'userId', event: 'user.revoked' },
  'user.issueEnrollmentCode': { args: (t) => ({ userId: t.userId }), target: 'userId', event: 'user.enrollmentIssued' },
  'device.revoke': { args: (t) => ({ deviceId: t.deviceId }), target: 'deviceId', event: 'device.revoked' },
  'policy.update': {
    args: () => ({ levels: DEFAULT_POLICY.levels.map((level) => ({ ...level })) }),
    target: null,
    event: 'policy.updated',
  },
  'meeting.create': {
    args: (t) => ({
      meetingId: newId(),
      title: 'Contact group',
      kind: 'regular',
      startsAt: T0 + DAY,
      place: 'Place Beauvau',
      videoLink: null,
      invitedPlatformIds: [t.platformId],
    }),
    target: null,
    event: 'meeting.created',
  },
  'meeting.update': {
    args: (t) => ({ meetingId: t.meetingId, patch: { title: 'Contact group (moved)' } }),
    target: 'meetingId',
    event: 'meeting.updated',
  },
  'meeting.setAttendance': {
    args: (t) => ({ meetingId: t.meetingId, party: { kind: 'platform', platformId: t.platformId }, status: 'present' }),
    target: 'meetingId',
    event: 'meeting.attendanceSet',
  },
  'agenda.addItem': {
    args: (t) => ({
      itemId: newId(),
      meetingId: t.meetingId,
      kind: 'late_requests',
      title: `Late at ${t.platformId}`,
      platformId: t.platformId,
    }),
    target: null,
    event: 'agenda.itemAdded',
  },
  'agenda.updateItem': {
    args: (t) => ({ itemId: t.agendaItemId, patch: { notes: 'Discussed.' } }),
    target: 'agendaItemId',
    event: 'agenda.itemUpdated',
  },
  'agenda.removeItem': { args: (t) => ({ itemId: t.agendaItemId }), target: 'agendaItemId', event: 'agenda.itemRemoved' },
  'decision.add': {
    args: (t) => ({ decisionId: newId(), meetingId: t.meetingId, platformId: t.platformId, text: 'Monthly report.' }),
    target: null,
    event: 'decision.added',
  },
  'decision.update': {
    args: (t) => ({ decisionId: t.decisionId, text: 'Fortnightly report.' }),
    target: 'decisionId',
    event: 'decision.updated',
  },
  'decision.remove': { args: (t) => ({ decisionId: t.decisionId }), target: 'decisionId', event: 'decision.removed' },
  // A meeting of its own (prepared per cell), so adopting it locks nothing the other cells use.
  'agenda.reorder': {
    args: (t) => ({ meetingId: t.meetingId, itemIds: [t.agendaItemId] }),
    target: 'meetingId',
    event: 'agenda.itemUpdated',
  },
  'meeting.adopt': { args: (t) => ({ meetingId: t.meetingId, note: null }), target: 'meetingId', event: 'minutes.published' },
  'meeting.reopenMinutes': {
    args: (t) => ({ meetingId: t.meetingId, reason: 'A decision was mistranscribed.' }),
    target: 'meetingId',
    event: 'meeting.minutesReopened',
  },
  'actionItem.create': {
    args: (t) => ({
      actionItemId: newId(),
      meetingId: t.meetingId,
      text: 'Night shift.',
      owner: { kind: 'platform', platformId: t.platformId },
    }),
    target: null,
    event: 'actionItem.created',
  },
  'actionItem.setStatus': {
    args: (t) => ({ actionItemId: t.actionItemId, status: 'done' }),
    target: 'actionItemId',
    event: 'actionItem.statusChanged',
  },
  'webhook.create': {
    args: (t) => ({
      webhookId: newId(),
      platformId: t.platformId,
      name: `Case tool of ${t.platformId}`,
      url: 'https://hooks.example.org/contact-desk',
    }),
    target: null,
    event: 'webhook.created',
  },
  'webhook.update': {
    args: (t) => ({ webhookId: t.webhookId, patch: { name: 'Renamed hook' } }),
    target: 'webhookId',
    event: 'webhook.updated',
  },
  'webhook.rotateSecret': { args: (t) => ({ webhookId: t.webhookId }), target: 'webhookId', event: 'webhook.updated' },
  'webhook.remove': { args: (t) => ({ webhookId: t.webhookId }), target: 'webhookId', event: 'webhook.removed' },
  'apiKey.issue': {
    args: (t) => ({ apiKeyId: newId(), platformId: t.platformId, name: `Key of ${t.platformId}`, scope: 'act' }),
    target: null,
    event: 'apiKey.issued',
  },
  'apiKey.revoke': { args: (t) => ({ apiKeyId: t.apiKeyId }), target: 'apiKeyId', event: 'apiKey.revoked' },
};

/** Targets that exist nowhere: every lookup through them must miss. */
export function phantomTargets(platformId = 'nowhere'): Targets {
  return {
    platformId,
    requestId: newId(),
    meetingId: newId(),
    agendaItemId: newId(),
    actionItemId: newId(),
    decisionId: newId(),
    userId: newId(),
    deviceId: newId(),
    webhookId: newId(),
    apiKeyId: newId(),
    campaignId: newId(),
  };
}
