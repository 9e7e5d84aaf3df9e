/**
 * A pull reads the log while a commit lands: the page must end where its reads ended, not at the
 * head the commit made, or the device would take the commit's events for already pulled and drop
 * them when they come live. PostgreSQL's reads wait on the network, which opens the window; the
 * read is held back here until the other device's push has committed.
 */
import { afterAll, expect, it } from 'vitest';
import { LocalPostgres } from '../../src/storage/pg/local-postgres.js';
import { openPgStorage } from '../../src/storage/pg/pg-storage.js';
import type { Storage } from '../../src/storage/storage.js';
import { closeAll, createRequestArgs, Harness, waitFor } from '../harness.js';

let server: LocalPostgres | undefined;
afterAll(async () => {
  await closeAll();
  await server?.stop();
});

it('a pull whose read is overtaken by a commit claims no event it does not hold', async () => {
  server = await LocalPostgres.start();
  const url = await server.createDatabase('race');
  const inner = await openPgStorage(url);
  let hold: Promise<void> | undefined;
  let readDone = false;
  const wrapped = new Proxy(inner, {
    get(target, key, receiver) {
      if (key === 'eventsAfter') {
        return async (...args: Parameters<Storage['eventsAfter']>) => {
          const rows = await target.eventsAfter(...args);
          if (hold) {
            readDone = true;
            await hold;
          }
          return rows;
        };
      }
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Storage;
  const h = await Harness.start(undefined, undefined, { config: { databaseUrl: url }, start: { storage: wrapped } });
  await h.platform('alpha');
  const a = await h.connect(await h.user('operator'));
  const b = await h.connect(await h.user('prefect'));
  const headBefore = h.headSeq;
  let release = () => undefined as void;
  hold = new Promise<void>((resolve) => (release = resolve));
  const pulled = a.pull(0, 1000);
  await waitFor(() => readDone, 'the pull read the log');
  hold = undefined;
  h.clock.advance(5_000);
  const created = await b.act('request.create', createRequestArgs('alpha'));
  expect(created.status).toBe('accepted');
  await a.waitForEvent((event) => event.seq > headBefore, 'the live message');
  release();
  const page = await pulled;
  if (!page.ok) throw new Error(page.error.message);
  const lastEvent = page.events.at(-1)?.seq;
  expect(page.upToSeq).toBeLessThanOrEqual(Math.max(headBefore, lastEvent ?? 0));
  // The page claims the log up to upToSeq: every event up to there the operator may see must be in it.
  const seen = a.events.filter((event) => event.seq <= page.upToSeq).map((event) => event.seq);
  expect(page.events.map((event) => event.seq)).toEqual(expect.arrayContaining(seen));
}, 60_000);
