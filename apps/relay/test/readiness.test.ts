/**
 * `GET /readyz` on SQLite, against real conditions of the relay's own file (the tests run as
 * root, so file modes do not stop writes): its connection made read-only, the file at its size
 * cap, the write lock held by another connection, the head event edited by another connection.
 * Each time: 503 with the typed reason, the metrics saying the same; when it clears, 200 again.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../src/config.js';
import { READINESS_TIMEOUT_MS } from '../src/monitoring/readiness.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import { closeAll, createRequest, Harness } from './harness.js';
import { Exposition } from './monitoring/exposition.js';
import { readyz, readyzUntil } from './monitoring/readyz.js';

afterEach(closeAll);

/** A relay whose SQLite storage the test holds, with an operator connected and one request made. */
async function relayOnFile() {
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-readiness-'));
  const storage = new SqliteStorage(databaseFile({ dataDir }));
  const h = await Harness.start(dataDir, undefined, { config: { metricsPort: 0 }, start: { storage } });
  await h.platform('alpha');
  const ops = await h.connect(await h.user('operator'));
  await createRequest(ops, 'alpha');
  return { h, storage, ops, file: databaseFile({ dataDir }) };
}

async function scrape(h: Harness): Promise<Exposition> {
  return Exposition.parse(await (await fetch(h.relay.metricsUrl ?? '')).text());
}

describe('/readyz on SQLite', () => {
  it('is ready on a writable file, and says which store and head', async () => {
    const { h } = await relayOnFile();
    const { status, body } = await readyz(h.relay.url);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ready: true, engine: 'sqlite', headSeq: h.headSeq, reasons: [] });
    expect(body.checkedInMs).toBeLessThan(READINESS_TIMEOUT_MS);
    expect((await scrape(h)).value('contact_desk_ready')).toBe(1);
    // Liveness is unchanged.
    expect(await (await fetch(`${h.relay.url}/healthz`)).json()).toMatchObject({ ok: true, headSeq: h.headSeq });
  });

  it('is not ready while the relay’s connection is read-only; commits refused meanwhile are counted', async () => {
    const { h, storage, ops } = await relayOnFile();
    storage.pragma('query_only = 1');
    const answer = await readyz(h.relay.url);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      ready: false,
      engine: 'sqlite',
      reasons: [{ code: 'storage_read_only', message: 'The store refuses writes: it is read-only.' }],
    });
    expect(
      (await ops.act('comment.add', { commentId: crypto.randomUUID(), requestId: [...h.core.view.requests.keys()][0], body: 'Vu.' }))
        .status,
    ).toBe('rejected');
    const metrics = await scrape(h);
    expect(metrics.value('contact_desk_ready')).toBe(0);
    expect(metrics.tally('contact_desk_not_ready', ['reason'])).toEqual({ storage_read_only: 1 });
    expect(metrics.tally('contact_desk_commit_failures_total', ['fault'])).toEqual({ read_only: 1 });
    expect(metrics.value('contact_desk_mutations_rejected_total', { type: 'comment.add', code: 'storage_unavailable' })).toBe(1);

    storage.pragma('query_only = 0');
    await readyzUntil(h.relay.url, []);
    expect((await scrape(h)).value('contact_desk_ready')).toBe(1);
  });

  it('is not ready while the file is at its size cap (SQLITE_FULL), ready again once it may grow', async () => {
    const { h, storage } = await relayOnFile();
    const [pages] = storage.pragma('page_count') as { page_count: number }[];
    expect(pages?.page_count).toBeGreaterThan(0);
    storage.pragma(`max_page_count = ${pages?.page_count ?? 0}`);
    await readyzUntil(h.relay.url, ['storage_full']);
    storage.pragma('max_page_count = 1073741823');
    await readyzUntil(h.relay.url, []);
  });

  it('answers at once, not ready, while another connection holds the write lock', async () => {
    const { h, file } = await relayOnFile();
    const other = new Database(file);
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      const answer = await readyzUntil(h.relay.url, ['storage_busy']);
      // The relay waits up to 5 s for a lock on its writes; the probe does not wait at all.
      expect(answer.body.checkedInMs).toBeLessThan(5_000);
      other.prepare('ROLLBACK').run();
      await readyzUntil(h.relay.url, []);
    } finally {
      other.close();
    }
  });

  it('is not ready when the file no longer holds the head the relay serves (an edit after the fact)', async () => {
    const { h, file } = await relayOnFile();
    const other = new Database(file);
    try {
      const { hash } = other.prepare('SELECT hash FROM events WHERE seq = ?').get(h.headSeq) as { hash: string };
      other.prepare('UPDATE events SET hash = ? WHERE seq = ?').run('0'.repeat(64), h.headSeq);
      await readyzUntil(h.relay.url, ['chain_head_diverged']);
      other.prepare('UPDATE events SET hash = ? WHERE seq = ?').run(hash, h.headSeq);
      await readyzUntil(h.relay.url, []);
    } finally {
      other.close();
    }
  });

  it('leaves nothing in the file: the probe rolls back', async () => {
    const { h, file } = await relayOnFile();
    for (let i = 0; i < 5; i += 1) expect((await readyz(h.relay.url)).status).toBe(200);
    const reader = new Database(file, { readonly: true });
    try {
      expect(reader.prepare("SELECT COUNT(*) AS n FROM meta WHERE key LIKE 'readiness-probe%'").get()).toEqual({ n: 0 });
    } finally {
      reader.close();
    }
  });
});
