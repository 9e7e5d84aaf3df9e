/**
 * Two relay nodes on one PostgreSQL database write at the same time: one log, gapless, unforked,
 * every write told exactly what the other node appended since it last looked.
 */
import type { Actor } from '@contact-desk/shared';
import { afterAll, expect, it } from 'vitest';
import type { PgStorage } from '../../src/storage/pg/pg-storage.js';
import { actor, createRequest, IDS, LogWriter, seed } from '../storage-contract/log-writer.js';
import { allEvents, expectOneChain, Heard, openNodes, serverForThisFile } from './pg-nodes.js';

const server = serverForThisFile();
const opened: PgStorage[] = [];

afterAll(async () => {
  await Promise.all(opened.map((node) => node.close()));
});

async function twoNodes(): Promise<[PgStorage, PgStorage]> {
  const [a, b] = await openNodes(server(), 2);
  opened.push(a!, b!);
  return [a!, b!];
}

interface WriteSeen {
  readonly node: string;
  readonly knownSeq: number;
  readonly missed: readonly number[];
  readonly seqs: readonly number[];
}

/** `count` writes one after the other, as one relay node makes them, each a new request (its ref drawn from the folded state). */
async function writeMany(node: string, writer: LogWriter, operator: Actor, count: number, seen: WriteSeen[]): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const knownSeq = writer.state.lastSeq;
    const written = await writer.write([createRequest(i % 2 === 0 ? 'meta' : 'tiktok')], { actor: operator });
    seen.push({ node, knownSeq, missed: written.context.missed.map((event) => event.seq), seqs: written.events.map((event) => event.seq) });
  }
}

it('gives two nodes writing at once one gapless chain, each write having missed exactly the other node’s appends', async () => {
  const [a, b] = await twoNodes();
  const writers = { a: new LogWriter(a), b: new LogWriter(b) };
  const seeded = await seed(writers.a);
  // b learns the seed the way it learns everything: as what its first write missed.
  const seen: WriteSeen[] = [{ node: 'a', knownSeq: 0, missed: [], seqs: seeded.events.map((event) => event.seq) }];
  const started = performance.now();
  const operator = actor(writers.a, IDS.operator);
  await Promise.all([writeMany('a', writers.a, operator, 200, seen), writeMany('b', writers.b, operator, 200, seen)]);
  const elapsed = performance.now() - started;
  console.log(`400 writes from two nodes in ${elapsed.toFixed(0)} ms (${(elapsed / 400).toFixed(2)} ms a write)`);

  const events = await allEvents(a);
  expectOneChain(events);
  const writerOf = new Map(seen.flatMap((write) => write.seqs.map((seq) => [seq, write.node])));
  expect(writerOf.size).toBe(events.length);
  for (const write of seen.slice(1)) {
    const between = events.filter((event) => event.seq > write.knownSeq && event.seq < write.seqs[0]!).map((event) => event.seq);
    expect(write.missed).toEqual(between);
    expect(write.missed.every((seq) => writerOf.get(seq) !== write.node)).toBe(true);
  }
  // The two nodes did interleave: each missed the other's appends more than once.
  for (const node of ['a', 'b']) expect(seen.filter((write) => write.node === node && write.missed.length > 0).length).toBeGreaterThan(1);
  // Each node folded what it missed: 400 requests, 400 distinct references.
  const refs = new Set(events.flatMap((event) => (event.type === 'request.created' ? [event.payload.request.ref] : [])));
  expect(refs.size).toBe(400);
  expect((await b.snapshot()).head).toEqual({ seq: events.length, hash: events.at(-1)!.hash });
}, 120_000);

it("tells a node of another node's appends, with the new head seq", async () => {
  const [a, b] = await twoNodes();
  const heard = new Heard(b);
  // Once listening, b is told the head as it is: nothing yet.
  await heard.next((seq) => seq === 0, 'the head when b started listening');
  const writer = new LogWriter(a);
  const first = await seed(writer);
  expect(await heard.next((seq) => seq === first.events.at(-1)!.seq, "the head after a's first write")).toBe(first.events.length);
  const second = await writer.write([createRequest('meta')], { actor: actor(writer, IDS.operator) });
  await heard.next((seq) => seq === second.events.at(-1)!.seq, "the head after a's second write");
  heard.unsubscribe();
});
