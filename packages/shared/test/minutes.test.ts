import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  canSee,
  emptyState,
  reduce,
  type DomainEvent,
  type EventOf,
  type Meeting,
  type MinutesVersion,
} from '../src/index.js';
import { HOUR, T0, createRequest, seeded, uuid } from './fixtures.js';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A meeting with Meta and TikTok invited, a late request of each, items on both and a carried-forward action. */
function minutesWorld() {
  const world = seeded();
  const { desk, prefect, operator } = world;
  const earlier = uuid(790);
  desk.must(prefect, 'meeting.create', {
    meetingId: earlier,
    title: 'Février',
    kind: 'regular',
    startsAt: T0 - 48 * HOUR,
    place: null,
    videoLink: null,
    invitedPlatformIds: ['meta'],
  });
  desk.must(operator, 'actionItem.create', {
    actionItemId: uuid(791),
    meetingId: earlier,
    text: 'Nommer un suppléant',
    owner: { kind: 'platform', platformId: 'meta' },
  });
  desk.must(operator, 'actionItem.create', {
    actionItemId: uuid(792),
    meetingId: earlier,
    text: 'Publier le bilan',
    owner: { kind: 'platform', platformId: 'meta' },
  });
  createRequest(desk, operator, { platformId: 'meta' });
  createRequest(desk, operator, { platformId: 'tiktok' });
  desk.tick(5 * HOUR);
  const meetingId = uuid(800);
  desk.must(prefect, 'meeting.create', {
    meetingId,
    title: 'Mars',
    kind: 'regular',
    startsAt: T0 + 6 * HOUR,
    place: 'Place Beauvau',
    videoLink: null,
    invitedPlatformIds: ['meta', 'tiktok'],
  });
  desk.must(operator, 'agenda.addItem', { itemId: uuid(801), meetingId, kind: 'free', title: 'Point général' });
  desk.must(operator, 'agenda.addItem', { itemId: uuid(802), meetingId, kind: 'late_requests', title: 'Retards Meta', platformId: 'meta' });
  desk.must(operator, 'agenda.addItem', {
    itemId: uuid(803),
    meetingId,
    kind: 'late_requests',
    title: 'Retards TikTok',
    platformId: 'tiktok',
  });
  desk.must(operator, 'decision.add', { decisionId: uuid(804), meetingId, platformId: 'tiktok', text: 'TikTok répond sous 1 h.' });
  desk.must(operator, 'meeting.setAttendance', {
    meetingId,
    party: { kind: 'platform', platformId: 'meta' },
    status: 'present',
    attendees: ['Lina Meta', 'Bruno Meta'],
  });
  desk.must(operator, 'meeting.setAttendance', {
    meetingId,
    party: { kind: 'ministry', team: 'PHAROS' },
    status: 'present',
    attendees: ['Olivier Pharos'],
  });
  desk.must(operator, 'actionItem.setStatus', { actionItemId: uuid(791), status: 'done', closedInMeetingId: meetingId });
  desk.tick(HOUR);
  return { ...world, meetingId, earlier };
}

function adoptedEvents(events: readonly DomainEvent[]) {
  return {
    ministry: events.filter((e): e is EventOf<'meeting.adopted'> => e.type === 'meeting.adopted'),
    copies: events.filter((e): e is EventOf<'minutes.published'> => e.type === 'minutes.published'),
  };
}

