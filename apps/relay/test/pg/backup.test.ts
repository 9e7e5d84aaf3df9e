/**
 * `relay backup` and `relay restore` on PostgreSQL through the real CLI: a dump taken while a relay
 * node writes, checked in a scratch database; a database whose log was edited, whose dump is kept
 * aside and refused; a restore that waits for the nodes to stop, refuses a damaged dump, keeps the
 * replaced database, and brings back exactly the backed-up head.
 */
import { newId } from '@contact-desk/shared';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyChain, verifyStoredChain } from '../../src/audit/verify-chain.js';
import { startRelay, type RunningRelay } from '../../src/server.js';
import { copyFromSqlite } from '../../src/storage/pg/copy-from-sqlite.js';
import { withClient } from '../../src/storage/pg/pg-databases.js';
import { runPgTool } from '../../src/storage/pg/pg-tools.js';
import { maskUrl, programConnection, withDatabase } from '../../src/storage/pg/pg-url.js';
import { call } from '../api/api-client.js';
import { T0 } from '../storage-contract/log-writer.js';
import { serverForThisFile, waitUntil } from './pg-nodes.js';
import { relayCli } from './relay-cli.js';
import { sqliteRecord, type SqliteRecord } from './sqlite-record.js';

const server = serverForThisFile();
const PASSWORD = 'pw-s3cret';
const REPORT =
  /backup (\S+): (\d+) events, head (\d+) ([0-9a-f]{64}), (\d+) bytes, .*chain ok, projections ok .*dump (\d+) ms, check (\d+) ms/;

let record: SqliteRecord;
let url: string;
let folder: string;
/** What the first test's backup holds, for the restore. */
let backup: { file: string; head: number; hash: string } | undefined;
let sourceHead: { seq: number; hash: string };

beforeAll(async () => {
  record = await sqliteRecord(60);
  folder = mkdtempSync(join(tmpdir(), 'relay-pg-backup-'));
  url = (await server().createDatabase('live')).replace('postgres@', `postgres:${PASSWORD}@`);
  const source = verifyChain(record.file);
  if (!source.ok) throw new Error('the seeded record does not verify');
  sourceHead = { seq: source.headSeq, hash: source.headHash };
  await copyFromSqlite(record.file, url, sourceHead);
}, 120_000);
afterAll(() => {
  for (const dir of [record.dataDir, folder]) rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ CONTACT_DESK_DATABASE_URL: url });

function query<R extends pg.QueryResultRow>(database: string, sql: string): Promise<R[]> {
  return withClient(database, async (client) => (await client.query<R>(sql)).rows);
}

const head = async (database: string) =>
  (await query<{ seq: number; hash: string }>(database, 'SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1'))[0];
const databases = async () =>
  (await query<{ datname: string }>(url, 'SELECT datname FROM pg_database ORDER BY datname')).map((row) => row.datname);

function relayNode(): Promise<RunningRelay> {
  const config = { host: '127.0.0.1', port: 0, dataDir: record.dataDir, corsOrigin: '*', deadlineCheckMs: 0, logLevel: 'silent' };
  return startRelay({ ...config, databaseUrl: url });
}

/** Comments through the node's REST API, one mutation each, as fast as they are taken, until stopped. */
function startLoad(relay: RunningRelay) {
  const fresh = [...relay.core.view.requests.values()].find(
    (request) => request.platformId === 'x' && request.createdAt === T0 - 25 * 60_000,
  );
  if (!fresh) throw new Error('no fresh P0 on x in the demo');
  let running = true;
  let accepted = 0;
  const loop = (async () => {
    while (running) {
      const reply = await call(relay.url, 'POST', `/api/v1/requests/${fresh.id}/comments`, {
        key: record.apiKey.key,
        idempotencyKey: newId(),
        body: { body: `Comment ${accepted}` },
      });
      if (reply.status !== 200) throw new Error(`comment refused: ${reply.text}`);
      accepted += 1;
    }
  })();
  return { accepted: () => accepted, stop: async () => ((running = false), await loop) };
}

