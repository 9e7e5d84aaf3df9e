import {
  partyKey,
  platformFigures,
  weeklyFigures,
  type AgendaItem,
  type DomainState,
  type Meeting,
  type MeetingRecord,
  type Request,
} from '@contact-desk/shared';
import type { ExportMeta, ExportPeriod, FiguresInput, Language, MinutesInput, PlatformRef, WeeklyPoint } from '@contact-desk/exports';

/** What every export of this device states about where its data comes from. */
export interface ExportContext {
  readonly language: Language;
  readonly timeZone: string;
  /** The log position this device has applied up to. */
  readonly lastSeq: number;
  /** The relay log's hash at `lastSeq`, null before the first sync. */
  readonly headHash: string | null;
  /** Relay time now, as estimated on this device. */
  readonly now: number;
}

export function platformRefs(state: DomainState): Map<string, PlatformRef> {
  return new Map([...state.platforms.values()].map((platform) => [platform.id, { name: platform.name }]));
}

export function exportMeta(title: string, period: ExportPeriod, platformIds: readonly string[], state: DomainState, context: ExportContext): ExportMeta {
  return {
    title,
    period,
    timeZone: context.timeZone,
    generatedAt: context.now,
    lastSeq: context.lastSeq,
    ...(context.headHash ? { headHash: context.headHash } : {}),
    platforms: platformIds.map((id) => state.platforms.get(id)?.name ?? id),
    language: context.language,
  };
}

/** The requests of the chosen platforms (all visible ones when none is chosen). */
export function requestsOf(state: DomainState, platformIds: readonly string[]): Request[] {
  const wanted = new Set(platformIds);
  return [...state.requests.values()].filter((request) => wanted.size === 0 || wanted.has(request.platformId));
}

/**
 * Median times to acknowledge and to answer, per platform and ISO week of creation in the
 * export's zone: the shared weekly figures (same population and rules as the period's figures).
 */
export function weeklyTrend(requests: readonly Request[], period: ExportPeriod, at: number, zone: string): WeeklyPoint[] {
  return weeklyFigures(requests, period, at, zone).map((row) => ({
    week: row.week,
    platformId: row.platformId,
    medianAck: row.medianTimeToAck,
    medianAnswer: row.medianTimeToAnswer,
  }));
}

export function figuresInput(state: DomainState, title: string, period: ExportPeriod, platformIds: readonly string[], context: ExportContext): FiguresInput {
  const requests = requestsOf(state, platformIds);
  return {
    figures: platformFigures(requests, period, context.now, true),
    weekly: weeklyTrend(requests, period, context.now, context.timeZone),
    platforms: platformRefs(state),
    meta: exportMeta(title, period, platformIds, state, context),
  };
}

function recordsOf(state: DomainState): MeetingRecord[] {
  return [...state.meetingRecords.values()];
}

/** The meeting before this one, whose date opens the period the minutes' figures cover. */
export function previousMeeting(state: DomainState, meeting: Meeting): Meeting | undefined {
  return recordsOf(state)
    .filter((record): record is Meeting => record.type === 'meeting' && record.startsAt < meeting.startsAt)
    .sort((a, b) => b.startsAt - a.startsAt)[0];
}

const THIRTY_DAYS = 30 * 86_400_000;

/** The minutes of a meeting, from the record as this device sees it. */
export function minutesInput(state: DomainState, meetingId: string, chair: string, context: ExportContext): MinutesInput | undefined {
  const meeting = state.meetingRecords.get(meetingId);
  if (meeting?.type !== 'meeting') return undefined;
  const platformName = (id: string | null) => (id === null ? undefined : (state.platforms.get(id)?.name ?? id));
  const from = previousMeeting(state, meeting)?.startsAt ?? meeting.startsAt - THIRTY_DAYS;
  const period = { from, to: Math.max(from + 1, meeting.startsAt) };
  const records = recordsOf(state);
  const agenda = records
    .filter((record): record is AgendaItem => record.type === 'agendaItem' && record.meetingId === meetingId)
    .sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
  const attendance = [
    ...meeting.invitedPlatformIds.map((platformId) => ({
      party: platformName(platformId) ?? platformId,
      kind: 'platform' as const,
      status: meeting.attendance[partyKey({ kind: 'platform', platformId })],
    })),
    ...Object.entries(meeting.attendance)
      .filter(([key]) => key.startsWith('ministry:'))
      .map(([key, status]) => ({ party: key.slice('ministry:'.length), kind: 'ministry' as const, status })),
  ].flatMap((row) => (row.status === undefined ? [] : [{ ...row, status: row.status }]));
  const requests = [...state.requests.values()].filter((request) => meeting.invitedPlatformIds.includes(request.platformId));
  return {
    meta: exportMeta(meeting.title, period, meeting.invitedPlatformIds, state, context),
    meeting: {
      title: meeting.title,
      kind: meeting.kind,
      startsAt: meeting.startsAt,
      place: meeting.place ?? '',
      ...(meeting.videoLink ? { videoLink: meeting.videoLink } : {}),
      chair,
    },
    attendance,
    agenda: agenda.map((item) => ({
      title: item.title,
      // Titles built from the record already start with the platform's name.
      ...(item.platformId && !item.title.startsWith(platformName(item.platformId) ?? '') ? { platformName: platformName(item.platformId) } : {}),
      notes: item.notes,
      lateRequests: item.requestRefs,
    })),
    decisions: records
      .flatMap((record) => (record.type === 'decision' && record.meetingId === meetingId ? [record] : []))
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((decision) => ({ text: decision.text, ...(decision.platformId ? { platformName: platformName(decision.platformId) } : {}) })),
    actionItems: records
      .flatMap((record) =>
        record.type === 'actionItem' && (record.meetingId === meetingId || (record.status === 'open' && record.createdAt < meeting.startsAt))
          ? [record]
          : [],
      )
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((item) => ({
        text: item.text,
        owner: item.owner.kind === 'platform' ? (platformName(item.owner.platformId) ?? item.owner.platformId) : item.owner.team,
        ...(item.dueDate === null ? {} : { dueDate: item.dueDate }),
        status: item.status,
      })),
    figures: platformFigures(requests, period, context.now).map((row) => ({ ...row, platformName: platformName(row.platformId) })),
  };
}