describe('adopting the minutes', () => {
  it('records the ministry’s copy and one copy per invited platform, each hashed and frozen before the adoption', () => {
    const { desk, prefect, meetingId } = minutesWorld();
    const headBefore = desk.head();
    const { events } = desk.must(prefect, 'meeting.adopt', { meetingId });
    const { ministry, copies } = adoptedEvents(events);
    expect(ministry).toHaveLength(1);
    expect(copies.map((e) => [e.payload.platformId, e.audience])).toEqual([
      ['meta', { kind: 'platform', platformId: 'meta' }],
      ['tiktok', { kind: 'platform', platformId: 'tiktok' }],
    ]);
    const adopted = ministry[0]!;
    expect(adopted.audience).toEqual({ kind: 'ministry' });
    expect(adopted.payload).toMatchObject({ version: 1, note: null, upToSeq: headBefore.seq, upToHash: headBefore.hash });
    for (const event of [adopted, ...copies]) {
      expect(event.payload.contentHash).toBe(sha256Hex(canonicalJson(JSON.parse(JSON.stringify(event.payload.content)))));
      expect(event.payload.upToSeq).toBe(event.seq - 1 - (event.type === 'minutes.published' ? copies.indexOf(event) + 1 : 0));
    }
    const content = adopted.payload.content;
    expect(content.meeting).toMatchObject({ title: 'Mars', chair: 'Claire Préfète' });
    expect(content.agenda.map((item) => item.title)).toEqual(['Point général', 'Retards Meta', 'Retards TikTok']);
    expect(content.attendance).toEqual([
      { key: 'platform:meta', kind: 'platform', id: 'meta', name: 'Meta', status: 'present', attendees: ['Lina Meta', 'Bruno Meta'] },
      { key: 'ministry:PHAROS', kind: 'ministry', id: 'PHAROS', name: 'PHAROS', status: 'present', attendees: ['Olivier Pharos'] },
    ]);
    expect(content.figures.map((row) => [row.platformId, row.created])).toEqual([
      ['meta', 1],
      ['tiktok', 1],
    ]);
    // The item closed in this meeting shows closed with its date; the other one is carried forward, open.
    expect(content.actionItems.map((item) => [item.text, item.status, item.closedAt])).toEqual([
      ['Nommer un suppléant', 'done', T0 + 5 * HOUR],
      ['Publier le bilan', 'open', null],
    ]);
  });

  it('gives each platform a copy that says nothing about another platform', () => {
    const { desk, prefect, meetingId } = minutesWorld();
    const { copies } = adoptedEvents(desk.must(prefect, 'meeting.adopt', { meetingId }).events);
    const meta = copies.find((e) => e.payload.platformId === 'meta')!.payload.content;
    const tiktok = copies.find((e) => e.payload.platformId === 'tiktok')!.payload.content;
    expect(JSON.stringify(meta)).not.toMatch(/tiktok|TikTok/);
    expect(meta.agenda.map((item) => item.title)).toEqual(['Point général', 'Retards Meta']);
    expect(tiktok.decisions.map((d) => d.text)).toEqual(['TikTok répond sous 1 h.']);
    expect(tiktok.attendance.map((a) => a.key)).toEqual(['ministry:PHAROS']);
    expect(tiktok.actionItems).toEqual([]);
  });

  it('folds into the liaison’s own copy only, and into the ministry’s full copy', () => {
    const { desk, prefect, metaLiaison, meetingId } = minutesWorld();
    desk.must(prefect, 'meeting.adopt', { meetingId });
    const liaisonView = reduce(
      emptyState(),
      desk.log.filter((event) => canSee(metaLiaison, event.audience)),
    );
    const versions = (state: typeof liaisonView) =>
      [...state.meetingRecords.values()].filter((r): r is MinutesVersion => r.type === 'minutes');
    expect(versions(liaisonView).map((v) => v.id)).toEqual([`${meetingId}/v1/meta`]);
    expect((liaisonView.meetingRecords.get(meetingId) as Meeting).minutes).toMatchObject({ version: 1, amending: false });
    expect(
      versions(desk.state)
        .map((v) => v.id)
        .sort(),
    ).toEqual([`${meetingId}/v1`, `${meetingId}/v1/meta`, `${meetingId}/v1/tiktok`]);
  });
});

describe('after adoption', () => {
  it('refuses every change to the meeting’s record, and changes nothing', () => {
    const { desk, prefect, operator, metaLiaison, meetingId } = minutesWorld();
    desk.must(prefect, 'meeting.adopt', { meetingId });
    const before = desk.state;
    const attempts = [
      desk.submit(prefect, 'meeting.update', { meetingId, patch: { title: 'Mars (bis)' } }),
      desk.submit(operator, 'meeting.setAttendance', { meetingId, party: { kind: 'platform', platformId: 'tiktok' }, status: 'absent' }),
      desk.submit(operator, 'agenda.addItem', { itemId: uuid(810), meetingId, kind: 'free', title: 'Ajout' }),
      desk.submit(operator, 'agenda.updateItem', { itemId: uuid(801), patch: { notes: 'Réécrit' } }),
      desk.submit(operator, 'agenda.removeItem', { itemId: uuid(801) }),
      desk.submit(operator, 'agenda.reorder', { meetingId, itemIds: [uuid(803), uuid(802), uuid(801)] }),
      desk.submit(operator, 'decision.add', { decisionId: uuid(811), meetingId, text: 'Nouvelle' }),
      desk.submit(operator, 'decision.update', { decisionId: uuid(804), text: 'Changée' }),
      desk.submit(operator, 'decision.remove', { decisionId: uuid(804) }),
      desk.submit(operator, 'actionItem.create', {
        actionItemId: uuid(812),
        meetingId,
        text: 'Nouvelle action',
        owner: { kind: 'ministry', team: 'PHAROS' },
      }),
      desk.submit(metaLiaison, 'actionItem.setStatus', { actionItemId: uuid(792), status: 'done', closedInMeetingId: meetingId }),
      // Reopening an item whose closure the adopted minutes record.
      desk.submit(operator, 'actionItem.setStatus', { actionItemId: uuid(791), status: 'open' }),
      desk.submit(prefect, 'meeting.adopt', { meetingId, note: 'encore' }),
    ];
    for (const attempt of attempts) {
      expect(attempt.decision).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: 'meeting_adopted', version: 1 } },
      });
    }
    expect(desk.state).toBe(before);
  });

  it('lets the prefect reopen for an amendment whose adoption is version 2, with a note; version 1 stays', () => {
    const { desk, prefect, operator, meetingId } = minutesWorld();
    const first = adoptedEvents(desk.must(prefect, 'meeting.adopt', { meetingId }).events).ministry[0]!;
    const v1 = desk.state.meetingRecords.get(`${meetingId}/v1`);
    expect(desk.submit(prefect, 'meeting.reopenMinutes', { meetingId, reason: 'Décision mal transcrite' }).decision.ok).toBe(true);
    expect(desk.state.meetingRecords.get(meetingId)).toMatchObject({
      minutes: { version: 1, amending: true, reopenReason: 'Décision mal transcrite' },
    });
    desk.must(operator, 'decision.update', { decisionId: uuid(804), text: 'TikTok répond sous 30 min.' });
    const noNote = desk.submit(prefect, 'meeting.adopt', { meetingId });
    expect(noNote.decision).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', details: { reason: 'amendment_note_required' } },
    });
    const second = adoptedEvents(desk.must(prefect, 'meeting.adopt', { meetingId, note: 'Décision 1 corrigée' }).events).ministry[0]!;
    expect(second.payload).toMatchObject({ version: 2, note: 'Décision 1 corrigée' });
    expect(second.payload.contentHash).not.toBe(first.payload.contentHash);
    expect(second.payload.content.decisions.map((d) => d.text)).toEqual(['TikTok répond sous 30 min.']);
    expect(desk.state.meetingRecords.get(`${meetingId}/v1`)).toBe(v1);
    expect(desk.state.meetingRecords.get(`${meetingId}/v2`)).toMatchObject({ version: 2, note: 'Décision 1 corrigée' });
  });

  it('refuses reopening minutes that are not adopted', () => {
    const { desk, prefect, meetingId } = minutesWorld();
    const refused = desk.submit(prefect, 'meeting.reopenMinutes', { meetingId, reason: 'x' });
    expect(refused.decision).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'minutes_not_adopted' } } });
  });
});

