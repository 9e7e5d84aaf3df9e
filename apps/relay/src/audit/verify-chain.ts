import Database from 'better-sqlite3';
import { GENESIS_HASH, type LogPosition } from '@contact-desk/shared';
import { EVENT_COLUMNS, EVENT_ROW_NAMES, toEvent, type EventRow } from '../storage/event-row.js';
import { databaseFile } from '../config.js';
import type { StoreLocation } from '../storage/open-storage.js';
import { hashEvent } from './event-hash.js';

export type ChainReport =
  | { readonly ok: true; readonly events: number; readonly headSeq: number; readonly headHash: string }
  | { readonly ok: false; readonly brokenSeq: number; readonly reason: string };

export interface VerifyOptions {
  /** Positions cited elsewhere (exports, a liaison's proof): each must be in this chain. */
  readonly expect?: readonly LogPosition[];
}

/**
 * Walks the whole log in seq order and checks every link: seqs consecutive from 1, each event's
 * `prev_hash` equal to the previous event's hash, each hash equal to the hash of the event's
 * content. Reports the first seq where the chain breaks. A chain rewritten from some point on
 * with fresh hashes is consistent in itself: `expect` catches it against positions cited before.
 */
export function verifyChain(dataFile: string, options: VerifyOptions = {}): ChainReport {
  const db = new Database(dataFile, { readonly: true, fileMustExist: true });
  try {
    const columns = (db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map((column) => column.name);
    if (!columns.includes('hash')) {
      return { ok: false, brokenSeq: 1, reason: 'this data file predates the hash chain: start the relay once on it to link its events' };
    }
    // A file from before the `platforms` audience (schema 6) has no event_platforms and no such event.
    const platformsKnown = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_platforms'").get() !== undefined;
    const selected = platformsKnown ? EVENT_COLUMNS : EVENT_ROW_NAMES.replace('platform_ids', 'NULL AS platform_ids');
    const rows = db.prepare(`SELECT ${selected}, actor_id FROM events ORDER BY seq`).iterate() as IterableIterator<ChainRow>;
    return checkRows(rows, options);
  } finally {
    db.close();
  }
}

/** A stored event as the chain check reads it: its row, and the indexed actor column. */
export type ChainRow = EventRow & { actor_id: string };

/** The chain check over rows read in seq order from any store. */
export async function checkChainRows(rows: AsyncIterable<ChainRow>, options: VerifyOptions = {}): Promise<ChainReport> {
  const check = new ChainCheck(options);
  for await (const row of rows) {
    const broken = check.next(row);
    if (broken) return broken;
  }
  return check.end();
}

function checkRows(rows: Iterable<ChainRow>, options: VerifyOptions): ChainReport {
  const check = new ChainCheck(options);
  for (const row of rows) {
    const broken = check.next(row);
    if (broken) return broken;
  }
  return check.end();
}

/** Follows the chain row after row: each must follow the last, match its hash, and match the positions cited. */
class ChainCheck {
  private readonly expected: Map<number, string>;
  private prevHash = GENESIS_HASH;
  private seq = 0;

  constructor(options: VerifyOptions) {
    this.expected = new Map((options.expect ?? []).map((position) => [position.seq, position.hash]));
  }

  next(row: ChainRow): ChainReport | undefined {
    const broken = checkRow(row, this.seq + 1, this.prevHash);
    if (broken) return { ok: false, brokenSeq: row.seq === this.seq + 1 ? row.seq : this.seq + 1, reason: broken };
    const cited = this.expected.get(row.seq);
    if (cited !== undefined && cited !== row.hash) {
      return { ok: false, brokenSeq: row.seq, reason: `event ${row.seq} has hash ${row.hash}, not the ${cited} cited before` };
    }
    this.seq = row.seq;
    this.prevHash = row.hash;
    return undefined;
  }

  end(): ChainReport {
    const beyond = [...this.expected.keys()].find((cited) => cited > this.seq);
    if (beyond !== undefined) {
      return {
        ok: false,
        brokenSeq: this.seq + 1,
        reason: `the log ends at ${this.seq}, but position ${beyond} was cited before: events were removed`,
      };
    }
    return { ok: true, events: this.seq, headSeq: this.seq, headHash: this.prevHash };
  }
}

/** Why a row breaks the chain, or undefined when it holds. */
function checkRow(row: ChainRow, expectedSeq: number, prevHash: string): string | undefined {
  if (row.seq !== expectedSeq) return `event ${expectedSeq} is missing: the log jumps to ${row.seq}`;
  if (row.prev_hash !== prevHash) {
    return `event ${row.seq} does not follow event ${row.seq - 1}: an event before it was rewritten, or events were reordered`;
  }
  let event;
  try {
    event = toEvent(row);
  } catch {
    return `event ${row.seq} is not readable: its stored JSON was edited`;
  }
  if (hashEvent(prevHash, event) !== row.hash) return `event ${row.seq} was edited: its content no longer matches its hash`;
  if (row.actor_id !== event.actor.userId || (event.audience.kind !== 'platform' && row.platform_id !== null)) {
    return `event ${row.seq}: its index columns disagree with its content`;
  }
  return undefined;
}

/**
 * The chain of the store a configuration names: the data folder's SQLite file, or the PostgreSQL
 * database (its rows read in seq order, page by page).
 */
export async function verifyStoredChain(location: StoreLocation, options: VerifyOptions = {}): Promise<ChainReport> {
  if (!location.databaseUrl) return verifyChain(databaseFile(location), options);
  const { pgChainRows } = await import('../storage/pg/pg-chain-rows.js');
  return checkChainRows(pgChainRows(location.databaseUrl), options);
}