it('hands pg_dump and pg_restore the password in their environment, never on their command line, and masks it in output', () => {
  const secret = 'postgres://relay:s%40cret@db.example:5432/contact_desk?sslmode=require';
  expect(programConnection(secret)).toEqual({
    dbname: 'postgres://relay@db.example:5432/contact_desk?sslmode=require',
    env: { PGPASSWORD: 's@cret' },
  });
  expect(maskUrl(secret)).toBe('postgres://relay:***@db.example:5432/contact_desk?sslmode=require');
  expect(withDatabase(secret, 'postgres')).toBe('postgres://relay:s%40cret@db.example:5432/postgres?sslmode=require');
});

it('dumps the database while a relay node writes: one consistent snapshot, checked in a scratch database, never overwritten', async () => {
  const relay = await relayNode();
  const load = startLoad(relay);
  try {
    await waitUntil(() => load.accepted() >= 100, 'comments before the backup', 30_000);
    const headBefore = relay.core.headSeq;
    const file = join(folder, 'live.dump');
    const result = await relayCli(['backup', file, '--data-dir', record.dataDir], env());
    const headAfter = relay.core.headSeq;
    await load.stop();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(PASSWORD);
    const [, written, events, seq, hash, bytes, dumpMs, checkMs] = REPORT.exec(result.stdout) ?? [];
    expect(written).toBe(file);
    // The node kept committing during the dump: the dump is one snapshot somewhere in between.
    expect(headAfter).toBeGreaterThan(headBefore);
    expect(Number(seq)).toBeGreaterThanOrEqual(headBefore);
    expect(Number(seq)).toBeLessThanOrEqual(headAfter);
    expect(Number(events)).toBe(Number(seq));
    // The live log has that very event at that seq: the dump is a prefix of it.
    expect(await query(url, `SELECT hash FROM events WHERE seq = ${Number(seq)}`)).toEqual([{ hash }]);
    console.info(
      `backup under load: ${seq} events (node head ${headBefore} → ${headAfter} meanwhile), ${bytes} bytes, dump ${dumpMs} ms, check ${checkMs} ms`,
    );

    // Restored on its own, the dump's chain ends where the report says; no scratch database or partial file is left.
    const copy = await server().createDatabase('independent_copy');
    await runPgTool('pg_restore', ['--no-owner', file], copy);
    expect(await verifyStoredChain({ dataDir: '', databaseUrl: copy })).toEqual({
      ok: true,
      events: Number(seq),
      headSeq: Number(seq),
      headHash: hash,
    });
    expect((await databases()).filter((name) => name.startsWith('contact_desk_'))).toEqual([]);
    expect(readdirSync(folder)).toEqual(['live.dump']);
    backup = { file, head: Number(seq), hash: hash ?? '' };

    const before = readFileSync(file);
    const again = await relayCli(['backup', file], env());
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(file).equals(before)).toBe(true);
  } finally {
    await load.stop().catch(() => undefined);
    await relay.close();
  }
}, 120_000);

it('keeps aside, under a name no script takes for a backup, the dump of a database whose log was edited', async () => {
  const tampered = await server().createDatabase('tampered');
  await copyFromSqlite(record.file, tampered, sourceHead);
  // An edit behind the relay's back, by someone able to lift the append-only triggers.
  await query(
    tampered,
    `ALTER TABLE events DISABLE TRIGGER events_append_only;
     UPDATE events SET payload = replace(payload, '"ref":"CD-', '"ref":"XD-') WHERE seq = (SELECT min(seq) FROM events WHERE type = 'request.created');
     ALTER TABLE events ENABLE TRIGGER events_append_only;`,
  );
  const [{ seq: edited } = { seq: 0 }] = await query<{ seq: number }>(
    tampered,
    "SELECT min(seq) AS seq FROM events WHERE type = 'request.created'",
  );
  const file = join(folder, 'tampered.dump');
  const result = await relayCli(['backup', file], { CONTACT_DESK_DATABASE_URL: tampered });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`the dump fails its checks: the log's hash chain breaks at event ${edited}`);
  expect(result.stderr).toContain(`it is kept as ${file}.rejected for inspection, nothing was written to ${file}`);
  expect(existsSync(file)).toBe(false);
  expect(existsSync(`${file}.rejected`)).toBe(true);
  expect((await databases()).filter((name) => name.startsWith('contact_desk_'))).toEqual([]);
}, 120_000);

