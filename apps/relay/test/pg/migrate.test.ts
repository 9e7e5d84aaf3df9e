/**
 * `relay migrate` through the real CLI: a realistic SQLite record copied into PostgreSQL, hashes
 * and stored text as they were, checked there, served by a relay that goes on from the same head;
 * and every refusal — a database already holding a record, a folder in use, a broken chain —
 * leaving the database as it was.
 */
import Database from 'better-sqlite3';
import { newId } from '@contact-desk/shared';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyChain, verifyStoredChain } from '../../src/audit/verify-chain.js';
import { verifyProjections } from '../../src/audit/verify-projections.js';
import { DataLock } from '../../src/cli/data-lock.js';
import { databaseFile } from '../../src/config.js';
import { startRelay } from '../../src/server.js';
import { requestIdOf } from '../../src/storage/commit-rows.js';
import { withClient } from '../../src/storage/pg/pg-databases.js';
import { openPgStorage } from '../../src/storage/pg/pg-storage.js';
import { SqliteStorage } from '../../src/storage/sqlite-storage.js';
import { call } from '../api/api-client.js';
import { T0 } from '../storage-contract/log-writer.js';
import { allEvents, serverForThisFile } from './pg-nodes.js';
import { relayCli } from './relay-cli.js';
import { sqliteRecord, type SqliteRecord } from './sqlite-record.js';

const server = serverForThisFile();
let record: SqliteRecord;
const PASSWORD = 'pw-s3cret';

beforeAll(async () => {
  record = await sqliteRecord(120);
}, 120_000);
afterAll(() => rmSync(record.dataDir, { recursive: true, force: true }));

/** A new database's URL, with a password in it (the test server trusts every local connection, so any password is accepted). */
async function database(name: string): Promise<string> {
  return (await server().createDatabase(name)).replace('postgres@', `postgres:${PASSWORD}@`);
}

/** The SQLite tables and every row of each (sorted, so that engines' orders do not matter). */
function sqliteRows(file: string): Map<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    return new Map(tables.map(({ name }) => [name, sorted(db.prepare(`SELECT * FROM ${name}`).all())]));
  } finally {
    db.close();
  }
}

/** PostgreSQL's columns that SQLite does not have (checked apart). */
const DERIVED: Readonly<Record<string, string>> = { events: 'request_id', deliveries: 'planned' };

/** The same tables in PostgreSQL, without the columns PostgreSQL derives. */
function pgRows(url: string, tables: Iterable<string>): Promise<Map<string, unknown[]>> {
  return withClient(url, async (client) => {
    const rows = new Map<string, unknown[]>();
    for (const table of tables) {
      const { rows: read } = await client.query<Record<string, unknown>>(`SELECT * FROM ${table}`);
      rows.set(table, sorted(read.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => column !== DERIVED[table])))));
    }
    return rows;
  });
}

function sorted(rows: readonly unknown[]): unknown[] {
  return rows.map((row) => JSON.stringify(row, Object.keys(row as object).sort())).sort();
}

/** The log's head, read straight from PostgreSQL; undefined for an empty log or a database without the relay's tables. */
function pgHead(url: string): Promise<{ seq: number; hash: string } | undefined> {
  return withClient(url, async (client) => {
    const { rows } = await client
      .query<{ seq: number; hash: string }>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1')
      .catch(() => ({ rows: [] }));
    return rows[0];
  });
}