describe('editing the record before adoption', () => {
  it('edits and removes decisions', () => {
    const { desk, operator, meetingId } = minutesWorld();
    desk.must(operator, 'decision.update', { decisionId: uuid(804), text: 'Révisée' });
    expect(desk.state.meetingRecords.get(uuid(804))).toMatchObject({ text: 'Révisée', meetingId });
    const same = desk.submit(operator, 'decision.update', { decisionId: uuid(804), text: 'Révisée' });
    expect(same.decision).toMatchObject({ ok: false, error: { details: { reason: 'decision_unchanged' } } });
    const { events } = desk.must(operator, 'decision.remove', { decisionId: uuid(804) });
    expect(events[0]!.audience).toEqual({ kind: 'platform', platformId: 'tiktok' });
    expect(desk.state.meetingRecords.has(uuid(804))).toBe(false);
  });

  it('reorders the agenda with one update per moved item, each to its own audience', () => {
    const { desk, operator, meetingId } = minutesWorld();
    const { events } = desk.must(operator, 'agenda.reorder', { meetingId, itemIds: [uuid(803), uuid(801), uuid(802)] });
    expect(events.map((e) => [e.type, e.type === 'agenda.itemUpdated' ? e.payload.item.title : '', e.audience.kind])).toEqual([
      ['agenda.itemUpdated', 'Retards TikTok', 'platform'],
      ['agenda.itemUpdated', 'Point général', 'platforms'],
      ['agenda.itemUpdated', 'Retards Meta', 'platform'],
    ]);
    const again = desk.submit(operator, 'agenda.reorder', { meetingId, itemIds: [uuid(803), uuid(801), uuid(802)] });
    expect(again.decision).toMatchObject({ ok: false, error: { details: { reason: 'agenda_order_unchanged' } } });
    const moved = desk.must(operator, 'agenda.reorder', { meetingId, itemIds: [uuid(801), uuid(803), uuid(802)] }).events;
    expect(moved).toHaveLength(2);
  });

  it('refuses an order that is not exactly the meeting’s items', () => {
    const { desk, operator, meetingId } = minutesWorld();
    for (const itemIds of [
      [uuid(801), uuid(802)],
      [uuid(801), uuid(802), uuid(803), uuid(899)],
      [uuid(801), uuid(802), uuid(899)],
    ]) {
      const refused = desk.submit(operator, 'agenda.reorder', { meetingId, itemIds });
      expect(refused.decision).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload', details: { reason: 'agenda_order_mismatch' } },
      });
    }
  });

  it('records when an action item was closed, and forgets it when reopened', () => {
    const { desk, operator, meetingId } = minutesWorld();
    expect(desk.state.meetingRecords.get(uuid(791))).toMatchObject({
      status: 'done',
      closedAt: T0 + 5 * HOUR,
      closedInMeetingId: meetingId,
    });
    desk.must(operator, 'actionItem.setStatus', { actionItemId: uuid(791), status: 'open' });
    expect(desk.state.meetingRecords.get(uuid(791))).toMatchObject({ status: 'open', closedAt: null, closedInMeetingId: null });
  });
});
