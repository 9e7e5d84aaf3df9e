/**
 * A fingerprint of everything the relay holds, to prove that bad input changed nothing: the head
 * seq, the in-memory projections, and every table of the SQLite file read back from disk — except
 * the table of recorded mutation results, which by design also remembers decided rejections.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { DomainState } from '@contact-desk/shared';
import { verifyChain, type ChainReport } from '../../src/audit/verify-chain.js';
import { databaseFile } from '../../src/config.js';

/** A running relay and its data folder (a test harness, or a relay started by hand). */
export interface RelayUnderTest {
  readonly dataDir: string;
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

export function fingerprint(h: RelayUnderTest): RecordFingerprint {
  const file = fileDigests(h.dataDir);
  return {
    headSeq: h.headSeq,
    events: file.events,
    memory: memoryDigest(h.core.view),
    tables: file.tables,
    chain: verifyChain(databaseFile({ dataDir: h.dataDir })),
  };
}

/** The chain verifies and covers exactly the log the relay serves. */
export function chainVerifies(print: RecordFingerprint): boolean {
  return print.chain.ok && print.chain.events === print.headSeq && print.chain.headSeq === print.headSeq;
}
