import {
  partyKey,
  type ActionItem,
  type AgendaItemKind,
  type AttendanceStatus,
  type Meeting,
  type MeetingRecord,
} from '../domain/meeting.js';
import type { RequestKind, RequestStatus } from '../domain/request.js';
import type { Period } from '../figures/calendar.js';
import { platformFigures, type PlatformFigures } from '../figures/platform-figures.js';
import { lateRequests } from '../figures/request-figures.js';
import type { ReadModel } from '../logic/state.js';

/** When there is no previous meeting, the minutes' figures look this far back. */
export const MINUTES_LOOKBACK_MS = 30 * 86_400_000;

/** A party of the meeting, with its name as the record had it when the minutes were adopted. */
export interface MinutesParty {
  readonly key: string;
  readonly kind: 'platform' | 'ministry';
  /** The platform's id, or the ministry team. */
  readonly id: string;
  readonly name: string;
}

export interface MinutesAttendance extends MinutesParty {
  readonly status: AttendanceStatus;
  /** Names of the people present for this party. */
  readonly attendees: readonly string[];
}

export interface MinutesAgendaItem {
  readonly id: string;
  readonly kind: AgendaItemKind;
  readonly title: string;
  readonly platformId: string | null;
  readonly platformName: string | null;
  readonly notes: string;
  readonly requestRefs: readonly string[];
}

export interface MinutesDecision {
  readonly id: string;
  readonly text: string;
  readonly platformId: string | null;
  readonly platformName: string | null;
}

export interface MinutesActionItem {
  readonly id: string;
  readonly text: string;
  readonly owner: MinutesParty;
  readonly dueDate: number | null;
  readonly status: ActionItem['status'];
  /** Decided in this meeting (false: carried forward from an earlier one). */
  readonly decidedHere: boolean;
  readonly closedAt: number | null;
}

/** One late request of the period, as the late list shows it. */
export interface MinutesLateRequest {
  readonly ref: string;
  readonly platformId: string;
  readonly kind: RequestKind;
  readonly priority: string;
  readonly status: RequestStatus;
  readonly createdAt: number;
  readonly ackDelayMs: number | null;
  readonly answerDelayMs: number | null;
  readonly unanswered: boolean;
  readonly withdrawn: boolean;
  readonly contested: boolean;
}

/**
 * What adopted minutes say: computed once by the relay from its record at the adoption, frozen
 * at the log position just before the adoption event, and hashed (RFC 8785 canonical JSON).
 */
export interface MinutesContent {
  readonly meeting: Pick<Meeting, 'id' | 'title' | 'kind' | 'startsAt' | 'place' | 'videoLink'> & {
    /** Who chaired (the prefect who adopted), by name. */
    readonly chair: string;
  };
  /** Relay time of the adoption: the figures are as of then. */
  readonly at: number;
  readonly upToSeq: number;
  readonly upToHash: string;
  /** The period the figures and the late list cover: since the previous meeting. */
  readonly period: Period;
  readonly invited: readonly MinutesParty[];
  readonly attendance: readonly MinutesAttendance[];
  readonly agenda: readonly MinutesAgendaItem[];
  readonly decisions: readonly MinutesDecision[];
  readonly actionItems: readonly MinutesActionItem[];
  readonly figures: readonly PlatformFigures[];
  readonly late: readonly MinutesLateRequest[];
}

/** Read access the content needs: entities by id, and every request and meeting record. */
export type MinutesSource = Pick<ReadModel, 'platform' | 'allRequests' | 'allMeetingRecords'>;

/** The latest meeting that started before this one: its date opens the period of the minutes. */
export function previousMeeting(records: Iterable<MeetingRecord>, meeting: Meeting): Meeting | undefined {
  let best: Meeting | undefined;
  for (const other of records) {
    if (other.type !== 'meeting' || other.id === meeting.id || other.startsAt >= meeting.startsAt) continue;
    if (!best || other.startsAt > best.startsAt) best = other;
  }
  return best;
}

/** The period a meeting's minutes cover: from the previous meeting (or 30 days) to its start. */
export function minutesPeriod(records: Iterable<MeetingRecord>, meeting: Meeting): Period {
  const from = previousMeeting(records, meeting)?.startsAt ?? meeting.startsAt - MINUTES_LOOKBACK_MS;
  return { from, to: Math.max(from + 1, meeting.startsAt) };
}

