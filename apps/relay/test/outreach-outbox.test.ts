/**
 * The outbox is part of the record's transaction: deliveries are written with the events that
 * call for them or not at all, survive a restart, and a deadline that is near is planned once
 * per request, step and deadline.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import { closeAll, createRequestArgs, Harness, mutation, MINUTE, T0 } from './harness.js';
import { attempts, drain, outboxRows, startDesk, TEST_OUTREACH } from './outreach/desk.js';
import { addWebhook, closeReceiversAfterEach, downReceiverPort, receiver } from './outreach/hooks.js';

afterEach(closeAll);
closeReceiversAfterEach();

describe('the outbox and the record commit together', () => {
  it('a commit that fails writes no delivery; the same mutation accepted later plans exactly one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'relay-outbox-'));
    const storage = new SqliteStorage(databaseFile({ dataDir }));
    const h = await Harness.start(dataDir, new ManualClock(T0), { config: { outreach: TEST_OUTREACH }, start: { storage } });
    await h.platform('alpha');
    const operator = await h.connect(await h.user('operator'));
    const prefect = await h.connect(await h.user('prefect'));
    const hook = await receiver();
    await addWebhook(prefect, { platformId: 'alpha', url: hook.url() });

    storage.pragma('query_only = 1');
    const create = mutation('request.create', createRequestArgs('alpha'));
    expect(await operator.send(create)).toMatchObject({ status: 'rejected', error: { code: 'storage_unavailable' } });
    storage.pragma('query_only = 0');
    expect(outboxRows(h)).toEqual([]);
    expect(await operator.send(create)).toMatchObject({ status: 'accepted' });
    expect(await operator.send(create)).toMatchObject({ status: 'accepted' }); // re-sent: the stored answer, nothing new
    await drain(h);
    expect(outboxRows(h)).toMatchObject([{ status: 'delivered', topic: 'request.created' }]);
    expect(hook.received).toHaveLength(1);
  });

  it('what was pending when the relay stopped goes after the restart, under the same id', async () => {
    const { h, ops, prefect } = await startDesk();
    const port = await downReceiverPort();
    await addWebhook(prefect, { platformId: 'alpha', url: `http://127.0.0.1:${port}/hook` });
    await createRequest(ops);
    await drain(h);
    const [pending] = outboxRows(h);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    await h.restart();
    const back = await receiver(port);
    h.clock.set(T0 + 30_000);
    await drain(h);
    expect(back.received.map((request) => request.headers['webhook-id'])).toEqual([pending?.id]);
    expect((await attempts(h)).map((attempt) => attempt.outcome)).toEqual(['failed', 'delivered']);

    async function createRequest(client: typeof ops) {
      expect(await client.act('request.create', createRequestArgs('alpha'))).toMatchObject({ status: 'accepted' });
    }
  });
});

describe('a deadline that is near', () => {
  it('is planned once per request, step and deadline; a pause moves the deadline, and the new one is planned again', async () => {
    const { h, ops, alpha, prefect } = await startDesk();
    const hook = await receiver();
    await addWebhook(prefect, { platformId: 'alpha', url: hook.url(), topics: ['request.deadlineSoon'] });
    const args = createRequestArgs('alpha', { priority: 'P0' });
    await ops.act('request.create', args);
    const requestId = args.requestId as string;
    await alpha.act('request.acknowledge', { requestId });
    const soon = () =>
      outboxRows(h)
        .filter((row) => row.trigger === 'deadline_soon')
        .map((row) => row.dedup_key);

    // Received at T0 (a device was connected): the action deadline is T0 + 60 min.
    for (const at of [54, 55, 56, 59]) {
      h.clock.set(T0 + at * MINUTE);
      await h.relay.watcher.tick();
    }
    const first = `soon:${requestId}:action:${T0 + 60 * MINUTE}:${hookId(h)}`;
    expect(soon()).toEqual([first]);

    // The platform asks a question at 59 min and gets the answer 15 minutes later: the clock stood still.
    await alpha.act('request.requestInfo', { requestId, question: 'Quelle vidéo exactement ?' });
    h.clock.set(T0 + 74 * MINUTE);
    await ops.act('request.provideInfo', { requestId, answer: 'La seconde.' });
    await h.relay.watcher.tick();
    const moved = T0 + 75 * MINUTE;
    expect(soon()).toEqual([first, `soon:${requestId}:action:${moved}:${hookId(h)}`]);
    await drain(h);
    expect(hook.bodies<{ data: { deadline: unknown } }>().map((body) => body.data.deadline)).toEqual([
      { step: 'action', at: T0 + 60 * MINUTE },
      { step: 'action', at: moved },
    ]);
  });
});

function hookId(h: Harness): string {
  const hook = [...h.core.view.integrations.values()].find((integration) => integration.type === 'webhook');
  return hook?.id ?? '';
}
