/**
 * Who may do and see what, written from the domain rules (docs/protocol.md §7.1 and §15, and the
 * roles of the domain: the prefect does everything; operators run requests and take part in
 * meetings; a liaison acts only on their own platform's requests and its action items; an
 * observer reads everything and changes nothing). Deliberately not derived from
 * packages/shared/src/logic/permissions.ts: the matrix checks that code against this table.
 */
import type { Audience, DomainEvent, MutationType, Role } from '@contact-desk/shared';

export type Verdict = 'allowed' | 'forbidden' | 'not_found';

type Writer = Exclude<Role, 'observer'>;

/** The roles that may send each mutation. A liaison's right is always limited to their platform. */
const MAY_SEND: Record<MutationType, readonly Writer[]> = {
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
  // Either side takes a request or hands it over among its own people.
  'request.assign': ['prefect', 'operator', 'liaison'],
  'comment.add': ['prefect', 'operator', 'liaison'],
  // The ministry's team runs its campaigns.
  'campaign.start': ['prefect', 'operator'],
  'campaign.update': ['prefect', 'operator'],
  'campaign.close': ['prefect', 'operator'],
  'campaign.reopen': ['prefect', 'operator'],
  // Administration is the prefect's alone.
  'platform.create': ['prefect'],
  'platform.update': ['prefect'],
  'user.create': ['prefect'],
  'user.update': ['prefect'],
  'user.revoke': ['prefect'],
  'user.issueEnrollmentCode': ['prefect'],
  'device.revoke': ['prefect'],
  'policy.update': ['prefect'],
  // The prefect convenes and reschedules meetings; operators take part in them.
  'meeting.create': ['prefect'],
  'meeting.update': ['prefect'],
  'meeting.setAttendance': ['prefect', 'operator'],
  'agenda.addItem': ['prefect', 'operator'],
  'agenda.updateItem': ['prefect', 'operator'],
  'agenda.removeItem': ['prefect', 'operator'],
  'decision.add': ['prefect', 'operator'],
  'decision.update': ['prefect', 'operator'],
  'decision.remove': ['prefect', 'operator'],
  'agenda.reorder': ['prefect', 'operator'],
  // The chair alone adopts the minutes and reopens them for an amendment.
  'meeting.adopt': ['prefect'],
  'meeting.reopenMinutes': ['prefect'],
  'actionItem.create': ['prefect', 'operator'],
  // An action item owned by a platform is reported done by that platform's liaison.
  'actionItem.setStatus': ['prefect', 'operator', 'liaison'],
  // Webhooks and API keys are set up by the prefect.
  'webhook.create': ['prefect'],
  'webhook.update': ['prefect'],
  'webhook.rotateSecret': ['prefect'],
  'webhook.remove': ['prefect'],
  'apiKey.issue': ['prefect'],
  'apiKey.revoke': ['prefect'],
};

/**
 * The answer to `role` (of `ownPlatform` for a liaison) sending `type` at something of
 * `targetPlatform`: the role check comes first and reveals nothing; a liaison naming another
 * platform's thing gets the answer for a thing that does not exist.
 */
export function expectedVerdict(role: Role, ownPlatform: string | null, type: MutationType, targetPlatform: string): Verdict {
  if (role === 'observer' || !MAY_SEND[type].includes(role)) return 'forbidden';
  if (role === 'liaison' && ownPlatform !== targetPlatform) return 'not_found';
  return 'allowed';
}

/** Who sees an audience (§15). */
export function expectedToSee(role: Role, ownPlatform: string | null, audience: Audience): boolean {
  switch (audience.kind) {
    case 'all':
      return true;
    case 'admin':
      return role === 'prefect';
    case 'ministry':
      return role !== 'liaison';
    case 'platform':
      return role !== 'liaison' || audience.platformId === ownPlatform;
    case 'platforms':
      return role !== 'liaison' || (ownPlatform !== null && audience.platformIds.includes(ownPlatform));
  }
}

/** The ministry and some platforms, written as the log writes it (none: the ministry; one: that platform). */
export function ministryAnd(platformIds: readonly string[]): Audience {
  const ids = [...new Set(platformIds)].sort();
  if (ids.length === 0) return { kind: 'ministry' };
  if (ids.length === 1) return { kind: 'platform', platformId: ids[0] as string };
  return { kind: 'platforms', platformIds: ids };
}

/**
 * The audience of each event from what it is about, folding the log in order: a request's events
 * go to its platform; shared comments with their request, ministry-only notes to the ministry;
 * users to their platform (ministry users to the ministry); codes and devices to the prefect;
 * the policy and the campaigns to all; a meeting, its attendance and its general records to the ministry and the
 * platforms it invites (a change of invitations to those invited before and after); a record
 * about one platform to the ministry and that platform if it is invited, else to the ministry.
 */
