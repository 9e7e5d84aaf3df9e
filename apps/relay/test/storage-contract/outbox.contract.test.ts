/** Storage contract, the outbox: planned once per dedup key, due in order, the delivery log's pages, the secrets. */
import { newId } from '@contact-desk/shared';
import { expect, it } from 'vitest';
import type { DeliveryUpdate, NewDelivery, OutboxWrites } from '../../src/storage/outbox-store.js';
import type { Storage } from '../../src/storage/storage.js';
import { forEachEngine } from './engines.js';
import { batchOf, T0 } from './log-writer.js';

function delivery(fields: Partial<NewDelivery> = {}): NewDelivery {
  return {
    id: newId(),
    channel: 'webhook',
    target: 'hook-1',
    targetName: 'Case tool',
    requestId: null,
    ref: null,
    platformId: 'meta',
    trigger: 'event',
    topic: 'request.created',
    createdAt: T0,
    level: null,
    causeSeq: null,
    body: '{"type":"request.created"}',
    path: null,
    dedupKey: null,
    orderKey: null,
    nextAttemptAt: T0,
    ...fields,
  };
}

function sent(id: string, fields: Partial<DeliveryUpdate> = {}): DeliveryUpdate {
  return { id, status: 'delivered', attempts: 1, nextAttemptAt: null, lastAttemptAt: T0, lastDetail: 'HTTP 200', ...fields };
}

/** One write of outbox rows alone (a write may carry no event). */
async function commit(storage: Storage, outbox: Partial<OutboxWrites>): Promise<void> {
  const writes = { deliveries: [], deliveryUpdates: [], webhookSecrets: [], ...outbox };
  const knownSeq = (await storage.head()).seq;
  await storage.write({ knownSeq, mutationIds: [], enrollmentCodeHashes: [] }, () => ({
    batch: batchOf({ outbox: writes }),
    value: undefined,
  }));
}

const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

