/**
 * `GET /readyz` of a relay node on a real PostgreSQL server started by the test: the server made
 * read-only (`default_transaction_read_only`, what a hot standby or an operator's freeze looks
 * like to the relay), and the head event rewritten beneath the node. 503 with the typed reason,
 * the same in the metrics, and 200 once it is undone.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, Harness } from '../harness.js';
import { Exposition } from '../monitoring/exposition.js';
import { readyz, readyzUntil } from '../monitoring/readyz.js';
import { serverForThisFile } from './pg-nodes.js';

const server = serverForThisFile();
afterEach(closeAll);

let databases = 0;

/** A relay node on a new database, with an operator connected and one request made; and a superuser session on it. */
async function nodeOnPostgres() {
  const url = await server().createDatabase(`readiness_${++databases}`);
  const h = await Harness.start(undefined, undefined, { config: { databaseUrl: url, metricsPort: 0 } });
  await h.platform('alpha');
  const ops = await h.connect(await h.user('operator'));
  await createRequest(ops, 'alpha');
  const admin = new pg.Client({ connectionString: url });
  admin.on('error', () => undefined);
  await admin.connect();
  return { h, ops, admin };
}

async function scrape(h: Harness): Promise<Exposition> {
  return Exposition.parse(await (await fetch(h.relay.metricsUrl ?? '')).text());
}

describe('/readyz on PostgreSQL', () => {
  it('is false while the database is read-only, and true again once it takes writes', async () => {
    const { h, ops, admin } = await nodeOnPostgres();
    try {
      expect(await readyz(h.relay.url)).toMatchObject({ status: 200, body: { ready: true, engine: 'postgres', headSeq: h.headSeq } });

      await admin.query('ALTER SYSTEM SET default_transaction_read_only = on');
      await admin.query('SELECT pg_reload_conf()');
      const refused = await readyzUntil(h.relay.url, ['storage_read_only']);
      expect(refused.body.reasons).toEqual([{ code: 'storage_read_only', message: 'The store refuses writes: it is read-only.' }]);
      const requestId = [...h.core.view.requests.keys()][0];
      expect((await ops.act('comment.add', { commentId: crypto.randomUUID(), requestId, body: 'Vu.' })).status).toBe('rejected');
      const metrics = await scrape(h);
      expect(metrics.value('contact_desk_ready')).toBe(0);
      expect(metrics.tally('contact_desk_not_ready', ['reason'])).toEqual({ storage_read_only: 1 });
      expect(metrics.tally('contact_desk_commit_failures_total', ['fault'])).toEqual({ read_only: 1 });
      expect(metrics.value('contact_desk_relay_info', { engine: 'postgres', protocol: '1' })).toBe(1);

      // This session took the new default too: it steps out of it before undoing it.
      await admin.query('SET default_transaction_read_only = off');
      await admin.query('ALTER SYSTEM RESET default_transaction_read_only');
      await admin.query('SELECT pg_reload_conf()');
      await readyzUntil(h.relay.url, []);
      expect((await ops.act('comment.add', { commentId: crypto.randomUUID(), requestId, body: 'Vu.' })).status).toBe('accepted');
      expect((await scrape(h)).value('contact_desk_ready')).toBe(1);
    } finally {
      await admin.query('SET default_transaction_read_only = off').catch(() => undefined);
      await admin.query('ALTER SYSTEM RESET default_transaction_read_only').catch(() => undefined);
      await admin.query('SELECT pg_reload_conf()').catch(() => undefined);
      await admin.end();
    }
  });

  it('is false when the database no longer holds the head the node serves', async () => {
    const { h, admin } = await nodeOnPostgres();
    const rewrite = async (hash: string) => {
      // The log refuses updates by trigger, whoever asks: only a superuser switching it off can.
      await admin.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      await admin.query('UPDATE events SET hash = $1 WHERE seq = $2', [hash, h.headSeq]);
      await admin.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
    };
    try {
      const { hash } = (await admin.query<{ hash: string }>('SELECT hash FROM events WHERE seq = $1', [h.headSeq])).rows[0] ?? { hash: '' };
      await rewrite('0'.repeat(64));
      await readyzUntil(h.relay.url, ['chain_head_diverged']);
      await rewrite(hash);
      await readyzUntil(h.relay.url, []);
    } finally {
      await admin.end();
    }
  });
});
