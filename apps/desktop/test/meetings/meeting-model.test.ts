import { describe, expect, it } from 'vitest';
import {
  agendaOf,
  agendaPlan,
  decisionsOf,
  DEFAULT_LOOKBACK_MS,
  fromDateInput,
  fromLocalInput,
  hasAgendaItem,
  meetingsOf,
  ministryTeams,
  partyFromValue,
  PREFECTURE_TEAM,
  requestIdByRef,
  splitMeetings,
  toLocalInput,
} from '../../src/renderer/src/features/meetings/meeting-model';
import { createRequest, MINUTE, seeded, type Seeded } from '../support/desk';

const DAY = 24 * 60 * MINUTE;

/** The prefect calls a regular meeting at `startsAt` with Meta and TikTok invited; returns its id. */
function meetingAt(seed: Seeded, title: string, startsAt: number): string {
  const meetingId = seed.desk.freshId();
  seed.desk.must(seed.prefect, 'meeting.create', {
    meetingId,
    title,
    kind: 'regular',
    startsAt,
    place: 'Place Beauvau',
    videoLink: null,
    invitedPlatformIds: ['meta', 'tiktok'],
  });
  return meetingId;
}

function meeting(seed: Seeded, meetingId: string) {
  const found = meetingsOf(seed.desk.state).find((m) => m.id === meetingId);
  if (!found) throw new Error(`no meeting ${meetingId}`);
  return found;
}

describe('the meetings list', () => {
  it('keeps only meetings, upcoming soonest first then past latest first', () => {
    const seed = seeded();
    const now = seed.desk.now;
    const lastWeek = meetingAt(seed, 'Last week', now - 7 * DAY);
    const yesterday = meetingAt(seed, 'Yesterday', now - DAY);
    const nextMonth = meetingAt(seed, 'Next month', now + 30 * DAY);
    const tomorrow = meetingAt(seed, 'Tomorrow', now + DAY);
    seed.desk.must(seed.prefect, 'agenda.addItem', {
      itemId: seed.desk.freshId(),
      meetingId: tomorrow,
      kind: 'free',
      title: 'Other business',
    });

    const { upcoming, past } = splitMeetings(meetingsOf(seed.desk.state), now);

    expect(upcoming.map((m) => m.id)).toEqual([tomorrow, nextMonth]);
    expect(past.map((m) => m.id)).toEqual([yesterday, lastWeek]);
  });

  it('counts a meeting starting right now as upcoming', () => {
    const seed = seeded();
    const now = meetingAt(seed, 'Now', seed.desk.now);
    expect(splitMeetings(meetingsOf(seed.desk.state), seed.desk.now).upcoming.map((m) => m.id)).toEqual([now]);
  });
});

describe('a meeting’s agenda and decisions', () => {
  it('lists the agenda of one meeting by its order, then by creation; decisions by creation', () => {
    const seed = seeded();
    const { desk, prefect } = seed;
    const ours = meetingAt(seed, 'Ours', desk.now + DAY);
    const other = meetingAt(seed, 'Other', desk.now + 2 * DAY);
    const add = (meetingId: string, title: string, platformId: string | null = null) => {
      const itemId = desk.freshId();
      desk
        .tick(MINUTE)
        .must(prefect, 'agenda.addItem', { itemId, meetingId, kind: platformId ? 'late_requests' : 'free', title, platformId });
      return itemId;
    };
    const first = add(ours, 'First', 'meta');
    const second = add(ours, 'Second');
    add(other, 'Elsewhere');
    desk.must(prefect, 'agenda.reorder', { meetingId: ours, itemIds: [second, first] });
    const decide = (meetingId: string, text: string) =>
      desk.tick(MINUTE).must(prefect, 'decision.add', { decisionId: desk.freshId(), meetingId, text });
    decide(ours, 'Meta reports weekly');
    decide(other, 'Not ours');
    decide(ours, 'TikTok names a backup');

    const agenda = agendaOf(desk.state, ours);
    expect(agenda.map((item) => item.title)).toEqual(['Second', 'First']);
    expect(decisionsOf(desk.state, ours).map((d) => d.text)).toEqual(['Meta reports weekly', 'TikTok names a backup']);
    expect(hasAgendaItem(agenda, 'late_requests', 'meta')).toBe(true);
    expect(hasAgendaItem(agenda, 'late_requests', 'tiktok')).toBe(false);
    expect(hasAgendaItem(agenda, 'figures', 'meta')).toBe(false);
  });
});

