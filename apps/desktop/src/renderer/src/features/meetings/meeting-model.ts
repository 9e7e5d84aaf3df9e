import {
  MINISTRY_ROLES,
  lateRequests,
  platformFigures,
  previousMeeting,
  type ActionItem,
  type AgendaItem,
  type AgendaItemKind,
  type DomainState,
  type Meeting,
  type MeetingDecision,
  type Party,
  type PlatformFigures,
  type Request,
} from '@contact-desk/shared';

/** The ministry team of the prefect's own office, always listed. Stored as is in the record. */
export const PREFECTURE_TEAM = 'Préfecture';

/** When there is no previous meeting, the agenda looks this far back. */
export const DEFAULT_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;

export function meetingsOf(view: DomainState): Meeting[] {
  const list: Meeting[] = [];
  for (const record of view.meetingRecords.values()) if (record.type === 'meeting') list.push(record);
  return list;
}

/** Upcoming first (soonest first), then past (latest first). */
export function splitMeetings(meetings: readonly Meeting[], now: number): { upcoming: Meeting[]; past: Meeting[] } {
  const upcoming = meetings.filter((m) => m.startsAt >= now).sort((a, b) => a.startsAt - b.startsAt);
  const past = meetings.filter((m) => m.startsAt < now).sort((a, b) => b.startsAt - a.startsAt);
  return { upcoming, past };
}

export function agendaOf(view: DomainState, meetingId: string): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const record of view.meetingRecords.values()) {
    if (record.type === 'agendaItem' && record.meetingId === meetingId) items.push(record);
  }
  return items.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
}

export function decisionsOf(view: DomainState, meetingId: string): MeetingDecision[] {
  const list: MeetingDecision[] = [];
  for (const record of view.meetingRecords.values()) {
    if (record.type === 'decision' && record.meetingId === meetingId) list.push(record);
  }
  return list.sort((a, b) => a.createdAt - b.createdAt);
}

/** Distinct ministry teams from the users, plus the prefecture, sorted. */
export function ministryTeams(view: DomainState): string[] {
  const teams = new Set<string>([PREFECTURE_TEAM]);
  for (const user of view.users.values()) {
    if (user.team && (MINISTRY_ROLES as readonly string[]).includes(user.role)) teams.add(user.team);
  }
  return [...teams].sort((a, b) => a.localeCompare(b, 'fr'));
}

export function requestIdByRef(view: DomainState): Map<string, string> {
  const map = new Map<string, string>();
  for (const request of view.requests.values()) map.set(request.ref, request.id);
  return map;
}

export interface PlatformAgendaPlan {
  readonly platformId: string;
  readonly period: { readonly from: number; readonly to: number };
  readonly late: readonly Request[];
  readonly lateCount: number;
  readonly unansweredCount: number;
  readonly figures: PlatformFigures | null;
  readonly openActionItems: readonly ActionItem[];
}

/** What the record says about each invited platform since the previous meeting. */
export function agendaPlan(view: DomainState, meeting: Meeting, now: number): PlatformAgendaPlan[] {
  const previous = previousMeeting(view.meetingRecords.values(), meeting);
  const from = previous ? previous.startsAt : meeting.startsAt - DEFAULT_LOOKBACK_MS;
  // Built before or during the meeting: everything up to now (or to the meeting if later).
  const to = Math.max(meeting.startsAt, now) + 1;
  const period = { from, to };
  const inPeriod = [...view.requests.values()].filter((r) => r.createdAt >= from && r.createdAt < to);
  const figures = platformFigures(inPeriod, period, now);
  const lateOfAll = lateRequests(inPeriod, period, now);
  const openItems = [...view.meetingRecords.values()].filter(
    (r): r is ActionItem => r.type === 'actionItem' && r.status === 'open' && r.owner.kind === 'platform',
  );
  return meeting.invitedPlatformIds.map((platformId) => {
    const late = lateOfAll.filter((row) => row.request.platformId === platformId);
    return {
      platformId,
      period,
      late: late.map((row) => row.request),
      lateCount: late.length,
      unansweredCount: late.filter((row) => row.unanswered).length,
      figures: figures.find((f) => f.platformId === platformId) ?? null,
      openActionItems: openItems.filter((item) => item.owner.kind === 'platform' && item.owner.platformId === platformId),
    };
  });
}

export function hasAgendaItem(items: readonly AgendaItem[], kind: AgendaItemKind, platformId: string): boolean {
  return items.some((item) => item.kind === kind && item.platformId === platformId);
}

export function partyFromValue(value: string): Party | null {
  if (value.startsWith('platform:')) return { kind: 'platform', platformId: value.slice('platform:'.length) };
  if (value.startsWith('ministry:')) return { kind: 'ministry', team: value.slice('ministry:'.length) };
  return null;
}

/** `<input type="datetime-local">` value in the user's zone ↔ epoch ms. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

/** `<input type="date">` value → end of that day in the user's zone. */
export function fromDateInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = new Date(`${value}T23:59`).getTime();
  return Number.isFinite(ms) ? ms : null;
}
