/**
 * Fresh targets for one cell of the access matrix, on a given platform and in the state the
 * mutation needs to be allowed at all (so an allowed cell is accepted and a refusal is about
 * who acts, never about the state).
 */
import { newId, type MutationType, type RequestStatus } from '@contact-desk/shared';
import { phantomTargets, type Targets } from './mutation-args.js';
import { requestIn, type World } from './world.js';

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
  'comment.add': 'open',
};

async function accepted(result: Promise<{ status: string }>, what: string): Promise<void> {
  const answer = await result;
  if (answer.status !== 'accepted') throw new Error(`${what} refused while preparing: ${JSON.stringify(answer)}`);
}

export async function prepareTargets(world: World, meetingId: string, type: MutationType, platformId: string): Promise<Targets> {
  const { h, clients } = world;
  const targets = { ...phantomTargets(platformId), meetingId };
  const status = STATUS_FOR[type];
  if (status) return { ...targets, requestId: await requestIn(world, platformId, status) };
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
      await accepted(clients.operator.act('agenda.addItem', { itemId: agendaItemId, meetingId, kind: 'late_requests', title: `Late at ${platformId}`, platformId }), 'agenda item');
      return { ...targets, agendaItemId };
    }
    case 'actionItem.setStatus': {
      const actionItemId = newId();
      await accepted(
        clients.operator.act('actionItem.create', { actionItemId, meetingId, text: `Follow-up for ${platformId}`, owner: { kind: 'platform', platformId } }),
        'action item',
      );
      return { ...targets, actionItemId };
    }
    default:
      return targets;
  }
}
