import { recordPlatform, type MeetingRecord } from '../domain/meeting.js';
import { isMinistryRole, type Role } from '../domain/roles.js';
import type { Actor } from '../domain/user.js';
import type { Audience, EventDraft } from '../protocol/events.js';
import type { MutationType } from '../protocol/mutations.js';
import type { ReadModel } from './state.js';

/** The part of a user that decides what they may see and do. */
export interface Viewer {
  readonly role: Role | 'system';
  readonly platformId: string | null;
}

/** Whether a viewer may see something addressed to an audience. */
export function canSee(viewer: Viewer, audience: Audience): boolean {
  switch (audience.kind) {
    case 'all':
      return true;
    case 'admin':
      return viewer.role === 'prefect' || viewer.role === 'system';
    case 'ministry':
      return isMinistryRole(viewer.role);
    case 'platform':
      return isMinistryRole(viewer.role) || (viewer.role === 'liaison' && viewer.platformId === audience.platformId);
    case 'platforms':
      return (
        isMinistryRole(viewer.role) ||
        (viewer.role === 'liaison' && viewer.platformId !== null && audience.platformIds.includes(viewer.platformId))
      );
  }
}

/** The visibility class of a viewer: viewers of one class see exactly the same events. */
export function visibilityClass(viewer: Viewer): string {
  if (viewer.role === 'prefect' || viewer.role === 'system') return 'admin';
  if (viewer.role === 'liaison') return `platform:${viewer.platformId ?? ''}`;
  return 'ministry';
}

/** Who may send each mutation. Platform scoping of liaisons is checked by the decision. */
const ALLOWED_ROLES: Record<MutationType, readonly Role[]> = {
  'request.create': ['prefect', 'operator'],
  'request.edit': ['prefect', 'operator'],
  'request.acknowledge': ['liaison'],
  'request.requestInfo': ['liaison'],
  'request.provideInfo': ['prefect', 'operator'],
  'request.answer': ['liaison'],
  'request.contest': ['liaison'],
  'request.withdraw': ['prefect', 'operator'],
  'request.close': ['prefect', 'operator'],
  'request.reopen': ['prefect', 'operator'],
  'request.escalate': ['prefect', 'operator'],
  'request.assign': ['prefect', 'operator', 'liaison'],
  'comment.add': ['prefect', 'operator', 'liaison'],
  'campaign.start': ['prefect', 'operator'],
  'campaign.update': ['prefect', 'operator'],
  'campaign.close': ['prefect', 'operator'],
  'campaign.reopen': ['prefect', 'operator'],
  'platform.create': ['prefect'],
  'platform.update': ['prefect'],
  'user.create': ['prefect'],
  'user.update': ['prefect'],
  'user.revoke': ['prefect'],
  'user.issueEnrollmentCode': ['prefect'],
  'device.revoke': ['prefect'],
  'policy.update': ['prefect'],
  'meeting.create': ['prefect'],
  'meeting.update': ['prefect'],
  'meeting.setAttendance': ['prefect', 'operator'],
  'agenda.addItem': ['prefect', 'operator'],
  'agenda.updateItem': ['prefect', 'operator'],
  'agenda.removeItem': ['prefect', 'operator'],
  'agenda.reorder': ['prefect', 'operator'],
  'decision.add': ['prefect', 'operator'],
  'decision.update': ['prefect', 'operator'],
  'decision.remove': ['prefect', 'operator'],
  'meeting.adopt': ['prefect'],
  'meeting.reopenMinutes': ['prefect'],
  'actionItem.create': ['prefect', 'operator'],
  'actionItem.setStatus': ['prefect', 'operator', 'liaison'],
  'webhook.create': ['prefect'],
  'webhook.update': ['prefect'],
  'webhook.rotateSecret': ['prefect'],
  'webhook.remove': ['prefect'],
  'apiKey.issue': ['prefect'],
  'apiKey.revoke': ['prefect'],
};

export function mayPerform(actor: Actor, type: MutationType): boolean {
  return actor.role !== 'system' && ALLOWED_ROLES[type].includes(actor.role);
}

/** The mutation types a role may send: what a client shows as buttons. */
export function mutationsFor(role: Role): MutationType[] {
  return (Object.keys(ALLOWED_ROLES) as MutationType[]).filter((type) => ALLOWED_ROLES[type].includes(role));
}

/** Whether a viewer may see a request of a given platform at all. */
export function canSeePlatform(viewer: Viewer, platformId: string): boolean {
  return canSee(viewer, { kind: 'platform', platformId });
}

/**
 * The ministry and these platforms, in its one written form: the ministry alone for none, that
 * platform's audience for one, else the sorted list without repeats (what the log stores and
 * hashes, so two relays write the same audience for the same platforms).
 */
export function platformsAudience(platformIds: readonly string[]): Audience {
  const ids = [...new Set(platformIds)].sort();
  const [first] = ids;
  if (first === undefined) return { kind: 'ministry' };
  if (ids.length === 1) return { kind: 'platform', platformId: first };
  return { kind: 'platforms', platformIds: ids };
}