it('restores a dump once every node is stopped, refuses a damaged one, keeps the replaced database, and brings back the backed-up head', async () => {
  if (!backup) throw new Error('the backup test did not run');
  const { file } = backup;
  const relay = await relayNode();
  const load = startLoad(relay);
  await waitUntil(() => load.accepted() >= 20, 'comments after the backup', 30_000);
  await load.stop();
  const current = await head(url);
  expect(current?.seq).toBeGreaterThan(backup.head);

  const unconfirmed = await relayCli(['restore', file], env());
  expect(unconfirmed.code).toBe(1);
  expect(unconfirmed.stderr).toMatch(
    /stop every relay node sharing the database, then run again with --nodes-stopped: each node serves the state it holds in memory/,
  );
  const nodeUp = await relayCli(['restore', file, '--nodes-stopped'], env());
  expect(nodeUp.code).toBe(1);
  expect(nodeUp.stderr).toMatch(
    /sessions are connected to the database live \(contact-desk-relay: \d+\): stop every relay node first; nothing was changed/,
  );
  await relay.close();

  // A run of bytes overwritten in the middle of the dump: refused, nothing moved.
  const damaged = join(folder, 'damaged.dump');
  copyFileSync(file, damaged);
  const bytes = readFileSync(damaged);
  bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096);
  writeFileSync(damaged, bytes);
  const refused = await relayCli(['restore', damaged, '--nodes-stopped'], env());
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(
    /damaged\.dump cannot be restored as it is: .*(pg_restore failed|hash chain breaks|projections differ).*; nothing was changed/,
  );
  console.info(`damaged dump: ${refused.stderr.trim()}`);
  expect(refused.stderr).not.toContain(PASSWORD);
  expect(await head(url)).toEqual(current);
  const before = await databases();
  expect(before.filter((name) => name.startsWith('contact_desk_') || name.includes('_replaced_'))).toEqual([]);

  const restored = await relayCli(['restore', file, '--nodes-stopped'], env());
  expect(restored.stderr).toBe('');
  expect(restored.code).toBe(0);
  expect(restored.stdout).toContain(`head ${backup.head} ${backup.hash}, chain ok, projections ok`);
  expect(restored.stdout).not.toContain(PASSWORD);
  console.info(restored.stdout.trim());
  const aside = /the replaced database is kept as (\S+)/.exec(restored.stdout)?.[1] ?? '';
  expect(aside).toMatch(/^live_replaced_\d{8}T\d{6}Z$/);
  expect(await head(withDatabase(url, aside))).toEqual(current);
  expect(await head(url)).toEqual({ seq: backup.head, hash: backup.hash });
  expect((await databases()).filter((name) => name.startsWith('contact_desk_'))).toEqual([]);

  // A node started on the restored database serves the backed-up head and goes on from it.
  const back = await relayNode();
  try {
    expect(back.core.headSeq).toBe(backup.head);
    const again = startLoad(back);
    await waitUntil(() => again.accepted() >= 1, 'a comment on the restored database', 30_000);
    await again.stop();
  } finally {
    await back.close();
  }
  const chain = await verifyStoredChain({ dataDir: '', databaseUrl: url }, { expect: [{ seq: backup.head, hash: backup.hash }] });
  expect(chain.ok && chain.headSeq).toBeGreaterThan(backup.head);
}, 180_000);