it('copies every table row for row, hashes and stored text as they were, and a relay on PostgreSQL goes on from the same head', async () => {
  const source = verifyChain(record.file);
  if (!source.ok) throw new Error('the seeded record does not verify');
  const url = await database('migrated');
  const result = await relayCli(['migrate', '--data-dir', record.dataDir, '--database-url', url]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`head ${source.headSeq}:${source.headHash}`);
  expect(result.stdout).toContain('postgres:***@');
  expect(result.stdout).not.toContain(PASSWORD);
  expect(result.stdout).toMatch(/webhook secrets: 1 copied still sealed with .*webhook-secrets\.key/);
  console.info(result.stdout.trim());

  // Every row of every table, as stored: payloads and documents byte for byte, hashes, states.
  const expected = sqliteRows(record.file);
  expect(await pgRows(url, expected.keys())).toEqual(expected);
  // Deliveries in their planning order; each event's request column as a relay would have written it.
  const db = new Database(record.file, { readonly: true });
  const plannedOrder = (db.prepare('SELECT id FROM deliveries ORDER BY rowid').all() as { id: string }[]).map((row) => row.id);
  db.close();
  const [copiedOrder, requestColumns] = await withClient(url, async (client) => [
    (await client.query<{ id: string }>('SELECT id FROM deliveries ORDER BY planned')).rows.map((row) => row.id),
    (await client.query<{ seq: number; request_id: string | null }>('SELECT seq, request_id FROM events ORDER BY seq')).rows,
  ]);
  expect(copiedOrder).toEqual(plannedOrder);

  expect(await verifyStoredChain({ dataDir: record.dataDir, databaseUrl: url })).toEqual(source);
  const storage = await openPgStorage(url);
  const sqlite = new SqliteStorage(record.file, { readOnly: true });
  try {
    const events = await allEvents(storage);
    expect(requestColumns).toEqual(events.map((event) => ({ seq: event.seq, request_id: requestIdOf(event) })));
    expect(requestColumns.filter((row) => row.request_id !== null).length).toBeGreaterThan(100);
    expect((await verifyProjections(storage)).ok).toBe(true);
    expect(await storage.outbox().deliveryCounts()).toEqual(await sqlite.outbox().deliveryCounts());
    expect(await storage.outbox().deliveryPage({ limit: 50 })).toEqual(await sqlite.outbox().deliveryPage({ limit: 50 }));
  } finally {
    await storage.close();
  }

  // A relay node on the database serves the same state, and its API key (copied as its hash) acts.
  const config = { host: '127.0.0.1', port: 0, dataDir: record.dataDir, corsOrigin: '*', deadlineCheckMs: 0, logLevel: 'silent' };
  const relay = await startRelay({ ...config, databaseUrl: url });
  try {
    expect(relay.core.headSeq).toBe(source.headSeq);
    const state = sqlite.loadStateNow();
    for (const [name, value] of Object.entries(state)) expect(relay.core.view[name as keyof typeof state], name).toEqual(value);
    const fresh = [...relay.core.view.requests.values()].find(
      (request) => request.platformId === 'x' && request.createdAt === T0 - 25 * 60_000,
    );
    if (!fresh) throw new Error('no fresh P0 on x in the demo');
    const reply = await call(relay.url, 'POST', `/api/v1/requests/${fresh.id}/acknowledge`, {
      key: record.apiKey.key,
      idempotencyKey: newId(),
    });
    expect(reply.status, reply.text).toBe(200);
  } finally {
    await relay.close();
    sqlite.closeNow();
  }
  const reopened = await openPgStorage(url);
  const [next] = await reopened.eventsAfter({ role: 'system', platformId: null }, source.headSeq, 10);
  await reopened.close();
  expect(next).toMatchObject({ seq: source.headSeq + 1, prevHash: source.headHash });
  const after = await verifyStoredChain({ dataDir: record.dataDir, databaseUrl: url });
  expect(after.ok && after.headSeq).toBeGreaterThan(source.headSeq);
}, 120_000);

it('refuses a database that already holds a record, and a data folder a relay is using; the database is left as it was', async () => {
  const url = await database('taken');
  expect((await relayCli(['migrate', '--data-dir', record.dataDir], { CONTACT_DESK_DATABASE_URL: url })).code).toBe(0);
  const head = await pgHead(url);
  const rows = await pgRows(url, sqliteRows(record.file).keys());

  const again = await relayCli(['migrate', '--data-dir', record.dataDir], { CONTACT_DESK_DATABASE_URL: url });
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(
    /the database is not empty \(its log already holds \d+ events\): migrate only into a new, empty database; nothing was written/,
  );
  expect(again.stderr).not.toContain(PASSWORD);

  const lock = new DataLock(record.dataDir);
  lock.acquire('http://127.0.0.1:4410');
  try {
    const other = await database('other');
    const inUse = await relayCli(['migrate', '--data-dir', record.dataDir, '--database-url', other]);
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toMatch(/a relay serving http:\/\/127\.0\.0\.1:4410 \(pid \d+\) is using .*; stop it before migrating/);
    expect(await pgHead(other)).toBeUndefined();
  } finally {
    lock.release();
  }
  expect(await pgHead(url)).toEqual(head);
  expect(await pgRows(url, rows.keys())).toEqual(rows);
}, 120_000);

it('refuses a data file whose chain is broken, before writing anything', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-broken-'));
  try {
    cpSync(record.dataDir, dataDir, { recursive: true });
    const db = new Database(databaseFile({ dataDir }));
    // An edit after the fact: a request's reference changed in the log itself.
    db.prepare(
      `UPDATE events SET payload = replace(payload, '"ref":"CD-', '"ref":"XD-') WHERE seq = (SELECT min(seq) FROM events WHERE type = 'request.created')`,
    ).run();
    const edited = (db.prepare("SELECT min(seq) AS seq FROM events WHERE type = 'request.created'").get() as { seq: number }).seq;
    db.close();
    const url = await database('broken');
    const result = await relayCli(['migrate', '--data-dir', dataDir, '--database-url', url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the log's hash chain breaks at event ${edited}`);
    expect(await pgHead(url)).toBeUndefined();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
