/**
 * Several relay nodes on one PostgreSQL database, for the tests of what only a shared store has:
 * concurrent writers, notifications of appends, leads, a server that goes away and comes back.
 */
import { GENESIS_HASH, type LoggedEvent } from '@contact-desk/shared';
import { afterAll, beforeAll, expect } from 'vitest';
import { hashEvent } from '../../src/audit/event-hash.js';
import { LocalPostgres } from '../../src/storage/pg/local-postgres.js';
import { openPgStorage, type PgStorage, type PgStorageOptions } from '../../src/storage/pg/pg-storage.js';
import type { Storage } from '../../src/storage/storage.js';

export { waitUntil } from '../../src/storage/pg/server-process.js';

/** One throwaway server for the test file that calls this: started before its tests, stopped after them. */
export function serverForThisFile(): () => LocalPostgres {
  let server: LocalPostgres | undefined;
  beforeAll(async () => {
    server = await LocalPostgres.start();
  }, 60_000);
  afterAll(() => server?.stop());
  return () => {
    if (!server) throw new Error('the PostgreSQL server of this file did not start');
    return server;
  };
}

let databases = 0;

/** `count` nodes' stores on one new database of `server`. */
export async function openNodes(server: LocalPostgres, count: number, options: PgStorageOptions = {}): Promise<PgStorage[]> {
  const url = await server.createDatabase(`nodes_${++databases}`);
  const nodes: PgStorage[] = [];
  for (let i = 0; i < count; i += 1) nodes.push(await openPgStorage(url, options));
  return nodes;
}

export async function allEvents(storage: Storage): Promise<LoggedEvent[]> {
  return storage.eventsAfter({ role: 'system', platformId: null }, 0, 1_000_000);
}

/** The whole log: seqs 1..N without a gap, each event linked to the one before and hashed as its content says. */
export function expectOneChain(events: readonly LoggedEvent[]): void {
  expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i + 1));
  let prevHash = GENESIS_HASH;
  for (const event of events) {
    expect(event.prevHash, `event ${event.seq} follows the one before`).toBe(prevHash);
    expect(hashEvent(prevHash, event), `event ${event.seq} is hashed as its content says`).toBe(event.hash);
    prevHash = event.hash;
  }
}

/** What a node's `onAppended` listener heard, and a way to wait for what it will hear. */
export class Heard {
  readonly seqs: number[] = [];
  private waiters: { check: (seq: number) => boolean; resolve: (seq: number) => void }[] = [];
  readonly unsubscribe: () => void;

  constructor(storage: PgStorage) {
    this.unsubscribe = storage.coordination.onAppended((seq) => {
      this.seqs.push(seq);
      const answered = this.waiters.filter((waiter) => waiter.check(seq));
      this.waiters = this.waiters.filter((waiter) => !answered.includes(waiter));
      for (const waiter of answered) waiter.resolve(seq);
    });
  }

  /** The next head seq heard for which `check` holds (one heard already counts); rejects after `timeoutMs`. */
  next(check: (seq: number) => boolean, what: string, timeoutMs = 10_000): Promise<number> {
    const already = this.seqs.find(check);
    if (already !== undefined) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`heard no ${what} within ${timeoutMs} ms (heard ${this.seqs.join(', ')})`)),
        timeoutMs,
      );
      this.waiters.push({
        check,
        resolve: (seq) => {
          clearTimeout(timer);
          resolve(seq);
        },
      });
    });
  }

  /** Forgets what was heard so far: `next` then waits for what comes after. */
  clear(): void {
    this.seqs.length = 0;
  }
}
