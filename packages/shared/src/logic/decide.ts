import { refusal } from '../protocol/errors.js';
import type { Mutation } from '../protocol/mutations.js';
import * as admin from './decide-admin.js';
import * as campaigns from './decide-campaign.js';
import * as integrations from './decide-integration.js';
import * as meetings from './decide-meeting.js';
import * as minutes from './decide-minutes.js';
import * as requests from './decide-request.js';
import { reject, type DecideContext, type Decision } from './decision.js';
import { mayPerform } from './permissions.js';

/**
 * Decides a validated mutation: authorisation, then the state machine, then the events it
 * produces. Pure: the same context and mutation always give the same decision.
 */
export function decide(ctx: DecideContext, mutation: Mutation): Decision {
  if (!mayPerform(ctx.actor, mutation.type)) {
    return reject(
      refusal('forbidden', 'role_may_not', `Your role (${ctx.actor.role}) may not perform ${mutation.type}.`, {
        type: mutation.type,
        role: ctx.actor.role,
      }),
    );
  }
  switch (mutation.type) {
    case 'request.create':
      return requests.decideCreate(ctx, mutation.args);
    case 'request.edit':
      return requests.decideEdit(ctx, mutation.args);
    case 'request.acknowledge':
      return requests.decideAcknowledge(ctx, mutation.args);
    case 'request.requestInfo':
      return requests.decideRequestInfo(ctx, mutation.args);
    case 'request.provideInfo':
      return requests.decideProvideInfo(ctx, mutation.args);
    case 'request.answer':
      return requests.decideAnswer(ctx, mutation.args);
    case 'request.contest':
      return requests.decideContest(ctx, mutation.args);
    case 'request.withdraw':
      return requests.decideWithdraw(ctx, mutation.args);
    case 'request.close':
      return requests.decideClose(ctx, mutation.args);
    case 'request.reopen':
      return requests.decideReopen(ctx, mutation.args);
    case 'request.escalate':
      return requests.decideEscalate(ctx, mutation.args);
    case 'request.assign':
      return requests.decideAssign(ctx, mutation.args);
    case 'comment.add':
      return requests.decideComment(ctx, mutation.args);
    case 'campaign.start':
      return campaigns.decideCampaignStart(ctx, mutation.args);
    case 'campaign.update':
      return campaigns.decideCampaignUpdate(ctx, mutation.args);
    case 'campaign.close':
      return campaigns.decideCampaignClose(ctx, mutation.args);
    case 'campaign.reopen':
      return campaigns.decideCampaignReopen(ctx, mutation.args);
    case 'platform.create':
      return admin.decidePlatformCreate(ctx, mutation.args);
    case 'platform.update':
      return admin.decidePlatformUpdate(ctx, mutation.args);
    case 'user.create':
      return admin.decideUserCreate(ctx, mutation.args);
    case 'user.update':
      return admin.decideUserUpdate(ctx, mutation.args);
    case 'user.revoke':
      return admin.decideUserRevoke(ctx, mutation.args);
    case 'user.issueEnrollmentCode':
      return admin.decideIssueEnrollmentCode(ctx, mutation.args);
    case 'device.revoke':
      return admin.decideDeviceRevoke(ctx, mutation.args);
    case 'policy.update':
      return admin.decidePolicyUpdate(ctx, mutation.args);
    case 'meeting.create':
      return meetings.decideMeetingCreate(ctx, mutation.args);
    case 'meeting.update':
      return meetings.decideMeetingUpdate(ctx, mutation.args);
    case 'meeting.setAttendance':
      return meetings.decideSetAttendance(ctx, mutation.args);
    case 'agenda.addItem':
      return meetings.decideAddAgendaItem(ctx, mutation.args);
    case 'agenda.updateItem':
      return meetings.decideUpdateAgendaItem(ctx, mutation.args);
    case 'agenda.removeItem':
      return meetings.decideRemoveAgendaItem(ctx, mutation.args);
    case 'agenda.reorder':
      return minutes.decideReorderAgenda(ctx, mutation.args);
    case 'decision.add':
      return meetings.decideAddDecision(ctx, mutation.args);
    case 'decision.update':
      return minutes.decideUpdateDecision(ctx, mutation.args);
    case 'decision.remove':
      return minutes.decideRemoveDecision(ctx, mutation.args);
    case 'meeting.adopt':
      return minutes.decideAdopt(ctx, mutation.args);
    case 'meeting.reopenMinutes':
      return minutes.decideReopenMinutes(ctx, mutation.args);
    case 'actionItem.create':
      return meetings.decideCreateActionItem(ctx, mutation.args);
    case 'actionItem.setStatus':
      return meetings.decideSetActionItemStatus(ctx, mutation.args);
    case 'webhook.create':
      return integrations.decideWebhookCreate(ctx, mutation.args);
    case 'webhook.update':
      return integrations.decideWebhookUpdate(ctx, mutation.args);
    case 'webhook.rotateSecret':
      return integrations.decideWebhookRotateSecret(ctx, mutation.args);
    case 'webhook.remove':
      return integrations.decideWebhookRemove(ctx, mutation.args);
    case 'apiKey.issue':
      return integrations.decideApiKeyIssue(ctx, mutation.args);
    case 'apiKey.revoke':
      return integrations.decideApiKeyRevoke(ctx, mutation.args);
  }
}
