import { isAdopted, type AgendaItem } from '../domain/meeting.js';
import { contentForPlatform, minutesHash } from '../minutes/minutes-copies.js';
import { minutesContent } from '../minutes/minutes-content.js';
import { GENESIS_HASH } from '../protocol/chain.js';
import { notFound, refusal } from '../protocol/errors.js';
import { draft, type EventDraft } from '../protocol/events.js';
import type { MutationArgs } from '../protocol/mutations.js';
import { editableMeeting, visible } from './decide-meeting.js';
import { accept, reject, type DecideContext, type Decision } from './decision.js';
import { canSee, recordAudience } from './permissions.js';

/** Gap between the orders given by a reordering, so that an item can later be put between two. */
const ORDER_STEP = 10;

/**
 * The prefect adopts the minutes: the relay computes them from its record at this moment, frozen
 * at the log position just before the adoption, and records the ministry's copy and one copy per
 * invited platform, each with the hash of its content.
 */
export function decideAdopt(ctx: DecideContext, args: MutationArgs<'meeting.adopt'>): Decision {
  const editable = editableMeeting(ctx, args.meetingId);
  if ('refused' in editable) return editable.refused;
  const { meeting } = editable;
  if (meeting.minutes?.amending && args.note === null) {
    return reject(
      refusal('invalid_payload', 'amendment_note_required', 'An amended version needs a note saying what changed.', { id: meeting.id }),
    );
  }
  const version = (meeting.minutes?.version ?? 0) + 1;
  // A client deciding ahead of the relay does not know the log's head; the relay's answer replaces it.
  const head = ctx.head ?? { seq: 0, hash: GENESIS_HASH };
  const content = minutesContent(ctx.read, meeting, ctx.actor.name, ctx.now, head.seq, head.hash);
  const position = { meetingId: meeting.id, version, upToSeq: head.seq, upToHash: head.hash };
  const copies: EventDraft[] = meeting.invitedPlatformIds.map((platformId) => {
    const copy = contentForPlatform(content, platformId);
    return draft('minutes.published', { ...position, platformId, contentHash: minutesHash(copy), content: copy });
  });
  return accept([draft('meeting.adopted', { ...position, note: args.note, contentHash: minutesHash(content), content }), ...copies]);
}

/** The prefect reopens adopted minutes for an amendment; the next adoption is a new version. */
export function decideReopenMinutes(ctx: DecideContext, args: MutationArgs<'meeting.reopenMinutes'>): Decision {
  const meeting = visible(ctx, args.meetingId, 'meeting');
  if (!meeting) return reject(notFound('meeting', args.meetingId));
  if (!isAdopted(meeting) || !meeting.minutes) {
    return reject(
      refusal('conflict', 'minutes_not_adopted', 'These minutes are not adopted: there is nothing to reopen.', { id: meeting.id }),
    );
  }
  return accept([draft('meeting.minutesReopened', { meetingId: meeting.id, version: meeting.minutes.version, reason: args.reason })]);
}

export function decideUpdateDecision(ctx: DecideContext, args: MutationArgs<'decision.update'>): Decision {
  const decision = visible(ctx, args.decisionId, 'decision');
  if (!decision) return reject(notFound('decision', args.decisionId));
  const editable = editableMeeting(ctx, decision.meetingId);
  if ('refused' in editable) return editable.refused;
  if (decision.text === args.text) {
    return reject(refusal('conflict', 'decision_unchanged', 'The decision already says this.', { id: decision.id }));
  }
  return accept([draft('decision.updated', { decision: { ...decision, text: args.text } })]);
}

export function decideRemoveDecision(ctx: DecideContext, args: MutationArgs<'decision.remove'>): Decision {
  const decision = visible(ctx, args.decisionId, 'decision');
  if (!decision) return reject(notFound('decision', args.decisionId));
  const editable = editableMeeting(ctx, decision.meetingId);
  if ('refused' in editable) return editable.refused;
  return accept([draft('decision.removed', { decisionId: decision.id, meetingId: decision.meetingId, platformId: decision.platformId })]);
}

/**
 * Puts the meeting's agenda in the given order: one `agenda.itemUpdated` per item whose place
 * changes, so each item keeps its own audience. The list must be exactly the items the sender sees.
 */
export function decideReorderAgenda(ctx: DecideContext, args: MutationArgs<'agenda.reorder'>): Decision {
  const editable = editableMeeting(ctx, args.meetingId);
  if ('refused' in editable) return editable.refused;
  const items = new Map<string, AgendaItem>();
  for (const record of ctx.read.allMeetingRecords()) {
    if (record.type === 'agendaItem' && record.meetingId === args.meetingId && canSee(ctx.actor, recordAudience(ctx.read, record))) {
      items.set(record.id, record);
    }
  }
  if (args.itemIds.length !== items.size || args.itemIds.some((id) => !items.has(id))) {
    return reject(
      refusal('invalid_payload', 'agenda_order_mismatch', 'The new order must list every item of the meeting’s agenda, each once.', {
        id: args.meetingId,
        expected: items.size,
        given: args.itemIds.length,
      }),
    );
  }
  const events = args.itemIds.flatMap((id, index) => {
    const item = items.get(id);
    const order = (index + 1) * ORDER_STEP;
    return item && item.order !== order ? [draft('agenda.itemUpdated', { item: { ...item, order } })] : [];
  });
  if (events.length === 0) {
    return reject(refusal('conflict', 'agenda_order_unchanged', 'The agenda is already in this order.', { id: args.meetingId }));
  }
  return accept(events);
}