describe('the agenda plan of each invited platform', () => {
  it('looks back to the previous meeting and counts each platform’s late requests and open action items', () => {
    const seed = seeded();
    const { desk, prefect, operator } = seed;
    const previous = meetingAt(seed, 'Previous', desk.now - 7 * DAY);
    desk.must(prefect, 'actionItem.create', {
      actionItemId: desk.freshId(),
      meetingId: previous,
      text: 'Meta explains its delays',
      owner: { kind: 'platform', platformId: 'meta' },
    });
    desk.must(prefect, 'actionItem.create', {
      actionItemId: desk.freshId(),
      meetingId: previous,
      text: 'The ministry sends the figures',
      owner: { kind: 'ministry', team: PREFECTURE_TEAM },
    });
    const late = createRequest(desk, operator, { priority: 'P0' });
    desk.receive(late);
    createRequest(desk, operator, { platformId: 'tiktok' });
    desk.tick(16 * MINUTE);
    const next = meetingAt(seed, 'Next', desk.now + DAY);

    const plan = agendaPlan(desk.state, meeting(seed, next), desk.now);

    expect(plan.map((row) => row.platformId)).toEqual(['meta', 'tiktok']);
    const [meta, tiktok] = plan;
    expect(meta?.period).toEqual({ from: meeting(seed, previous).startsAt, to: meeting(seed, next).startsAt + 1 });
    expect(meta?.late.map((request) => request.id)).toEqual([late]);
    expect(meta?.lateCount).toBe(1);
    expect(meta?.openActionItems.map((item) => item.text)).toEqual(['Meta explains its delays']);
    expect(meta?.figures?.created).toBe(1);
    expect(tiktok?.lateCount).toBe(0);
    expect(tiktok?.openActionItems).toEqual([]);
  });

  it('with no previous meeting, looks back thirty days', () => {
    const seed = seeded();
    const first = meetingAt(seed, 'First', seed.desk.now + DAY);
    const [meta] = agendaPlan(seed.desk.state, meeting(seed, first), seed.desk.now);
    expect(meta?.period.from).toBe(meeting(seed, first).startsAt - DEFAULT_LOOKBACK_MS);
  });
});

describe('people and references', () => {
  it('lists the prefecture and the ministry users’ teams, never a platform’s', () => {
    const seed = seeded();
    seed.desk.must(seed.prefect, 'user.create', { userId: seed.desk.freshId(), name: 'Ada Ministry', role: 'operator', team: 'DGSI' });
    expect(ministryTeams(seed.desk.state)).toEqual(['DGSI', 'PHAROS', PREFECTURE_TEAM]);
  });

  it('finds requests by their reference', () => {
    const seed = seeded();
    const requestId = createRequest(seed.desk, seed.operator);
    const { ref } = seed.desk.request(requestId);
    expect(requestIdByRef(seed.desk.state).get(ref)).toBe(requestId);
  });

  it('reads a party from a select’s value', () => {
    expect(partyFromValue('platform:meta')).toEqual({ kind: 'platform', platformId: 'meta' });
    expect(partyFromValue('ministry:PHAROS')).toEqual({ kind: 'ministry', team: 'PHAROS' });
    expect(partyFromValue('meta')).toBeNull();
  });
});

describe('date inputs in the user’s zone', () => {
  it('turns a datetime-local value into a time and back, to the minute', () => {
    const value = '2026-03-02T09:30';
    const time = fromLocalInput(value);
    expect(time).not.toBeNull();
    expect(toLocalInput(time!)).toBe(value);
    expect(fromLocalInput('2 March')).toBeNull();
    expect(fromLocalInput('')).toBeNull();
  });

  it('reads a date as the end of that day', () => {
    const end = fromDateInput('2026-03-02');
    expect(end).not.toBeNull();
    expect(toLocalInput(end!)).toBe('2026-03-02T23:59');
    expect(fromDateInput('2026-03-02T10:00')).toBeNull();
  });
});
