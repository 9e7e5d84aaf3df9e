/**
 * A fingerprint of everything the relay holds, to prove that bad input changed nothing: the head
 * seq, the in-memory projections, and every table of its store read back — the SQLite file from
 * disk, or the PostgreSQL database over a connection of its own — except the table of recorded
 * mutation results, which by design also remembers decided rejections.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { DomainState } from '@contact-desk/shared';
import pg from 'pg';
import { expect } from 'vitest';
import { verifyChain, verifyStoredChain, type ChainReport } from '../../src/audit/verify-chain.js';
import { verifyProjections, type ProjectionReport } from '../../src/audit/verify-projections.js';
import { databaseFile } from '../../src/config.js';
import { openPgStorage } from '../../src/storage/pg/pg-storage.js';

/** A running relay, its data folder and, on PostgreSQL, its database (a test harness, or a relay started by hand). */
export interface RelayUnderTest {
  readonly dataDir: string;
  /** The PostgreSQL database holding the relay's record; absent: the data folder's SQLite file holds it. */
  readonly databaseUrl?: string;
  readonly headSeq: number;
  readonly core: { readonly view: DomainState };
}

export interface RecordFingerprint {
  readonly headSeq: number;
  /** Rows of the events table. */
  readonly events: number;
  /** Digest of the in-memory projections. */
  readonly memory: string;
  /** Digest of each table of the data file, by name. */
  readonly tables: Readonly<Record<string, string>>;
  /** The hash chain of the log, walked from the genesis hash: ok, its length and head hash. */
  readonly chain: ChainReport;
}

/** Tables whose rows may legitimately change on a refused input. */
const EXCLUDED_TABLES = new Set(['mutations']);

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function sorted<V>(map: ReadonlyMap<string | number, V>): [string | number, V][] {
  return [...map.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
}

function memoryDigest(state: DomainState): string {
  return digest({
    lastSeq: state.lastSeq,
    policy: state.policy,
    platforms: sorted(state.platforms),
    users: sorted(state.users),
    devices: sorted(state.devices),
    requests: sorted(state.requests),
    comments: sorted(state.comments),
    refCounters: sorted(state.refCounters),
    meetingRecords: sorted(state.meetingRecords),
    integrations: sorted(state.integrations),
  });
}

/** Reads the data file with a second, read-only connection, as an auditor would. */
function fileDigests(dataDir: string): { tables: Record<string, string>; events: number } {
  const db = new Database(databaseFile({ dataDir }), { readonly: true, fileMustExist: true });
  try {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[])
      .map((row) => row.name)
      .filter((name) => !EXCLUDED_TABLES.has(name));
    const tables: Record<string, string> = {};
    for (const name of names) tables[name] = digest(db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).raw().all());
    const { count } = db.prepare('SELECT count(*) AS count FROM events').get() as { count: number };
    return { tables, events: count };
  } finally {
    db.close();
  }
}

/**
 * One connection per database for the fingerprints of a file's relays (opening one costs tens of
 * milliseconds, and a matrix takes hundreds of fingerprints); it closes itself once idle.
 */
const readers = new Map<string, pg.Pool>();

function readerOf(url: string): pg.Pool {
  let pool = readers.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 1_000, allowExitOnIdle: true });
    pool.on('error', () => undefined); // an idle connection cut by the server's shutdown: the next read opens another
    readers.set(url, pool);
  }
  return pool;
}

/** The tables of each database, listed once: the relay's schema is in place before its first fingerprint. */
const tablesOf = new Map<string, readonly string[]>();

/**
 * The same, from the PostgreSQL database: every table of the relay's schema, each digested by the
 * server (all its columns, rows in order), with the count of events, in one statement: one snapshot.
 */
