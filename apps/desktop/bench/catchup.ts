/**
 * Figure 1 — catch-up: 10k pulled events applied into Dexie (fake-indexeddb) with the engine's
 * `applyPage`, in pages of 1000, vs a raw Dexie bulkPut of the same rows (events + projections).
 */
import { emptyState, GENESIS_HASH, StateDraft, type DomainEvent, type DomainState, type Request, type Comment } from '@contact-desk/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRequest, itemOf, seeded } from '../../../packages/shared/test/fixtures';
import { applyPage, LocalDb, requestIdOf } from '@contact-desk/sync';
import { log, median, now, type Figure } from './common';

const REQUESTS = 2_000;
const PAGE = 1_000;
const RUNS = 3;

/** 2k request.created + ~8k acknowledged / commented / answered events, decided and stamped as the relay does. */
export function generateEvents(): DomainEvent[] {
  const { desk, operator, metaLiaison, tiktokLiaison } = seeded();
  const ids: { id: string; platform: 'meta' | 'tiktok' }[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const platform = i % 2 === 0 ? 'meta' : 'tiktok';
    desk.tick(1_000);
    ids.push({
      id: createRequest(desk, operator, {
        platformId: platform,
        items: [`https://example.com/${platform}/posts/${i}`, `https://example.com/${platform}/posts/${i}-b`],
      }),
      platform,
    });
  }
  for (const { id, platform } of ids) {
    const liaison = platform === 'meta' ? metaLiaison : tiktokLiaison;
    desk.tick(1_000);
    desk.must(liaison, 'request.acknowledge', { requestId: id });
    desk.must(operator, 'comment.add', { commentId: desk.freshId(), requestId: id, body: 'Any news on this one? It is spreading fast.' });
    desk.must(liaison, 'comment.add', { commentId: desk.freshId(), requestId: id, body: 'Under review by our trust & safety team.' });
    desk.must(liaison, 'request.answer', {
      requestId: id,
      items: [
        { itemId: itemOf(desk, id, 0), outcome: 'removed' },
        { itemId: itemOf(desk, id, 1), outcome: 'geo_blocked' },
      ],
    });
  }
  return desk.log;
}

interface PageRows {
  readonly events: { seq: number; requestId: string; event: DomainEvent }[];
  readonly requests: Request[];
  readonly comments: Comment[];
  readonly cursor: number;
}

/** The rows each page writes (final values per page), computed outside of any timing. */
function rowsOf(pages: readonly DomainEvent[][]): PageRows[] {
  let state: DomainState = emptyState();
  return pages.map((events) => {
    const draft = new StateDraft(state).apply(events);
    state = draft.finish();
    const requests = new Map<string, Request>();
    const comments = new Map<string, Comment>();
    for (const write of draft.writes()) {
      if (write.kind === 'request') requests.set(write.value.id, write.value);
      if (write.kind === 'comment') comments.set(write.value.id, write.value);
    }
    return {
      events: events.map((event) => ({ seq: event.seq, requestId: requestIdOf(event), event })),
      requests: [...requests.values()],
      comments: [...comments.values()],
      cursor: events[events.length - 1]!.seq,
    };
  });
}

const freshDb = () => new LocalDb(`bench-${Math.random().toString(36).slice(2)}`, { indexedDB: new IDBFactory(), IDBKeyRange });

async function runApplyPage(pages: readonly DomainEvent[][]): Promise<{ ms: number; requests: number }> {
  const db = freshDb();
  await db.open();
  let state = emptyState();
  const start = now();
  for (const page of pages) state = await applyPage(db, state, page, { seq: page[page.length - 1]!.seq, hash: GENESIS_HASH });
  const ms = now() - start;
  const requests = await db.requests.count();
  db.close();
  return { ms, requests };
}

async function runRawBulkPut(rows: readonly PageRows[]): Promise<{ ms: number; requests: number }> {
  const db = freshDb();
  await db.open();
  const start = now();
  for (const page of rows) {
    await db.transaction('rw', [db.events, db.requests, db.comments, db.meta], async () => {
      await db.events.bulkPut(page.events);
      await db.requests.bulkPut(page.requests);
      if (page.comments.length > 0) await db.comments.bulkPut(page.comments);
      await db.meta.put({ key: 'cursor', value: page.cursor });
    });
  }
  const ms = now() - start;
  const requests = await db.requests.count();
  db.close();
  return { ms, requests };
}

export async function benchCatchUp(): Promise<Figure[]> {
  let t = now();
  const events = generateEvents();
  log(`catch-up: generated ${events.length} events in ${(now() - t).toFixed(0)} ms`);
  const pages: DomainEvent[][] = [];
  for (let i = 0; i < events.length; i += PAGE) pages.push(events.slice(i, i + PAGE));
  t = now();
  const rows = rowsOf(pages);
  log(`catch-up: baseline rows computed in ${(now() - t).toFixed(0)} ms`);

  // Pure fold cost (no IndexedDB), for the diagnosis.
  t = now();
  let state = emptyState();
  for (const page of pages) state = new StateDraft(state).apply(page).finish();
  const foldMs = now() - t;

  const desk: number[] = [];
  const raw: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const b = await runRawBulkPut(rows);
    const a = await runApplyPage(pages);
    if (a.requests !== REQUESTS || b.requests !== REQUESTS) throw new Error(`catch-up stored ${a.requests}/${b.requests} requests`);
    raw.push(b.ms);
    desk.push(a.ms);
    log(`catch-up run ${run + 1}: applyPage ${a.ms.toFixed(0)} ms, raw bulkPut ${b.ms.toFixed(0)} ms`);
  }
  return [
    {
      figure: `catch-up ${(events.length / 1000).toFixed(1)}k events (fake-indexeddb, median of ${RUNS})`,
      value: median(desk),
      baseline: median(raw),
      baselineLabel: 'raw Dexie bulkPut',
      targetMs: 2_000,
      note: `pure in-memory fold (StateDraft) of the same events: ${foldMs.toFixed(0)} ms`,
    },
  ];
}