/** Items decided in this meeting, items closed in it, and items still open from earlier meetings. */
export function actionItemsOfMeeting(records: Iterable<MeetingRecord>, meeting: Meeting): ActionItem[] {
  const all = [...records];
  const startOf = new Map(all.flatMap((r) => (r.type === 'meeting' ? [[r.id, r.startsAt] as const] : [])));
  return all
    .filter((r): r is ActionItem => r.type === 'actionItem')
    .filter((item) => {
      if (item.meetingId === meeting.id || item.closedInMeetingId === meeting.id) return true;
      // An item whose meeting is unknown here (not visible) is kept when open: it is earlier than now.
      return item.status === 'open' && (startOf.get(item.meetingId) ?? -Infinity) < meeting.startsAt;
    })
    .sort(
      (a, b) =>
        Number(a.meetingId === meeting.id) - Number(b.meetingId === meeting.id) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
    );
}

function partyOf(read: MinutesSource, key: string): MinutesParty {
  if (key.startsWith('platform:')) {
    const id = key.slice('platform:'.length);
    return { key, kind: 'platform', id, name: read.platform(id)?.name ?? id };
  }
  const team = key.slice('ministry:'.length);
  return { key, kind: 'ministry', id: team, name: team };
}

function ordered<T extends { readonly createdAt: number; readonly id: string }>(list: T[]): T[] {
  return list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** The minutes of a meeting from a record, as of relay time `at` and log position `upToSeq`/`upToHash`. */
export function minutesContent(
  read: MinutesSource,
  meeting: Meeting,
  chair: string,
  at: number,
  upToSeq: number,
  upToHash: string,
): MinutesContent {
  const records = [...read.allMeetingRecords()];
  const nameOf = (platformId: string | null) => (platformId === null ? null : (read.platform(platformId)?.name ?? platformId));
  const invitedKeys = meeting.invitedPlatformIds.map((platformId) => partyKey({ kind: 'platform', platformId }));
  const ministryKeys = Object.keys(meeting.attendance)
    .filter((key) => key.startsWith('ministry:'))
    .sort();
  const attendance = [...invitedKeys, ...ministryKeys].flatMap((key): MinutesAttendance[] => {
    const status = meeting.attendance[key];
    return status === undefined ? [] : [{ ...partyOf(read, key), status, attendees: meeting.attendees?.[key] ?? [] }];
  });
  const agenda = records
    .flatMap((r) => (r.type === 'agendaItem' && r.meetingId === meeting.id ? [r] : []))
    .sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const decisions = ordered(records.flatMap((r) => (r.type === 'decision' && r.meetingId === meeting.id ? [r] : [])));
  const period = minutesPeriod(records, meeting);
  const invited = new Set(meeting.invitedPlatformIds);
  const requests = [...read.allRequests()].filter((request) => invited.has(request.platformId));
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      kind: meeting.kind,
      startsAt: meeting.startsAt,
      place: meeting.place,
      videoLink: meeting.videoLink,
      chair,
    },
    at,
    upToSeq,
    upToHash,
    period,
    invited: invitedKeys.map((key) => partyOf(read, key)),
    attendance,
    agenda: agenda.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      platformId: item.platformId,
      platformName: nameOf(item.platformId),
      notes: item.notes,
      requestRefs: item.requestRefs,
    })),
    decisions: decisions.map((d) => ({ id: d.id, text: d.text, platformId: d.platformId, platformName: nameOf(d.platformId) })),
    actionItems: actionItemsOfMeeting(records, meeting).map((item) => ({
      id: item.id,
      text: item.text,
      owner: partyOf(read, partyKey(item.owner)),
      dueDate: item.dueDate,
      status: item.status,
      decidedHere: item.meetingId === meeting.id,
      closedAt: item.status === 'open' ? null : (item.closedAt ?? item.updatedAt),
    })),
    figures: platformFigures(requests, period, at),
    late: lateRequests(requests, period, at).map(({ request, ackDelayMs, answerDelayMs, unanswered, withdrawn, contested }) => ({
      ref: request.ref,
      platformId: request.platformId,
      kind: request.kind,
      priority: request.sla.label,
      status: request.status,
      createdAt: request.createdAt,
      ackDelayMs,
      answerDelayMs,
      unanswered,
      withdrawn,
      contested,
    })),
  };
}
