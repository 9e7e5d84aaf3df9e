import { isAdopted, partyKey, type ActionItem, type AgendaItem, type Meeting, type MeetingRecord } from '../domain/meeting.js';
import { idUnavailable, notFound, refusal } from '../protocol/errors.js';
import { draft } from '../protocol/events.js';
import type { MutationArgs } from '../protocol/mutations.js';
import { accept, reject, type DecideContext, type Decision } from './decision.js';
import { canSee, recordAudience } from './permissions.js';

/** Position of a new agenda item: after the items placed by hand, in creation order. */
const DEFAULT_ORDER = 1000;

export function visible<T extends MeetingRecord['type']>(
  ctx: DecideContext,
  id: string,
  type: T,
): Extract<MeetingRecord, { type: T }> | undefined {
  const record = ctx.read.meetingRecord(id);
  if (!record || record.type !== type) return undefined;
  return canSee(ctx.actor, recordAudience(ctx.read, record)) ? (record as Extract<MeetingRecord, { type: T }>) : undefined;
}

/**
 * Refuses a change to a meeting whose minutes are adopted (until the prefect reopens them); the
 * meeting as the sender sees it otherwise.
 */
export function editableMeeting(ctx: DecideContext, meetingId: string): { meeting: Meeting } | { refused: Decision } {
  const meeting = visible(ctx, meetingId, 'meeting');
  if (!meeting) return { refused: reject(notFound('meeting', meetingId)) };
  if (isAdopted(meeting)) {
    return {
      refused: reject(
        refusal(
          'conflict',
          'meeting_adopted',
          `The minutes of this meeting are adopted (version ${meeting.minutes?.version ?? 0}); reopen them for an amendment first.`,
          {
            id: meeting.id,
            version: meeting.minutes?.version ?? 0,
          },
        ),
      ),
    };
  }
  return { meeting };
}

/** A new record's id already taken by any record, of whatever meeting, kind or audience: one answer. */
function conflictIfExists(ctx: DecideContext, id: string, what: string): Decision | undefined {
  return ctx.read.meetingRecord(id) ? reject(idUnavailable(what, id)) : undefined;
}

function unknownPlatform(ctx: DecideContext, platformIds: readonly (string | null)[]): Decision | undefined {
  for (const platformId of platformIds) {
    if (platformId !== null && !ctx.read.platform(platformId)) return reject(notFound('platform', platformId));
  }
  return undefined;
}

export function decideMeetingCreate(ctx: DecideContext, args: MutationArgs<'meeting.create'>): Decision {
  const refused = conflictIfExists(ctx, args.meetingId, 'meeting') ?? unknownPlatform(ctx, args.invitedPlatformIds);
  if (refused) return refused;
  const { meetingId, ...fields } = args;
  const meeting: Meeting = { type: 'meeting', id: meetingId, ...fields, attendance: {}, createdAt: ctx.now, createdBy: ctx.actor.userId };
  return accept([draft('meeting.created', { meeting })]);
}

export function decideMeetingUpdate(ctx: DecideContext, args: MutationArgs<'meeting.update'>): Decision {
  const editable = editableMeeting(ctx, args.meetingId);
  if ('refused' in editable) return editable.refused;
  const { meeting } = editable;
  const refused = unknownPlatform(ctx, args.patch.invitedPlatformIds ?? []);
  if (refused) return refused;
  return accept([draft('meeting.updated', { meeting: { ...meeting, ...args.patch } })]);
}

export function decideSetAttendance(ctx: DecideContext, args: MutationArgs<'meeting.setAttendance'>): Decision {
  const editable = editableMeeting(ctx, args.meetingId);
  if ('refused' in editable) return editable.refused;
  const { meeting } = editable;
  if (args.party.kind === 'platform') {
    const refused = unknownPlatform(ctx, [args.party.platformId]);
    if (refused) return refused;
    // Attendance goes to everyone the meeting invites: only an invited platform has any.
    if (!meeting.invitedPlatformIds.includes(args.party.platformId)) {
      return reject(
        refusal('invalid_payload', 'party_not_invited', 'Only a platform the meeting invites has an attendance.', { path: 'party' }),
      );
    }
  }
  return accept([
    draft('meeting.attendanceSet', {
      meetingId: meeting.id,
      partyKey: partyKey(args.party),
      status: args.status,
      attendees: args.attendees,
    }),
  ]);
}

