import { emptyState, reduce, type DomainState, type Viewer } from '@contact-desk/shared';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import type { Storage } from '../storage/storage.js';

const EVERYTHING: Viewer = { role: 'system', platformId: null };
const PAGE = 5_000;

/** What an audit reads: a store already open, or the path of a SQLite data file (opened read-only for the call). */
export type AuditedStore = Storage | string;

/** Runs `read` on the store; a data file's path is opened read-only and closed after. */
export async function withAuditedStore<T>(store: AuditedStore, read: (storage: Storage) => Promise<T>): Promise<T> {
  if (typeof store !== 'string') return read(store);
  const storage = new SqliteStorage(store, { readOnly: true });
  try {
    return await read(storage);
  } finally {
    storage.closeNow();
  }
}

/**
 * The log folded from scratch up to a seq (the head when undefined), with the reducer every client
 * uses, and the hash at that seq: what any figure or projection must agree with.
 */
export async function foldLog(storage: Storage, upToSeq?: number): Promise<{ state: DomainState; upToHash: string }> {
  const head = await storage.head();
  const last = upToSeq ?? head.seq;
  if (last > head.seq || last < 0) throw new RangeError(`seq ${last} is not in the log (head ${head.seq})`);
  let state = emptyState();
  let upToHash = last === head.seq ? head.hash : '';
  while (state.lastSeq < last) {
    const page = await storage.eventsAfter(EVERYTHING, state.lastSeq, Math.min(PAGE, last - state.lastSeq));
    if (page.length === 0) break;
    state = reduce(state, page);
    upToHash = page.at(-1)?.hash ?? upToHash;
  }
  return { state, upToHash };
}
