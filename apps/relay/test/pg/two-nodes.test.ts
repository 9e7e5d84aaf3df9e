/**
 * Two relay nodes serving one PostgreSQL database, each with its own devices: what one records
 * reaches the other's devices live, a device moves between them with its cursor, a revocation on
 * one closes the device's socket on the other, deadlines are recorded once whichever node looks,
 * and the deadline watch moves to the other node when its node goes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { LEAD_RETRY_MS } from '../../src/cluster/leadership.js';
import { closeAll, createRequest, Harness, MINUTE, T0, waitFor } from '../harness.js';
import { allEvents, expectOneChain, serverForThisFile } from './pg-nodes.js';
import { openPgStorage } from '../../src/storage/pg/pg-storage.js';

const server = serverForThisFile();
let databases = 0;

afterEach(closeAll);

/** Two relays on one new database, sharing one manual clock; the set-up (platform, people) made on the first. */
async function twoNodes() {
  const databaseUrl = await server().createDatabase(`two_nodes_${++databases}`);
  const clock = new ManualClock(T0);
  const a = await Harness.start(undefined, clock, { config: { databaseUrl } });
  const b = await Harness.start(undefined, clock, { config: { databaseUrl } });
  await a.platform('alpha', 'Alpha');
  const operator = await a.user('operator');
  // Enrolled through the other node: its code was issued on the first, read under the write lock.
  const liaison = await b.user('liaison', 'alpha');
  return { a, b, databaseUrl, operator, liaison };
}

describe('two relay nodes on one PostgreSQL database', () => {
  it('what one node records reaches the devices of the other live, each step once', async () => {
    const { a, b, databaseUrl, operator, liaison } = await twoNodes();
    const ops = await a.connect(operator);
    const alpha = await b.connect(liaison);

    const { requestId } = await createRequest(ops, 'alpha', { priority: 'P0' });
    await alpha.waitForEvent((event) => event.type === 'request.created' && event.payload.request.id === requestId);
    expect((await alpha.act('request.acknowledge', { requestId })).status).toBe('accepted');
    await ops.waitForEvent((event) => event.type === 'request.acknowledged');

    // Each live message of each device follows the one before it: no gap a device would have to fill.
    for (const client of [ops, alpha]) {
      for (const [index, message] of client.live.entries()) {
        if (index > 0) expect(message.afterSeq).toBe(client.live[index - 1]?.upToSeq);
      }
    }
    const storage = await openPgStorage(databaseUrl);
    try {
      const events = await allEvents(storage);
      expectOneChain(events);
      const received = events.filter((event) => event.type === 'request.received');
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ payload: { requestId, deviceId: liaison.deviceId } });
    } finally {
      await storage.close();
    }
    await waitFor(() => a.headSeq === b.headSeq, 'both nodes at the same head');
    expect(a.core.view.requests.get(requestId)).toEqual(b.core.view.requests.get(requestId));
  });

  it('a device moves to the other node with its cursor, and a revocation on one node closes its socket on the other', async () => {
    const { a, b, operator, liaison } = await twoNodes();
    const ops = await a.connect(operator);
    await createRequest(ops, 'alpha');
    const onA = await a.connect(liaison);
    const page = await onA.pull(0);
    if (!page.ok) throw new Error(page.error.code);
    onA.close();

    await createRequest(ops, 'alpha');
    const onB = await b.connect(liaison);
    const next = await onB.pull(page.upToSeq);
    if (!next.ok) throw new Error(`the other node refused the cursor: ${next.error.code}`);
    expect(next.events.map((event) => event.type)).toContain('request.created');
    expect(next.events.every((event) => event.seq > page.upToSeq)).toBe(true);

    const closed = onB.waitForDisconnect();
    expect((await ops.act('device.revoke', { deviceId: liaison.deviceId })).status).toBe('rejected');
    const prefect = await a.connect(await a.user('prefect'));
    expect((await prefect.act('device.revoke', { deviceId: liaison.deviceId })).status).toBe('accepted');
    await closed;
    expect((await b.refusedConnect(liaison.token)).code).toBe('unauthenticated');
  });

  it('records a missed deadline once when both nodes look, and the watch moves when its node closes', async () => {
    const { a, b, operator } = await twoNodes();
    const ops = await a.connect(operator);
    const { requestId } = await createRequest(ops, 'alpha', { priority: 'P0' });
    await waitFor(() => b.core.view.requests.has(requestId), 'the request on the other node');
    const watchers = [a, b].filter((node) => node.relay.watchesDeadlines);
    expect(watchers).toHaveLength(1);

    a.clock.set(T0 + 15 * MINUTE);
    await Promise.all([a.relay.watcher.tick(), b.relay.watcher.tick()]);
    const missed = async () => (await a.eventsAfter(0)).filter((event) => event.type === 'request.deadlineMissed');
    expect(await missed()).toHaveLength(1);

    const [leader] = watchers;
    const other = leader === a ? b : a;
    const closedAt = Date.now();
    await leader?.close();
    await waitFor(() => other.relay.watchesDeadlines, 'the other node taking the deadline watch', LEAD_RETRY_MS * 3);
    expect(Date.now() - closedAt).toBeLessThan(LEAD_RETRY_MS * 3);
    other.clock.set(T0 + 30 * MINUTE);
    await other.relay.watcher.tick();
    const escalations = (await other.eventsAfter(0)).filter((event) => event.type === 'request.escalated');
    expect(escalations.map((event) => (event.payload as { level: number }).level)).toEqual([1, 2]);
  });
});