export function decideAddAgendaItem(ctx: DecideContext, args: MutationArgs<'agenda.addItem'>): Decision {
  const refused = conflictIfExists(ctx, args.itemId, 'agenda item') ?? unknownPlatform(ctx, [args.platformId]);
  if (refused) return refused;
  const editable = editableMeeting(ctx, args.meetingId);
  if ('refused' in editable) return editable.refused;
  const item: AgendaItem = {
    type: 'agendaItem',
    id: args.itemId,
    meetingId: args.meetingId,
    kind: args.kind,
    title: args.title,
    platformId: args.platformId,
    requestRefs: args.requestRefs,
    notes: args.notes,
    // Items keep the order they were added in (creation time) unless moved.
    order: DEFAULT_ORDER,
    createdAt: ctx.now,
  };
  return accept([draft('agenda.itemAdded', { item })]);
}

export function decideUpdateAgendaItem(ctx: DecideContext, args: MutationArgs<'agenda.updateItem'>): Decision {
  const item = visible(ctx, args.itemId, 'agendaItem');
  if (!item) return reject(notFound('agenda item', args.itemId));
  const editable = editableMeeting(ctx, item.meetingId);
  if ('refused' in editable) return editable.refused;
  return accept([draft('agenda.itemUpdated', { item: { ...item, ...args.patch } })]);
}

export function decideRemoveAgendaItem(ctx: DecideContext, args: MutationArgs<'agenda.removeItem'>): Decision {
  const item = visible(ctx, args.itemId, 'agendaItem');
  if (!item) return reject(notFound('agenda item', args.itemId));
  const editable = editableMeeting(ctx, item.meetingId);
  if ('refused' in editable) return editable.refused;
  return accept([draft('agenda.itemRemoved', { itemId: item.id, meetingId: item.meetingId })]);
}

export function decideAddDecision(ctx: DecideContext, args: MutationArgs<'decision.add'>): Decision {
  const refused = conflictIfExists(ctx, args.decisionId, 'decision') ?? unknownPlatform(ctx, [args.platformId]);
  if (refused) return refused;
  const editable = editableMeeting(ctx, args.meetingId);
  if ('refused' in editable) return editable.refused;
  if (args.agendaItemId !== null && !visible(ctx, args.agendaItemId, 'agendaItem')) {
    return reject(notFound('agenda item', args.agendaItemId));
  }
  return accept([
    draft('decision.added', {
      decision: {
        type: 'decision',
        id: args.decisionId,
        meetingId: args.meetingId,
        agendaItemId: args.agendaItemId,
        platformId: args.platformId,
        text: args.text,
        createdAt: ctx.now,
      },
    }),
  ]);
}

export function decideCreateActionItem(ctx: DecideContext, args: MutationArgs<'actionItem.create'>): Decision {
  const refused =
    conflictIfExists(ctx, args.actionItemId, 'action item') ??
    unknownPlatform(ctx, [args.owner.kind === 'platform' ? args.owner.platformId : null]);
  if (refused) return refused;
  const editable = editableMeeting(ctx, args.meetingId);
  if ('refused' in editable) return editable.refused;
  const actionItem: ActionItem = {
    type: 'actionItem',
    id: args.actionItemId,
    meetingId: args.meetingId,
    text: args.text,
    owner: args.owner,
    dueDate: args.dueDate,
    status: 'open',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return accept([draft('actionItem.created', { actionItem })]);
}

/** The ministry, or the liaison of the owning platform, updates an action item's status. */
export function decideSetActionItemStatus(ctx: DecideContext, args: MutationArgs<'actionItem.setStatus'>): Decision {
  const item = visible(ctx, args.actionItemId, 'actionItem');
  if (!item) return reject(notFound('action item', args.actionItemId));
  if (ctx.actor.role === 'liaison' && (item.owner.kind !== 'platform' || item.owner.platformId !== ctx.actor.platformId)) {
    return reject(refusal('forbidden', 'not_action_item_owner', 'Only the owner of an action item may update it.', { id: item.id }));
  }
  if (item.status === args.status) {
    return reject(
      refusal('conflict', 'action_item_unchanged', `The action item is already ${args.status}.`, { id: item.id, status: args.status }),
    );
  }
  // A closure recorded in adopted minutes stays as adopted; so does one made in an adopted meeting.
  for (const meetingId of [item.closedInMeetingId ?? null, args.closedInMeetingId]) {
    if (meetingId === null) continue;
    const editable = editableMeeting(ctx, meetingId);
    if ('refused' in editable) return editable.refused;
  }
  return accept([
    draft('actionItem.statusChanged', { actionItemId: item.id, status: args.status, closedInMeetingId: args.closedInMeetingId }),
  ]);
}
