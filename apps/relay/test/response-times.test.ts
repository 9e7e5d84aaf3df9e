import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, MINUTE, standardSetup, T0, waitFor } from './harness.js';

afterEach(closeAll);

describe('receipt, acknowledgement and lateness are recorded on the relay clock', () => {
  it('receipt is recorded when a liaison device is connected at creation', async () => {
    const { h, operator, liaisonA } = await standardSetup();
    const ops = await h.connect(operator);
    const alpha = await h.connect(liaisonA);
    const { requestId } = await createRequest(ops, 'alpha');
    const received = await alpha.waitForEvent((e) => e.type === 'request.received' && e.payload.requestId === requestId);
    expect(received).toMatchObject({ serverTime: T0, payload: { deviceId: liaisonA.deviceId }, mutationId: null });
    expect(h.core.view.requests.get(requestId)?.receivedAt).toBe(T0);
  });

  it('receipt is recorded when the liaison pulls the request later, once', async () => {
    const { h, operator, liaisonA } = await standardSetup();
    const ops = await h.connect(operator);
    const { requestId } = await createRequest(ops, 'alpha');
    expect(h.core.view.requests.get(requestId)?.receivedAt).toBeNull();

    h.clock.advance(5 * MINUTE);
    const alpha = await h.connect(liaisonA);
    expect(h.core.view.requests.get(requestId)?.receivedAt).toBeNull(); // connecting alone is not receipt
    await alpha.pull(0);
    await waitFor(() => h.core.view.requests.get(requestId)?.receivedAt, 'receipt');
    expect(h.core.view.requests.get(requestId)?.receivedAt).toBe(T0 + 5 * MINUTE);
    const head = h.headSeq;
    h.clock.advance(MINUTE);
    await alpha.pull(0);
    await (await h.connect(liaisonA)).pull(0);
    // A receipt is queued as the pull is answered; once the queue is written, none was added.
    await h.core.flushNow();
    expect(h.headSeq).toBe(head);
    expect((await h.eventsAfter(0)).filter((e) => e.type === 'request.received')).toHaveLength(1);
  });

  it("ack time is the relay's clock; the client's time is kept beside it", async () => {
    const { h, operator, liaisonA } = await standardSetup();
    const ops = await h.connect(operator);
    const { requestId } = await createRequest(ops, 'alpha');
    h.clock.advance(7 * MINUTE);
    const alpha = await h.connect(liaisonA);
    const offlineAt = T0 + 2 * MINUTE;
    const result = await alpha.act('request.acknowledge', { requestId }, offlineAt);
    expect(result).toMatchObject({ status: 'accepted', serverTime: T0 + 7 * MINUTE });
    const request = h.core.view.requests.get(requestId);
    expect(request).toMatchObject({ status: 'acknowledged', ackAt: T0 + 7 * MINUTE, ackClientTime: offlineAt, ackBy: liaisonA.userId });
    const event = (await h.eventsAfter(0)).find((e) => e.type === 'request.acknowledged');
    expect(event).toMatchObject({ serverTime: T0 + 7 * MINUTE, clientTime: offlineAt });
  });

  it('a missed P0 ack deadline is recorded and escalates step by step until acknowledged', async () => {
    const { h, operator, liaisonA } = await standardSetup();
    const ops = await h.connect(operator);
    const { requestId } = await createRequest(ops, 'alpha', { priority: 'P0' });
    const eventsAfter = async (seq: number) => (await h.eventsAfter(seq)).filter((e) => e.type !== 'request.received');

    h.clock.set(T0 + 15 * MINUTE - 1);
    let head = h.headSeq;
    await h.relay.watcher.tick();
    expect(h.headSeq).toBe(head);

    h.clock.set(T0 + 15 * MINUTE);
    await h.relay.watcher.tick();
    expect(await eventsAfter(head)).toMatchObject([
      { type: 'request.deadlineMissed', serverTime: T0 + 15 * MINUTE, payload: { requestId, step: 'ack', deadline: T0 + 15 * MINUTE } },
      {
        type: 'request.escalated',
        serverTime: T0 + 15 * MINUTE,
        payload: { requestId, level: 1, target: 'backup_liaison', automatic: true },
      },
    ]);
    await ops.waitForEvent((e) => e.type === 'request.escalated');

    head = h.headSeq;
    for (const at of [16, 22, 29]) {
      h.clock.set(T0 + at * MINUTE + 59_999);
      await h.relay.watcher.tick();
    }
    expect(h.headSeq).toBe(head);

    h.clock.set(T0 + 30 * MINUTE);
    await h.relay.watcher.tick();
    expect(await eventsAfter(head)).toMatchObject([
      { type: 'request.escalated', serverTime: T0 + 30 * MINUTE, payload: { level: 2, target: 'platform_manager' } },
    ]);

    h.clock.set(T0 + 35 * MINUTE);
    const alpha = await h.connect(liaisonA);
    expect((await alpha.act('request.acknowledge', { requestId })).status).toBe('accepted');
    expect(h.core.view.requests.get(requestId)).toMatchObject({ missedAck: T0 + 15 * MINUTE, escalationLevel: 2, ackAt: T0 + 35 * MINUTE });
    head = h.headSeq;
    for (const at of [45, 50, 61]) {
      h.clock.set(T0 + at * MINUTE);
      await h.relay.watcher.tick();
    }
    expect(await eventsAfter(head)).toEqual([]);
  });
});
