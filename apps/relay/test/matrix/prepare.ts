/**
 * Fresh targets for one cell of the access matrix, on a given platform and in the state the
 * mutation needs to be allowed at all (so an allowed cell is accepted and a refusal is about
 * who acts, never about the state).
 */
import { newId, type MutationType, type RequestStatus } from '@contact-desk/shared';
import { T0 } from '../harness.js';
import { phantomTargets, type Targets } from './mutation-args.js';
import { PLATFORM_A, PLATFORM_B, requestIn, type World } from './world.js';

/** The status a request must be in for each request step to be legal. */
const STATUS_FOR: Partial<Record<MutationType, RequestStatus>> = {
  'request.edit': 'open',
  'request.acknowledge': 'open',
  'request.requestInfo': 'open',
  'request.provideInfo': 'needs_info',
  'request.answer': 'acknowledged',
  'request.contest': 'acknowledged',
  'request.withdraw': 'open',
  'request.close': 'answered',
  'request.reopen': 'withdrawn',
  'request.escalate': 'open',
  'request.assign': 'open',
  'comment.add': 'open',
};

async function accepted(result: Promise<{ status: string }>, what: string): Promise<void> {
  const answer = await result;
  if (answer.status !== 'accepted') throw new Error(`${what} refused while preparing: ${JSON.stringify(answer)}`);
}

/** A meeting of its own for a minutes cell: with one item of the platform, adopted when the cell reopens it. */
async function ownMeeting(world: World, type: MutationType, platformId: string, targets: Targets): Promise<Targets> {
  const { clients } = world;
  const meetingId = newId();
  const agendaItemId = newId();
  const invitedPlatformIds = [PLATFORM_A, PLATFORM_B];
  await accepted(
    clients.prefect.act('meeting.create', {
      meetingId,
      title: `Minutes of ${platformId}`,
      kind: 'regular',
      startsAt: T0 + 2 * 86_400_000,
      place: null,
      videoLink: null,
      invitedPlatformIds,
    }),
    'meeting',
  );
  await accepted(
    clients.operator.act('agenda.addItem', { itemId: agendaItemId, meetingId, kind: 'free', title: `About ${platformId}`, platformId }),
    'agenda item',
  );
  if (type === 'meeting.reopenMinutes') await accepted(clients.prefect.act('meeting.adopt', { meetingId, note: null }), 'adoption');
  return { ...targets, meetingId, agendaItemId };
}

export async function prepareTargets(world: World, meetingId: string, type: MutationType, platformId: string): Promise<Targets> {
  const { h, clients } = world;
  const targets = { ...phantomTargets(platformId), meetingId };
  const status = STATUS_FOR[type];
  if (status) {
    const requestId = await requestIn(world, platformId, status);
    if (type === 'request.assign') {
      // The platform's liaison takes it, so that either side has someone to let go.
      const liaison = world.liaisonOf(platformId);
      const liaisonId = platformId === world.users.liaisonA.platformId ? world.users.liaisonA.userId : world.users.liaisonB.userId;
      await accepted(liaison.act('request.assign', { requestId, assigneeId: liaisonId }), 'taking the request');
    }
    if (type === 'request.escalate') {
      // A manual escalation needs someone on the platform's chain to go to.
      await accepted(
        clients.prefect.act('platform.update', {
          platformId,
          patch: { escalationContact: { name: 'Duty manager', email: 'duty@example.org' } },
        }),
        'naming the manager contact',
      );
    }
    return { ...targets, requestId };
  }
  switch (type) {
    case 'user.update':
    case 'user.revoke':
    case 'user.issueEnrollmentCode':
      return { ...targets, userId: (await h.createUser('liaison', platformId)).userId };
    case 'device.revoke':
      return { ...targets, deviceId: (await h.user('liaison', platformId)).deviceId };
    case 'agenda.updateItem':
    case 'agenda.removeItem': {
      const agendaItemId = newId();
      await accepted(
        clients.operator.act('agenda.addItem', {
          itemId: agendaItemId,
          meetingId,
          kind: 'late_requests',
          title: `Late at ${platformId}`,
          platformId,
        }),
        'agenda item',
      );
      return { ...targets, agendaItemId };
    }
    case 'decision.update':
    case 'decision.remove': {
      const decisionId = newId();
      await accepted(
        clients.operator.act('decision.add', { decisionId, meetingId, platformId, text: `Report of ${platformId}` }),
        'decision',
      );
      return { ...targets, decisionId };
    }
    case 'agenda.reorder':
    case 'meeting.adopt':
    case 'meeting.reopenMinutes':
      return ownMeeting(world, type, platformId, targets);
    case 'actionItem.setStatus': {
      const actionItemId = newId();
      await accepted(
        clients.operator.act('actionItem.create', {
          actionItemId,
          meetingId,
          text: `Follow-up for ${platformId}`,
          owner: { kind: 'platform', platformId },
        }),
        'action item',
      );
      return { ...targets, actionItemId };
    }
    case 'webhook.update':
    case 'webhook.rotateSecret':
    case 'webhook.remove': {
      const webhookId = newId();
      await accepted(
        clients.prefect.act('webhook.create', { webhookId, platformId, name: `Hook of ${platformId}`, url: 'https://hooks.example.org/x' }),
        'webhook',
      );
      return { ...targets, webhookId };
    }
    case 'campaign.update':
    case 'campaign.close':
    case 'campaign.reopen': {
      const campaignId = newId();
      await accepted(clients.operator.act('campaign.start', { campaignId, name: `Wave ${campaignId}` }), 'campaign');
      if (type === 'campaign.reopen') await accepted(clients.operator.act('campaign.close', { campaignId }), 'closing the campaign');
      return { ...targets, campaignId };
    }
    case 'apiKey.revoke': {
      const apiKeyId = newId();
      await accepted(clients.prefect.act('apiKey.issue', { apiKeyId, platformId, name: `Key of ${platformId}`, scope: 'read' }), 'API key');
      return { ...targets, apiKeyId };
    }
    default:
      return targets;
  }
}
