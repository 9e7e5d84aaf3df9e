import { describe, expect, it } from 'vitest';
import { canSee, reduce, emptyState, type MeetingRecord } from '../src/index.js';
import { HOUR, T0, seeded, uuid } from './fixtures.js';

function meetingWorld() {
  const world = seeded();
  const { desk, prefect, operator } = world;
  const meetingId = uuid(800);
  desk.must(prefect, 'meeting.create', {
    meetingId,
    title: 'Groupe de contact permanent',
    kind: 'regular',
    startsAt: T0 + 24 * HOUR,
    place: 'Place Beauvau',
    videoLink: null,
    invitedPlatformIds: ['meta', 'tiktok'],
  });
  desk.must(operator, 'agenda.addItem', { itemId: uuid(801), meetingId, kind: 'free', title: 'Point général' });
  desk.must(operator, 'agenda.addItem', {
    itemId: uuid(802),
    meetingId,
    kind: 'late_requests',
    title: 'Retards Meta',
    platformId: 'meta',
    requestRefs: ['CD-2026-000001'],
  });
  desk.must(operator, 'agenda.addItem', {
    itemId: uuid(803),
    meetingId,
    kind: 'late_requests',
    title: 'Retards TikTok',
    platformId: 'tiktok',
  });
  desk.must(operator, 'actionItem.create', {
    actionItemId: uuid(804),
    meetingId,
    text: 'Fournir le bilan',
    owner: { kind: 'platform', platformId: 'meta' },
  });
  desk.must(operator, 'actionItem.create', {
    actionItemId: uuid(805),
    meetingId,
    text: 'Envoyer la liste',
    owner: { kind: 'platform', platformId: 'tiktok' },
  });
  return { ...world, meetingId };
}

describe('meetings of the contact group', () => {
  it('records attendance, notes, decisions and action items', () => {
    const { desk, operator, meetingId } = meetingWorld();
    desk.must(operator, 'meeting.setAttendance', { meetingId, party: { kind: 'platform', platformId: 'meta' }, status: 'present' });
    desk.must(operator, 'meeting.setAttendance', { meetingId, party: { kind: 'ministry', team: 'PHAROS' }, status: 'excused' });
    desk.must(operator, 'agenda.updateItem', { itemId: uuid(802), patch: { notes: 'Meta s’engage à répondre sous 1 h.' } });
    desk.must(operator, 'decision.add', {
      decisionId: uuid(806),
      meetingId,
      agendaItemId: uuid(802),
      platformId: 'meta',
      text: 'Point mensuel.',
    });
    desk.must(operator, 'agenda.removeItem', { itemId: uuid(801) });
    const meeting = desk.state.meetingRecords.get(meetingId);
    expect(meeting).toMatchObject({ type: 'meeting', attendance: { 'platform:meta': 'present', 'ministry:PHAROS': 'excused' } });
    expect(desk.state.meetingRecords.get(uuid(802))).toMatchObject({ notes: 'Meta s’engage à répondre sous 1 h.' });
    expect(desk.state.meetingRecords.has(uuid(801))).toBe(false);
    expect(desk.state.meetingRecords.get(uuid(806))).toMatchObject({ type: 'decision', platformId: 'meta' });
  });

  it('lets the owner platform’s liaison update its action item, and only that one', () => {
    const { desk, metaLiaison, tiktokLiaison } = meetingWorld();
    desk.must(metaLiaison, 'actionItem.setStatus', { actionItemId: uuid(804), status: 'done' });
    expect(desk.state.meetingRecords.get(uuid(804))).toMatchObject({ status: 'done' });
    const foreign = desk.submit(tiktokLiaison, 'actionItem.setStatus', { actionItemId: uuid(804), status: 'dropped' });
    expect(foreign.decision).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(desk.state.meetingRecords.get(uuid(804))).toMatchObject({ status: 'done' });
  });

  it('refuses liaisons and observers the meeting’s own steps', () => {
    const { desk, metaLiaison, observer, meetingId } = meetingWorld();
    for (const actor of [metaLiaison, observer]) {
      const refused = desk.submit(actor, 'decision.add', { decisionId: uuid(807), meetingId, text: 'x' });
      expect(refused.decision).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('shows a liaison the meeting, the general items and their own platform’s items only', () => {
    const { desk, metaLiaison } = meetingWorld();
    const visible = desk.log.filter((event) => canSee(metaLiaison, event.audience));
    const liaisonView = reduce(emptyState(), visible);
    const records = [...liaisonView.meetingRecords.values()] as MeetingRecord[];
    const titles = records.map((record) => ('title' in record ? record.title : 'text' in record ? record.text : ''));
    expect(titles).toEqual(expect.arrayContaining(['Groupe de contact permanent', 'Point général', 'Retards Meta', 'Fournir le bilan']));
    expect(titles).not.toContain('Retards TikTok');
    expect(titles).not.toContain('Envoyer la liste');
  });
});
