/**
 * The PostgreSQL schema: migrations applied once whoever starts first, a database from a newer
 * relay refused, the log append-only whoever asks, and the session settings every connection runs with.
 */
import { GENESIS_HASH } from '@contact-desk/shared';
import pg from 'pg';
import { expect, it } from 'vitest';
import { migrate, SchemaTooNewError } from '../../src/storage/pg/migrate.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/storage/pg/migrations/migrations.js';
import { clientConfig } from '../../src/storage/pg/pg-connections.js';
import { openPgStorage } from '../../src/storage/pg/pg-storage.js';
import { BatchOutOfOrderError } from '../../src/storage/pg/pg-write.js';
import { batchOf, LogWriter, seed } from '../storage-contract/log-writer.js';
import { serverForThisFile } from './pg-nodes.js';

const server = serverForThisFile();

/** Runs `work` with a plain client on `url`: what an administrator would do beside the relay. */
async function asAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const appliedVersions = (url: string) =>
  asAdmin(url, async (client) => (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows);

it('applies every migration once, even when several nodes start together; running them again changes nothing', async () => {
  const url = await server().createDatabase('migrate_together');
  const nodes = await Promise.all([openPgStorage(url), openPgStorage(url), openPgStorage(url)]);
  await Promise.all(nodes.map((node) => node.close()));
  const everyVersion = MIGRATIONS.map((migration) => ({ version: migration.version }));
  expect(await appliedVersions(url)).toEqual(everyVersion);
  expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  const pool = new pg.Pool({ connectionString: url });
  try {
    expect(await migrate(pool)).toBe(SCHEMA_VERSION);
  } finally {
    await pool.end();
  }
  expect(await appliedVersions(url)).toEqual(everyVersion);
});

it('refuses a database that a newer relay migrated, saying so', async () => {
  const url = await server().createDatabase('from_the_future');
  await (await openPgStorage(url)).close();
  await asAdmin(url, (client) =>
    client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from a newer relay')", [SCHEMA_VERSION + 1]),
  );
  const opening = openPgStorage(url);
  await expect(opening).rejects.toBeInstanceOf(SchemaTooNewError);
  await expect(opening).rejects.toThrow(`this database has schema version ${SCHEMA_VERSION + 1}; this relay knows up to ${SCHEMA_VERSION}`);
});

it('keeps the log append-only: its rows can be neither changed nor removed', async () => {
  const url = await server().createDatabase('append_only');
  const storage = await openPgStorage(url);
  try {
    await seed(new LogWriter(storage));
  } finally {
    await storage.close();
  }
  for (const statement of [
    "UPDATE events SET payload = '{}' WHERE seq = 1",
    'DELETE FROM events WHERE seq = 1',
    'TRUNCATE events CASCADE',
  ]) {
    await expect(asAdmin(url, (client) => client.query(statement))).rejects.toThrow('the event log is append-only');
  }
});

it('refuses a batch off the head as a BatchOutOfOrderError', async () => {
  const storage = await openPgStorage(await server().createDatabase('out_of_order'));
  try {
    const seeded = await seed(new LogWriter(storage));
    const request = { knownSeq: 0, mutationIds: [], enrollmentCodeHashes: [] };
    const replay = storage.write(request, () => ({ batch: batchOf({ events: seeded.events }), value: null }));
    await expect(replay).rejects.toBeInstanceOf(BatchOutOfOrderError);
    await expect(replay).rejects.toThrow(`event 1 (after ${GENESIS_HASH.slice(0, 12)}) does not follow the log at ${seeded.events.length}`);
  } finally {
    await storage.close();
  }
});

it('runs every connection with durable commits, a bound on idle transactions, and BIGINTs read as numbers', async () => {
  const url = await server().createDatabase('settings');
  const client = new pg.Client(clientConfig(url, { idleInTransactionTimeoutMs: 12_000 }));
  await client.connect();
  try {
    const show = async (name: string) => (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name];
    expect(await show('synchronous_commit')).toBe('on');
    expect(await show('fsync')).toBe('on');
    expect(await show('idle_in_transaction_session_timeout')).toBe('12s');
    expect(await show('tcp_keepalives_idle')).toBe('10');
    const { rows } = await client.query<{ n: unknown }>('SELECT $1::bigint AS n', [Number.MAX_SAFE_INTEGER]);
    expect(rows[0]?.n).toBe(Number.MAX_SAFE_INTEGER);
  } finally {
    await client.end();
  }
  // The module's own parsers are left as they were: another user of `pg` in the process still gets text.
  expect(pg.types.getTypeParser(20, 'text')('12')).toBe('12');
});
