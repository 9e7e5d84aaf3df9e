import { parseRef } from '../domain/ids.js';
import type { DomainEvent } from '../protocol/events.js';
import { evolveMinutes } from './evolve-minutes.js';
import { evolveRequest, isRequestEvent } from './evolve-request.js';
import type { EntityWrite, ReadModel } from './state.js';

/**
 * The pure reducer: given the entities as they are and one event, the entities the event writes.
 * Events come from the relay, which already checked them; an event about an entity this reader
 * does not hold (e.g. a request of another platform) writes nothing.
 */
export function evolve(read: ReadModel, event: DomainEvent): readonly EntityWrite[] {
  const at = event.serverTime;
  switch (event.type) {
    case 'request.created': {
      const { request } = event.payload;
      const ref = parseRef(request.ref);
      const counter: EntityWrite[] =
        ref && ref.counter > read.refCounter(ref.year) ? [{ kind: 'refCounter', year: ref.year, value: ref.counter }] : [];
      return [{ kind: 'request', value: request }, ...counter];
    }
    case 'comment.added':
      return [{ kind: 'comment', value: event.payload.comment }];
    case 'campaign.started':
    case 'campaign.updated':
    case 'campaign.closed':
    case 'campaign.reopened':
      return [{ kind: 'campaign', value: event.payload.campaign }];
    case 'platform.created':
    case 'platform.updated':
      return [{ kind: 'platform', value: event.payload.platform }];
    case 'user.created':
    case 'user.updated':
      return [{ kind: 'user', value: event.payload.user }];
    case 'user.revoked': {
      const user = read.user(event.payload.userId);
      return user ? [{ kind: 'user', value: { ...user, revokedAt: user.revokedAt ?? at } }] : [];
    }
    case 'user.enrollmentIssued':
      return [];
    case 'device.enrolled':
      return [{ kind: 'device', value: event.payload.device }];
    case 'device.revoked': {
      const device = read.device(event.payload.deviceId);
      return device ? [{ kind: 'device', value: { ...device, revokedAt: device.revokedAt ?? at } }] : [];
    }
    case 'policy.updated':
      return [{ kind: 'policy', value: event.payload.policy }];
    case 'meeting.created':
    case 'meeting.updated':
      return [{ kind: 'meetingRecord', value: event.payload.meeting }];
    case 'meeting.attendanceSet':
    case 'meeting.adopted':
    case 'minutes.published':
    case 'meeting.minutesReopened':
      return evolveMinutes(read, event);
    case 'agenda.itemAdded':
    case 'agenda.itemUpdated':
      return [{ kind: 'meetingRecord', value: event.payload.item }];
    case 'agenda.itemRemoved':
      return [{ kind: 'meetingRecordRemoved', id: event.payload.itemId }];
    case 'decision.added':
    case 'decision.updated':
      return [{ kind: 'meetingRecord', value: event.payload.decision }];
    case 'decision.removed':
      return [{ kind: 'meetingRecordRemoved', id: event.payload.decisionId }];
    case 'actionItem.created':
      return [{ kind: 'meetingRecord', value: event.payload.actionItem }];
    case 'actionItem.statusChanged': {
      const item = read.meetingRecord(event.payload.actionItemId);
      if (item?.type !== 'actionItem') return [];
      const closed = event.payload.status !== 'open';
      const closedInMeetingId = closed ? (event.payload.closedInMeetingId ?? null) : null;
      return [
        {
          kind: 'meetingRecord',
          value: { ...item, status: event.payload.status, closedAt: closed ? at : null, closedInMeetingId, updatedAt: at },
        },
      ];
    }
    case 'webhook.created':
      return [{ kind: 'integration', value: event.payload.webhook }];
    case 'webhook.updated':
      return [{ kind: 'integration', value: event.payload.webhook }];
    case 'webhook.removed': {
      const webhook = read.integration(event.payload.webhookId);
      if (webhook?.type !== 'webhook') return [];
      return [{ kind: 'integration', value: { ...webhook, active: false, removedAt: webhook.removedAt ?? at, updatedAt: at } }];
    }
    case 'apiKey.issued':
      return [{ kind: 'integration', value: event.payload.apiKey }];
    case 'apiKey.revoked': {
      const apiKey = read.integration(event.payload.apiKeyId);
      if (apiKey?.type !== 'apiKey') return [];
      return [{ kind: 'integration', value: { ...apiKey, revokedAt: apiKey.revokedAt ?? at } }];
    }
    case 'notification.attempted':
      return [];
    default: {
      if (!isRequestEvent(event)) return [];
      const request = read.request(event.payload.requestId);
      return request ? [{ kind: 'request', value: evolveRequest(request, event) }] : [];
    }
  }
}
