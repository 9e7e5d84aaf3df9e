/**
 * A data file of schema 5 (before the `platforms` audience) is brought to schema 6 when the relay
 * starts on it: the log's table is built anew with the audience allowed, every event keeps its
 * row, seq and hash, the chain verifies, and the relay records and serves meetings of several
 * platforms on it at once.
 */
import Database from 'better-sqlite3';
import { newId } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/verify-chain.js';
import { databaseFile } from '../src/config.js';
import { SCHEMA_VERSION } from '../src/storage/sqlite-schema.js';
import { closeAll, createRequest, standardSetup, T0 } from './harness.js';

afterEach(closeAll);

const OLD_CHECK = "CHECK (audience IN ('all', 'ministry', 'admin', 'platform'))";

describe('schema 5 → 7', () => {
  it('keeps every event, then records and serves a meeting of two platforms and a campaign', async () => {
    const { h, operator, liaisonA, liaisonB } = await standardSetup();
    const ops = await h.connect(operator);
    await createRequest(ops, 'alpha');
    await createRequest(ops, 'beta');
    const head = h.core.headPosition;
    await h.relay.close();

    // Back to schema 5: the log's table with its old CHECK, no event_platforms, no campaigns.
    const file = databaseFile({ dataDir: h.dataDir });
    const db = new Database(file);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'events'").get() as { sql: string }).sql;
    db.exec(`DROP TABLE event_platforms; DROP TABLE campaigns;
             ${sql.replace('events', 'events_v5').replace("'platform', 'platforms'", "'platform'")};
             INSERT INTO events_v5 SELECT * FROM events; DROP TABLE events; ALTER TABLE events_v5 RENAME TO events;`);
    db.pragma('user_version = 5');
    expect((db.prepare("SELECT sql FROM sqlite_master WHERE name = 'events'").get() as { sql: string }).sql).toContain(OLD_CHECK);
    db.close();
    expect(verifyChain(file)).toMatchObject({ ok: true, headHash: head.hash });

    await h.restart();
    expect(h.core.headPosition).toEqual(head);
    const migrated = new Database(file, { readonly: true });
    expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(
      migrated
        .prepare(
          "SELECT count(*) AS n FROM sqlite_master WHERE name IN ('event_platforms', 'events_by_platform', 'events_for_all', 'campaigns')",
        )
        .get(),
    ).toEqual({ n: 4 });
    migrated.close();
    expect(verifyChain(file)).toMatchObject({ ok: true, headHash: head.hash });

    const prefect = await h.connect(await h.user('prefect'));
    const meetingId = newId();
    const created = await prefect.act('meeting.create', {
      meetingId,
      title: 'Both',
      kind: 'regular',
      startsAt: T0 + 86_400_000,
      place: null,
      videoLink: null,
      invitedPlatformIds: ['beta', 'alpha'],
    });
    expect(created.status).toBe('accepted');
    expect((await prefect.act('campaign.start', { campaignId: newId(), name: 'Vague' })).status).toBe('accepted');
    for (const liaison of [liaisonA, liaisonB]) {
      const page = await (await h.connect(liaison)).pull(0, 1000);
      if (!page.ok) throw new Error(page.error.message);
      const meeting = page.events.find((event) => event.type === 'meeting.created');
      expect(meeting?.audience).toEqual({ kind: 'platforms', platformIds: ['alpha', 'beta'] });
      expect(page.events.filter((event) => event.type === 'request.created')).toHaveLength(1);
    }
    await h.relay.close();
    expect(verifyChain(file)).toMatchObject({ ok: true });
  });
});