export class AudienceOracle {
  private readonly requests = new Map<string, string>();
  private readonly users = new Map<string, string | null>();
  private readonly invitees = new Map<string, readonly string[]>();
  private readonly records = new Map<string, { meetingId: string; about: string | null }>();

  private meeting(meetingId: string): Audience {
    return ministryAnd(this.invitees.get(meetingId) ?? []);
  }

  private record(meetingId: string, about: string | null, id?: string): Audience {
    if (id !== undefined) this.records.set(id, { meetingId, about });
    if (about === null) return this.meeting(meetingId);
    return ministryAnd((this.invitees.get(meetingId) ?? []).includes(about) ? [about] : []);
  }

  private known(id: string): Audience {
    const record = this.records.get(id);
    if (!record) throw new Error(`an event about meeting record ${id}, never created`);
    return this.record(record.meetingId, record.about);
  }

  audienceOf(event: DomainEvent): Audience {
    const platform = (platformId: string | null | undefined): Audience =>
      platformId === null || platformId === undefined ? { kind: 'all' } : { kind: 'platform', platformId };
    const userAudience = (platformId: string | null | undefined): Audience =>
      platformId ? { kind: 'platform', platformId } : { kind: 'ministry' };
    switch (event.type) {
      case 'request.created':
        this.requests.set(event.payload.request.id, event.payload.request.platformId);
        return platform(event.payload.request.platformId);
      case 'comment.added':
        return event.payload.comment.visibility === 'ministry'
          ? { kind: 'ministry' }
          : this.requestAudience(event.payload.comment.requestId);
      case 'platform.created':
      case 'platform.updated':
        return platform(event.payload.platform.id);
      case 'user.created':
      case 'user.updated':
        this.users.set(event.payload.user.id, event.payload.user.platformId);
        return userAudience(event.payload.user.platformId);
      case 'user.revoked':
        return userAudience(this.users.get(event.payload.userId));
      case 'user.enrollmentIssued':
      case 'device.enrolled':
      case 'device.revoked':
        return { kind: 'admin' };
      case 'policy.updated':
      case 'campaign.started':
      case 'campaign.updated':
      case 'campaign.closed':
      case 'campaign.reopened':
        return { kind: 'all' };
      case 'meeting.created':
      case 'meeting.updated': {
        const { id, invitedPlatformIds } = event.payload.meeting;
        const audience = ministryAnd([...(this.invitees.get(id) ?? []), ...invitedPlatformIds]);
        this.invitees.set(id, invitedPlatformIds);
        return audience;
      }
      case 'meeting.attendanceSet':
        return this.meeting(event.payload.meetingId);
      case 'agenda.itemAdded':
      case 'agenda.itemUpdated':
        return this.record(event.payload.item.meetingId, event.payload.item.platformId, event.payload.item.id);
      case 'agenda.itemRemoved':
        return this.known(event.payload.itemId);
      case 'decision.added':
      case 'decision.updated':
        return this.record(event.payload.decision.meetingId, event.payload.decision.platformId, event.payload.decision.id);
      case 'decision.removed':
        return this.known(event.payload.decisionId);
      // Adopted minutes: the whole to the ministry, each invited platform its own copy.
      case 'meeting.adopted':
        return { kind: 'ministry' };
      case 'minutes.published':
        return { kind: 'platform', platformId: event.payload.platformId };
      case 'meeting.minutesReopened':
        return this.meeting(event.payload.meetingId);
      case 'actionItem.created': {
        const { owner, id, meetingId } = event.payload.actionItem;
        return this.record(meetingId, owner.kind === 'platform' ? owner.platformId : null, id);
      }
      case 'actionItem.statusChanged':
        return this.known(event.payload.actionItemId);
      case 'webhook.created':
      case 'webhook.updated':
        return userAudience(event.payload.webhook.platformId);
      case 'webhook.removed':
        return userAudience(event.payload.platformId);
      case 'apiKey.issued':
        return userAudience(event.payload.apiKey.platformId);
      case 'apiKey.revoked':
        return userAudience(event.payload.platformId);
      case 'notification.attempted':
        // What the desk told a platform is that platform's record too; its own channels, the ministry's.
        return userAudience(event.payload.platformId);
      default:
        // Every other event is a step of a request.
        return this.requestAudience(event.payload.requestId);
    }
  }

  private requestAudience(requestId: string): Audience {
    const platformId = this.requests.get(requestId);
    if (platformId === undefined) throw new Error(`an event about request ${requestId}, never created`);
    return { kind: 'platform', platformId };
  }
}
