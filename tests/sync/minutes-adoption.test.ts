import { minutesHash, newId, reasonOf, type LoggedEvent, type Meeting, type MinutesVersion } from '@contact-desk/shared';
import { afterEach, expect, it } from 'vitest';
import { addUser } from '../support/relay-process';
import { requestArgs, startFixture, type Fixture } from './fixture';
import type { SyncClient } from './sync-client';

let fixture: Fixture | undefined;

afterEach(async () => {
  await fixture?.close();
});

function versions(client: SyncClient, meetingId: string): MinutesVersion[] {
  return [...client.engine.state.meetingRecords.values()]
    .filter((record): record is MinutesVersion => record.type === 'minutes' && record.meetingId === meetingId)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

const ids = (client: SyncClient, meetingId: string) => versions(client, meetingId).map((version) => version.id.slice(meetingId.length));

/** Waits until a mutation has its answer, and returns the refusal if it was refused. */
async function answered(client: SyncClient, mutationId: string) {
  await client.until(() => !client.engine.pendingMutations.some((m) => m.mutationId === mutationId));
  return client.rejections.find((rejection) => rejection.mutationId === mutationId);
}

/**
 * The prefect adopts the minutes over real sockets: the relay computes them, each invited
 * platform's liaison receives its own copy only (one of them offline at the time, and served on
 * reconnecting), edits are refused until the minutes are reopened, and an amendment is version 2
 * beside version 1. Every device recomputes the content's hash and finds the recorded one.
 */
it('adopts minutes once for everyone, each audience its copy, and amends them as a new version', async () => {
  fixture = await startFixture();
  const prefect = await fixture.client(addUser(fixture.relay.dataDir, 'Claire Vautrin', 'prefect'), 'prefect laptop');
  const operator = await fixture.client(fixture.codes.operator, 'operator');
  const meta = await fixture.client(fixture.codes.liaison, 'meta liaison');
  const tiktok = await fixture.client(fixture.codes.otherLiaison, 'tiktok liaison');

  await operator.act('request.create', requestArgs('meta'));
  await operator.act('request.create', requestArgs('tiktok'));
  const meetingId = newId();
  const decisionId = newId();
  await prefect.act('meeting.create', {
    meetingId,
    title: 'Groupe de contact — mars',
    kind: 'regular',
    startsAt: Date.now() + 3_600_000,
    place: 'Place Beauvau',
    videoLink: null,
    invitedPlatformIds: ['meta', 'tiktok'],
  });
  await operator.act('agenda.addItem', { itemId: newId(), meetingId, kind: 'late_requests', title: 'Retards Meta', platformId: 'meta' });
  await operator.act('agenda.addItem', {
    itemId: newId(),
    meetingId,
    kind: 'late_requests',
    title: 'Retards TikTok',
    platformId: 'tiktok',
  });
  await operator.act('decision.add', { decisionId, meetingId, platformId: 'tiktok', text: 'TikTok répond sous une heure.' });
  const attendance = await operator.act('meeting.setAttendance', {
    meetingId,
    party: { kind: 'platform', platformId: 'meta' },
    status: 'present',
    attendees: ['Lina Liaison'],
  });
  expect(await answered(operator, attendance.mutationId)).toBeUndefined();
  await tiktok.until(() => tiktok.engine.state.meetingRecords.has(decisionId));
  await tiktok.quit();

  const adopt = await prefect.act('meeting.adopt', { meetingId, note: null });
  expect(await answered(prefect, adopt.mutationId)).toBeUndefined();
  await prefect.until(() => versions(prefect, meetingId).length === 3);
  expect(ids(prefect, meetingId)).toEqual(['/v1', '/v1/meta', '/v1/tiktok']);
  await meta.until(() => versions(meta, meetingId).length === 1);
  expect(ids(meta, meetingId)).toEqual(['/v1/meta']);
  const [ministryV1] = versions(prefect, meetingId);
  expect(ministryV1!.content.attendance).toMatchObject([{ name: 'Meta', attendees: ['Lina Liaison'] }]);
  expect(ministryV1!.content.figures.map((row) => row.platformId)).toEqual(['meta', 'tiktok']);
  // Frozen at the log position just before the adoption event, as the log itself says.
  const logged = await prefect.db.events.toArray();
  const adoptedSeq = logged.find((row) => row.event.type === 'meeting.adopted')?.event.seq;
  expect(ministryV1!.upToSeq).toBe((adoptedSeq ?? 0) - 1);
  expect(ministryV1!.upToHash).toBe((logged.find((row) => row.event.seq === ministryV1!.upToSeq)?.event as LoggedEvent | undefined)?.hash);

  // After adoption the record is closed to edits, and nothing changes.
  const late = await operator.act('decision.update', { decisionId, text: 'TikTok répond sous trente minutes.' });
  const refused = await answered(operator, late.mutationId);
  expect(refused && reasonOf(refused.error)).toBe('meeting_adopted');

  // TikTok's liaison was away: back online, they get TikTok's copy, and only it.
  await tiktok.reopen();
  await tiktok.until(() => versions(tiktok, meetingId).length === 1);
  expect(ids(tiktok, meetingId)).toEqual(['/v1/tiktok']);
  expect(JSON.stringify(versions(tiktok, meetingId)[0]!.content)).not.toMatch(/meta/i);
  for (const client of [prefect, meta, tiktok]) {
    for (const version of versions(client, meetingId)) expect(minutesHash(version.content), version.id).toBe(version.contentHash);
  }

  // An amendment: reopened with a reason, edited, adopted again with a note. Version 1 stays.
  const reopen = await prefect.act('meeting.reopenMinutes', { meetingId, reason: 'Délai mal transcrit.' });
  expect(await answered(prefect, reopen.mutationId)).toBeUndefined();
  const edit = await operator.act('decision.update', { decisionId, text: 'TikTok répond sous trente minutes.' });
  expect(await answered(operator, edit.mutationId)).toBeUndefined();
  await prefect.until(() => {
    const decision = prefect.engine.state.meetingRecords.get(decisionId);
    return decision?.type === 'decision' && decision.text.includes('trente');
  });
  const amend = await prefect.act('meeting.adopt', { meetingId, note: 'Délai de la décision corrigé.' });
  expect(await answered(prefect, amend.mutationId)).toBeUndefined();
  await tiktok.until(() => versions(tiktok, meetingId).length === 2);
  const [v1, v2] = versions(tiktok, meetingId);
  expect(v1!.contentHash).toBe(versions(prefect, meetingId).find((v) => v.id === `${meetingId}/v1/tiktok`)?.contentHash);
  expect(v1!.content.decisions.map((d) => d.text)).toEqual(['TikTok répond sous une heure.']);
  expect(v2!.content.decisions.map((d) => d.text)).toEqual(['TikTok répond sous trente minutes.']);
  await prefect.until(() => versions(prefect, meetingId).length === 6);
  expect(versions(prefect, meetingId).find((v) => v.id === `${meetingId}/v2`)?.note).toBe('Délai de la décision corrigé.');
  await meta.until(() => versions(meta, meetingId).length === 2);
  expect((meta.engine.state.meetingRecords.get(meetingId) as Meeting).minutes).toMatchObject({ version: 2, amending: false });
}, 120_000);
