import { newId, type MeetingRecord } from '@contact-desk/shared';
import { afterEach, expect, it } from 'vitest';
import { addUser } from '../support/relay-process';
import { startFixture, type Fixture } from './fixture';
import type { SyncClient } from './sync-client';

let fixture: Fixture | undefined;

afterEach(async () => {
  await fixture?.close();
});

function records(client: SyncClient, meetingId: string): MeetingRecord[] {
  return [...client.engine.state.meetingRecords.values()].filter(
    (record) => (record.type === 'meeting' ? record.id : record.meetingId) === meetingId,
  );
}

/**
 * The contact group meets in a room without network: the prefect takes attendance, notes, a
 * decision and an action item offline. Back online, everything reaches the relay once, in the
 * order it was taken, and the platform's liaison gets what concerns them.
 */
it('a meeting held without network syncs afterwards, once, to the ministry and to the platform concerned', async () => {
  fixture = await startFixture();
  const prefectCode = addUser(fixture.relay.dataDir, 'Claire Vautrin', 'prefect');
  const prefect = await fixture.client(prefectCode, 'prefect laptop');
  const operator = await fixture.client(fixture.codes.operator, 'operator');
  const meta = await fixture.client(fixture.codes.liaison, 'meta liaison');
  const tiktok = await fixture.client(fixture.codes.otherLiaison, 'tiktok liaison');

  const meetingId = newId();
  await prefect.act('meeting.create', {
    meetingId,
    title: 'Groupe de contact permanent — séance mensuelle',
    kind: 'regular',
    startsAt: Date.now() + 3_600_000,
    place: 'Place Beauvau, salle 3',
    videoLink: null,
    invitedPlatformIds: ['meta', 'tiktok'],
  });
  await meta.until(() => meta.engine.state.meetingRecords.has(meetingId));

  await fixture.relay.stop();
  await prefect.until(() => prefect.engine.syncStatus.connection !== 'online');
  const itemId = newId();
  const offline = [
    await prefect.act('meeting.setAttendance', { meetingId, party: { kind: 'platform', platformId: 'meta' }, status: 'present' }),
    await prefect.act('meeting.setAttendance', { meetingId, party: { kind: 'platform', platformId: 'tiktok' }, status: 'excused' }),
    await prefect.act('agenda.addItem', { itemId, meetingId, kind: 'free', title: 'Retraits de la semaine', platformId: 'meta' }),
    await prefect.act('agenda.updateItem', { itemId, patch: { notes: 'Meta confirme les retraits ; délai moyen 40 min.' } }),
    await prefect.act('decision.add', {
      decisionId: newId(),
      meetingId,
      agendaItemId: itemId,
      platformId: 'meta',
      text: 'Point hebdomadaire avec Meta.',
    }),
    await prefect.act('actionItem.create', {
      actionItemId: newId(),
      meetingId,
      text: 'Envoyer la liste des comptes récidivistes.',
      owner: { kind: 'platform', platformId: 'meta' },
      dueDate: Date.now() + 7 * 86_400_000,
    }),
  ];
  const seen = prefect.view().meetingRecords;
  expect([...seen.values()].filter((record) => record.type !== 'meeting' && record.meetingId === meetingId)).toHaveLength(3);
  expect(records(prefect, meetingId)).toHaveLength(1);
  expect(prefect.engine.syncStatus.pending).toBe(offline.length);

  await fixture.relay.start();
  await prefect.until(() => prefect.engine.syncStatus.pending === 0 && records(prefect, meetingId).length === 4, 30_000);
  await operator.until(() => records(operator, meetingId).length === 4);
  await meta.until(() => records(meta, meetingId).length === 4);
  await tiktok.until(() => tiktok.engine.syncStatus.cursor === prefect.engine.syncStatus.cursor);

  const meeting = operator.engine.state.meetingRecords.get(meetingId);
  expect(meeting?.type === 'meeting' && meeting.attendance).toEqual({ 'platform:meta': 'present', 'platform:tiktok': 'excused' });
  const item = operator.engine.state.meetingRecords.get(itemId);
  expect(item?.type === 'agendaItem' && item.notes).toBe('Meta confirme les retraits ; délai moyen 40 min.');
  // Items about Meta reach Meta's liaison, not TikTok's.
  expect(records(tiktok, meetingId).map((record) => record.type)).toEqual(['meeting']);
  // Each offline action is in the log once.
  const events = await operator.db.events.toArray();
  for (const mutation of offline) expect(events.filter((row) => row.event.mutationId === mutation.mutationId)).toHaveLength(1);
}, 90_000);