/** The platforms a meeting invites; none when the meeting is unknown to this reader. */
function invitedTo(read: ReadModel, meetingId: string): readonly string[] {
  const meeting = read.meetingRecord(meetingId);
  return meeting?.type === 'meeting' ? meeting.invitedPlatformIds : [];
}

/**
 * Who may see anything of a meeting: the ministry and the platforms it invites, as it stands in
 * `read`. Every meeting-wide event (the meeting, its attendance, its general records) has it.
 */
export function meetingAudience(read: ReadModel, meetingId: string): Audience {
  return platformsAudience(invitedTo(read, meetingId));
}

/**
 * Who may see a record of a meeting: a general one (about no platform), the meeting's audience;
 * one about a platform, the ministry and that platform if the meeting invites it, else the
 * ministry alone. A platform never sees anything of a meeting it is not invited to.
 */
export function recordAudience(read: ReadModel, record: MeetingRecord): Audience {
  if (record.type === 'meeting') return platformsAudience(record.invitedPlatformIds);
  // Adopted minutes: the ministry's whole copy to the ministry alone, a platform's copy to it.
  if (record.type === 'minutes')
    return record.platformId === null ? { kind: 'ministry' } : { kind: 'platform', platformId: record.platformId };
  const invited = invitedTo(read, record.meetingId);
  const about = recordPlatform(record);
  if (about === null) return platformsAudience(invited);
  return platformsAudience(invited.includes(about) ? [about] : []);
}

/** A meeting record's audience by id; the ministry's for a record this reader does not hold. */
function recordAudienceById(read: ReadModel, id: string): Audience {
  const record = read.meetingRecord(id);
  return record ? recordAudience(read, record) : { kind: 'ministry' };
}

/** A platform's own record (the ministry and that platform), or the ministry's alone (null). */
function sideAudience(platformId: string | null): Audience {
  return platformId === null ? { kind: 'ministry' } : { kind: 'platform', platformId };
}

/** Who may see an event, from its content. Computed once, by the relay, when it is recorded. */
export function audienceOf(event: EventDraft, read: ReadModel): Audience {
  const platform = (platformId: string): Audience => ({ kind: 'platform', platformId });
  switch (event.type) {
    case 'request.created':
      return platform(event.payload.request.platformId);
    case 'comment.added': {
      const { comment } = event.payload;
      if (comment.visibility === 'ministry') return { kind: 'ministry' };
      const request = read.request(comment.requestId);
      return request ? platform(request.platformId) : { kind: 'ministry' };
    }
    case 'platform.created':
    case 'platform.updated':
      return platform(event.payload.platform.id);
    case 'user.created':
    case 'user.updated': {
      const { user } = event.payload;
      return user.platformId === null ? { kind: 'ministry' } : platform(user.platformId);
    }
    case 'user.revoked': {
      const user = read.user(event.payload.userId);
      return user?.platformId ? platform(user.platformId) : { kind: 'ministry' };
    }
    case 'user.enrollmentIssued':
    case 'device.enrolled':
    case 'device.revoked':
      return { kind: 'admin' };
    case 'policy.updated':
    case 'campaign.started':
    case 'campaign.updated':
    case 'campaign.closed':
    case 'campaign.reopened':
      // The contact group's crises and the terms they set are everyone's; no platform's own figures are in them.
      return { kind: 'all' };
    case 'meeting.created':
      return recordAudience(read, event.payload.meeting);
    case 'meeting.updated': {
      // The platforms invited before and after: those no longer invited learn to drop it.
      const { meeting } = event.payload;
      return platformsAudience([...invitedTo(read, meeting.id), ...meeting.invitedPlatformIds]);
    }
    case 'meeting.attendanceSet':
      return meetingAudience(read, event.payload.meetingId);
    case 'agenda.itemAdded':
    case 'agenda.itemUpdated':
      return recordAudience(read, event.payload.item);
    case 'agenda.itemRemoved':
      return recordAudienceById(read, event.payload.itemId);
    case 'decision.added':
    case 'decision.updated':
      return recordAudience(read, event.payload.decision);
    case 'decision.removed':
      return recordAudienceById(read, event.payload.decisionId);
    case 'meeting.adopted':
      return { kind: 'ministry' };
    case 'minutes.published':
      return platform(event.payload.platformId);
    case 'meeting.minutesReopened':
      return meetingAudience(read, event.payload.meetingId);
    case 'actionItem.created':
      return recordAudience(read, event.payload.actionItem);
    case 'actionItem.statusChanged':
      return recordAudienceById(read, event.payload.actionItemId);
    case 'webhook.created':
    case 'webhook.updated':
      return sideAudience(event.payload.webhook.platformId);
    case 'webhook.removed':
      return sideAudience(event.payload.platformId);
    case 'apiKey.issued':
      return platform(event.payload.apiKey.platformId);
    case 'apiKey.revoked':
      return platform(event.payload.platformId);
    case 'notification.attempted':
      return sideAudience(event.payload.platformId);
    default: {
      if (!('requestId' in event.payload)) return { kind: 'ministry' };
      const request = read.request(event.payload.requestId);
      return request ? platform(request.platformId) : { kind: 'ministry' };
    }
  }
}