forEachEngine('the outbox', (fresh) => {
  it('plans a delivery with a dedup key once, whatever writes plan it again', async () => {
    const storage = await fresh();
    const first = delivery({ dedupKey: 'soon:r1:action' });
    await commit(storage, { deliveries: [first, delivery({ dedupKey: 'soon:r1:action' })] });
    await commit(storage, { deliveries: [delivery({ dedupKey: 'soon:r1:action' }), delivery()] });
    expect(await storage.outbox().deliveryCounts()).toEqual({ pending: 2, delivered: 0, abandoned: 0 });
    expect(ids(await storage.outbox().dueDeliveries(T0, 10, [], [])).includes(first.id)).toBe(true);
  });

  it('keeps each delivery whole, as planned', async () => {
    const storage = await fresh();
    const planned = delivery({
      channel: 'email',
      target: 'duty@example.org',
      requestId: newId(),
      ref: 'CD-2026-000001',
      level: 2,
      causeSeq: 7,
    });
    await commit(storage, {
      deliveries: [{ ...planned, path: '/alerts', dedupKey: 'k', orderKey: 'o', trigger: 'escalated', topic: null }],
    });
    expect(await storage.outbox().dueDeliveries(T0, 10, [], [])).toEqual([
      {
        ...planned,
        path: '/alerts',
        dedupKey: 'k',
        orderKey: 'o',
        trigger: 'escalated',
        topic: null,
        status: 'pending',
        attempts: 0,
        lastAttemptAt: null,
        lastDetail: null,
      },
    ]);
  });

  it('gives due deliveries oldest due first, each the first pending of its order key, without the skipped', async () => {
    const storage = await fresh();
    const trigger = delivery({ orderKey: 'pager:r1', nextAttemptAt: T0 + 5 });
    const resolve = delivery({ orderKey: 'pager:r1', nextAttemptAt: T0 });
    const early = delivery({ nextAttemptAt: T0 + 1, target: 'hook-2' });
    const later = delivery({ nextAttemptAt: T0 + 60_000 });
    await commit(storage, { deliveries: [trigger, resolve, early, later] });
    const outbox = storage.outbox();
    expect(ids(await outbox.dueDeliveries(T0 + 10, 10, [], []))).toEqual([early.id, trigger.id]);
    expect(ids(await outbox.dueDeliveries(T0 + 10, 1, [], []))).toEqual([early.id]);
    expect(ids(await outbox.dueDeliveries(T0 + 10, 10, [trigger.id], []))).toEqual([early.id]);
    expect(ids(await outbox.dueDeliveries(T0 + 10, 10, [], ['hook-2']))).toEqual([trigger.id]);
    await commit(storage, { deliveryUpdates: [sent(trigger.id)] });
    expect(ids(await outbox.dueDeliveries(T0 + 10, 10, [], []))).toEqual([resolve.id, early.id]);
    expect(await outbox.deliveryCounts()).toEqual({ pending: 3, delivered: 1, abandoned: 0 });
  });

  it('fails the write that updates a delivery never planned', async () => {
    const storage = await fresh();
    const planned = delivery();
    await commit(storage, { deliveries: [planned] });
    await expect(commit(storage, { deliveryUpdates: [sent(planned.id), sent(newId())] })).rejects.toThrow();
    expect(await storage.outbox().deliveryCounts()).toEqual({ pending: 1, delivered: 0, abandoned: 0 });
  });

  it('pages the delivery log newest first, never ending a page inside a run planned at the same time', async () => {
    const storage = await fresh();
    // Planned at T0+3 (two), T0+2 (three), T0+1 (one): newest first, in reverse order of planning within a time.
    const rows = [1, 2, 2, 2, 3, 3].map((t) => delivery({ createdAt: T0 + t }));
    for (const row of rows) await commit(storage, { deliveries: [row] });
    const log = storage.outbox();
    const newestFirst = [rows[5], rows[4], rows[3], rows[2], rows[1], rows[0]].map((row) => row!.id);
    const page = async (limit: number, before?: number) => {
      const answer = await log.deliveryPage(before === undefined ? { limit } : { limit, before });
      return {
        ids: answer.deliveries.map((summary) => summary.deliveryId),
        hasMore: answer.hasMore,
        last: answer.deliveries.at(-1)?.createdAt,
      };
    };
    expect(await page(10)).toMatchObject({ ids: newestFirst, hasMore: false });
    // Three would cut the run at T0+2: the page stops before it.
    const first = await page(3);
    expect(first).toEqual({ ids: newestFirst.slice(0, 2), hasMore: true, last: T0 + 3 });
    // Two, from inside a run of three: the run comes whole.
    const second = await page(2, first.last);
    expect(second).toEqual({ ids: newestFirst.slice(2, 5), hasMore: true, last: T0 + 2 });
    expect(await page(2, second.last)).toEqual({ ids: newestFirst.slice(5), hasMore: false, last: T0 + 1 });
    expect(await page(1, T0 + 2)).toEqual({ ids: newestFirst.slice(5), hasMore: false, last: T0 + 1 });
  });

  it('pages by status, and shows a summary, never the content', async () => {
    const storage = await fresh();
    const [a, b] = [delivery({ createdAt: T0 + 1 }), delivery({ createdAt: T0 + 2 })];
    await commit(storage, { deliveries: [a!, b!] });
    await commit(storage, { deliveryUpdates: [sent(a!.id, { status: 'abandoned', attempts: 5, lastDetail: 'HTTP 500' })] });
    const abandoned = await storage.outbox().deliveryPage({ limit: 10, status: 'abandoned' });
    expect(abandoned).toEqual({
      ok: true,
      hasMore: false,
      deliveries: [
        {
          deliveryId: a!.id,
          ...{ channel: 'webhook', target: 'hook-1', targetName: 'Case tool', requestId: null, ref: null, platformId: 'meta' },
          ...{ trigger: 'event', topic: 'request.created', status: 'abandoned', attempts: 5, createdAt: T0 + 1 },
          ...{ lastAttemptAt: T0, nextAttemptAt: null, lastDetail: 'HTTP 500' },
        },
      ],
    });
    expect((await storage.outbox().deliveryPage({ limit: 10, status: 'pending' })).deliveries.map((d) => d.deliveryId)).toEqual([b!.id]);
  });

  it('keeps the latest sealed secret of each webhook', async () => {
    const storage = await fresh();
    await commit(storage, { webhookSecrets: [{ webhookId: 'hook-1', version: 1, sealed: 'sealed-1', createdAt: T0 }] });
    await commit(storage, { webhookSecrets: [{ webhookId: 'hook-1', version: 2, sealed: 'sealed-2', createdAt: T0 + 1 }] });
    expect(await storage.outbox().webhookSecret('hook-1')).toEqual({
      webhookId: 'hook-1',
      version: 2,
      sealed: 'sealed-2',
      createdAt: T0 + 1,
    });
    expect(await storage.outbox().webhookSecret('hook-2')).toBeUndefined();
  });
});
