import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createRequest, seeded, uuid } from '../../shared/test/fixtures.js';
import { LocalDb } from '../src/local-db.js';
import { loadRemainingRequests, loadState, REST_CHUNK } from '../src/local-store.js';

const FIRST = 500;

/** A local copy holding `count` requests with time-ordered ids, as the relay's UUIDv7 are. */
async function localCopy(count: number): Promise<LocalDb> {
  const { desk, operator } = seeded();
  const template = desk.request(createRequest(desk, operator));
  const db = new LocalDb(`rest-${count}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.requests.bulkPut(Array.from({ length: count }, (_, i) => ({ ...template, id: uuid(0x10000 + i), ref: `2026-${i}` })));
  return db;
}

describe('the rest of the local copy, read after the newest requests', () => {
  for (const rest of [REST_CHUNK + 137, 2 * REST_CHUNK, 3]) {
    it(`${rest} older requests: read in chunks, every one merged once, the newest first as before`, async () => {
      const db = await localCopy(FIRST + rest);
      try {
        const first = await loadState(db, FIRST);
        expect(first.state.requests.size).toBe(FIRST);
        const reads = vi.spyOn(db.requests, 'where');
        const complete = await loadRemainingRequests(db, first.state);
        expect(reads).toHaveBeenCalledTimes(Math.floor(rest / REST_CHUNK) + 1);
        reads.mockRestore();
        const all = await loadState(db);
        expect(complete.requests).toEqual(all.state.requests);
        const ids = [...complete.requests.keys()];
        expect(ids.slice(0, FIRST)).toEqual([...first.state.requests.keys()]);
        expect(ids.slice(FIRST)).toEqual([...all.state.requests.keys()].filter((id) => !first.state.requests.has(id)).sort());
      } finally {
        db.close();
      }
    });
  }

  it('a copy read whole at once is returned as it is', async () => {
    const db = await localCopy(FIRST - 1);
    try {
      const first = await loadState(db, FIRST);
      expect(await loadRemainingRequests(db, first.state)).toBe(first.state);
    } finally {
      db.close();
    }
  });
});