async function databaseDigests(url: string): Promise<{ tables: Record<string, string>; events: number }> {
  const client = await readerOf(url).connect();
  try {
    let names = tablesOf.get(url);
    if (!names) {
      const listed = await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
      );
      names = listed.rows.map((row) => row.name).filter((name) => !EXCLUDED_TABLES.has(name));
      tablesOf.set(url, names);
    }
    const digests = names.map((name) => {
      const rows = `SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM ${client.escapeIdentifier(name)} AS t`;
      return `SELECT ${client.escapeLiteral(name)} AS name, encode(sha256(convert_to(coalesce((${rows}), ''), 'UTF8')), 'hex') AS digest`;
    });
    const { rows } = await client.query<{ name: string; digest: string }>(
      [...digests, "SELECT '' AS name, count(*)::text AS digest FROM events"].join(' UNION ALL '),
    );
    const tables: Record<string, string> = {};
    for (const row of rows) if (row.name !== '') tables[row.name] = row.digest;
    return { tables, events: Number(rows.find((row) => row.name === '')?.digest) };
  } finally {
    client.release();
  }
}

/**
 * The chain reports of PostgreSQL logs already walked, by the digests of the two tables the walk
 * reads: the same rows give the same report, so an unchanged log is not walked again.
 */
const walked = new Map<string, ChainReport>();

async function storedChain(
  dataDir: string,
  url: string,
  read: { tables: Readonly<Record<string, string>>; events: number },
): Promise<ChainReport> {
  const key = `${url} ${read.tables.events} ${read.tables.event_platforms}`;
  const known = walked.get(key);
  if (known) return known;
  const report = await verifyStoredChain({ dataDir, databaseUrl: url });
  // Kept only when the walk saw the log the tables were read from (nothing was appended in between).
  if (report.ok && report.events === read.events) walked.set(key, report);
  return report;
}

/** The fingerprint of a relay on SQLite, read at once (`takeFingerprint` reads either engine). */
export function fingerprint(h: RelayUnderTest): RecordFingerprint {
  if (h.databaseUrl) throw new Error('the relay keeps its record in PostgreSQL: take its fingerprint with takeFingerprint');
  const file = fileDigests(h.dataDir);
  return {
    headSeq: h.headSeq,
    events: file.events,
    memory: memoryDigest(h.core.view),
    tables: file.tables,
    chain: verifyChain(databaseFile({ dataDir: h.dataDir })),
  };
}

/**
 * The fingerprint of a relay on either engine: on SQLite exactly `fingerprint`; on PostgreSQL the
 * head seq and the memory as they are at the call, then the database's tables and chain.
 */
export async function takeFingerprint(h: RelayUnderTest): Promise<RecordFingerprint> {
  const url = h.databaseUrl;
  if (!url) return fingerprint(h);
  const headSeq = h.headSeq;
  const memory = memoryDigest(h.core.view);
  const read = await databaseDigests(url);
  return { headSeq, events: read.events, memory, tables: read.tables, chain: await storedChain(h.dataDir, url, read) };
}

/** The stored projections against the log folded from scratch, read from the relay's store by a reader of its own, as an auditor would. */
export async function projectionsMatchLog(h: RelayUnderTest): Promise<ProjectionReport> {
  if (!h.databaseUrl) return verifyProjections(databaseFile({ dataDir: h.dataDir }));
  const storage = await openPgStorage(h.databaseUrl);
  try {
    return await verifyProjections(storage);
  } finally {
    await storage.close();
  }
}

/** The chain verifies and covers exactly the log the relay serves. */
export function chainVerifies(print: RecordFingerprint): boolean {
  return print.chain.ok && print.chain.events === print.headSeq && print.chain.headSeq === print.headSeq;
}

/** A fingerprint whose chain verifies: the record a block of input must then leave as it is. */
export async function verifiedFingerprint(h: RelayUnderTest): Promise<RecordFingerprint> {
  const print = await takeFingerprint(h);
  expect(chainVerifies(print), JSON.stringify(print.chain)).toBe(true);
  return print;
}

/** Nothing of the record changed since `before` — not an event, not a projection, not the chain's head hash — and the chain still verifies. */
export async function expectUnchanged(h: RelayUnderTest, before: RecordFingerprint, block?: string): Promise<void> {
  const now = await takeFingerprint(h);
  expect(now, block && `${block}: the record changed`).toEqual(before);
  expect(chainVerifies(now), block ?? JSON.stringify(now.chain)).toBe(true);
}
