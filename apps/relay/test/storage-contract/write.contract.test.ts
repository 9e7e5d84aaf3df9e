/** Storage contract, the write: all or nothing, after the head, reading what it is asked under the lock. */
import { draft, GENESIS_HASH, newId } from '@contact-desk/shared';
import { expect, it } from 'vitest';
import { BatchBuilder } from '../../src/core/batch-builder.js';
import type { Storage } from '../../src/storage/storage.js';
import { forEachEngine } from './engines.js';
import { actor, createRequest, IDS, LogWriter, PREFECT, seed, step } from './log-writer.js';

/** What a failed write must have left: the same head, state and log as before it. */
async function unchanged(storage: Storage, before: Awaited<ReturnType<Storage['snapshot']>>): Promise<void> {
  expect(await storage.snapshot()).toEqual(before);
  expect(await storage.hashAt(before.head.seq + 1)).toBeUndefined();
}

forEachEngine('the write', (fresh) => {
  it('writes nothing when build throws, and passes its error on', async () => {
    const storage = await fresh();
    const writer = new LogWriter(storage);
    await seed(writer);
    const before = await storage.snapshot();
    const refused = new Error('decided against it');
    const attempt = writer.write([createRequest('meta')], {
      actor: actor(writer, IDS.operator),
      extra: () => {
        throw refused;
      },
    });
    await expect(attempt).rejects.toBe(refused);
    await unchanged(storage, before);
    expect(
      await storage.write({ knownSeq: before.head.seq, mutationIds: [], enrollmentCodeHashes: [] }, () => ({ batch: null, value: 7 })),
    ).toBe(7);
    await unchanged(storage, before);
  });

  it('takes the write probe of readiness, leaving nothing behind, and writes as before after it', async () => {
    const storage = await fresh();
    const writer = new LogWriter(storage);
    await seed(writer);
    const before = await storage.snapshot();
    await storage.probeWrite(1_000);
    await storage.probeWrite(1_000);
    await unchanged(storage, before);
    await writer.write([createRequest('meta')], { actor: actor(writer, IDS.operator) });
    expect((await storage.head()).seq).toBe(before.head.seq + 1);
  });

  it('refuses, writing nothing, a batch that does not follow the head: an old seq, or the next seq on another hash', async () => {
    const storage = await fresh();
    const writer = new LogWriter(storage);
    await seed(writer);
    const before = await storage.snapshot();
    const behind = { seq: 0, hash: GENESIS_HASH };
    const forked = { seq: before.head.seq, hash: 'f'.repeat(64) };
    for (const position of [behind, forked]) {
      const batch = new BatchBuilder(before.state, position, writer.now);
      batch.append([draft('platform.created', { platform: { ...before.state.platforms.get('meta')!, id: 'x' } })], PREFECT, null, null);
      const request = { knownSeq: before.head.seq, mutationIds: [], enrollmentCodeHashes: [] };
      await expect(storage.write(request, () => ({ batch: batch.toCommit(), value: undefined }))).rejects.toThrow();
      await unchanged(storage, before);
    }
  });

  it('reads under the lock what other writers appended since knownSeq, every audience, in order', async () => {
    const storage = await fresh();
    const one = new LogWriter(storage);
    const other = new LogWriter(storage);
    const seeded = await seed(one);
    const alone = await one.write([createRequest('meta')], { actor: actor(one, IDS.operator) });
    expect(alone.context.missed).toEqual([]);
    expect(alone.context.head).toEqual({ seq: seeded.events.at(-1)!.seq, hash: seeded.events.at(-1)!.hash });
    // `other` has folded nothing yet: it is told of both batches, then writes after them.
    const late = await other.write([step('platform.create', { platformId: 'x', name: 'X', kind: 'platform' })]);
    expect(late.context.missed).toEqual([...seeded.events, ...alone.events]);
    expect(late.events[0]!.seq).toBe(alone.events.at(-1)!.seq + 1);
    const next = await one.write([createRequest('x')], { actor: actor(one, IDS.operator) });
    expect(next.context.missed).toEqual(late.events);
    expect(one.state.refCounters.get(2026)).toBe(2);
  });

  it('reads the recorded answers of the asked mutation ids', async () => {
    const storage = await fresh();
    const writer = new LogWriter(storage);
    const seeded = await seed(writer);
    const [answered] = seeded.mutationIds;
    const unknown = newId();
    const next = await writer.write([], { mutationIds: [answered!, unknown] });
    expect([...next.context.mutationResults.keys()]).toEqual([answered]);
    const stored = next.context.mutationResults.get(answered!);
    expect(stored).toMatchObject({ userId: seeded.events[0]!.actor.userId, requestHash: null });
    expect(stored?.result).toEqual({ mutationId: answered, status: 'accepted', seqs: [1, 2], serverTime: writer.now });
    expect(await storage.mutationResult(answered!)).toEqual(stored);
    expect(await storage.mutationResult(unknown)).toBeUndefined();
  });

  it('keeps the answer of each mutation once: the same mutation id twice fails the second write', async () => {
    const storage = await fresh();
    const writer = new LogWriter(storage);
    const seeded = await seed(writer);
    const before = await storage.snapshot();
    const again = writer.write([], {
      extra: (batch) =>
        batch.mutationResults.set(seeded.mutationIds[0]!, {
          userId: 'x',
          receivedAt: 0,
          result: { mutationId: 'x', status: 'accepted', seqs: [], serverTime: 0 },
        }),
    });
    await expect(again).rejects.toThrow();
    await unchanged(storage, before);
  });

  it('keeps the API keys issued by their id, as hashes', async () => {
    const storage = await fresh();
    const writer = new LogWriter(storage);
    await seed(writer);
    await writer.write([], { extra: (batch) => batch.apiKeys.push({ apiKeyId: 'key-1', keyHash: 'sha256-of-key-1' }) });
    expect(await storage.apiKeyHash('key-1')).toBe('sha256-of-key-1');
    expect(await storage.apiKeyHash('key-2')).toBeUndefined();
  });

  it('numbers events without a gap over many writes', async () => {
    const storage = await fresh();
    const writer = new LogWriter(storage);
    await seed(writer);
    const operator = actor(writer, IDS.operator);
    for (let i = 0; i < 10; i += 1) await writer.write([createRequest(i % 2 === 0 ? 'meta' : 'tiktok')], { actor: operator });
    const seqs = (await storage.eventsAfter({ role: 'system', platformId: null }, 0, 1000)).map((event) => event.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect((await storage.head()).seq).toBe(seqs.length);
  });
});
