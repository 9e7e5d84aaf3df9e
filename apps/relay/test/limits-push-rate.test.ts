import { afterEach, describe, expect, it } from 'vitest';
import { createRequestArgs, mutation, type WireMutation } from './harness.js';
import { LimitsRelay } from './limits-relay.js';

let relay: LimitsRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const creations = (count: number): WireMutation[] =>
  Array.from({ length: count }, () => mutation('request.create', createRequestArgs('alpha')));

describe('mutations per second per device (defaults: 500 at once, 50/s sustained)', () => {
  it('a flood is refused as a whole push, nothing of it recorded, and applied exactly once after the delay', async () => {
    relay = await LimitsRelay.start();
    await relay.platform('alpha');
    const operator = await relay.user('operator');
    const device = await relay.connect(operator.token);
    const colleague = await relay.connect((await relay.user('operator')).token);

    // The burst: five full pushes go through at once (the relay clock does not move).
    for (let i = 0; i < 5; i += 1) {
      const response = await device.push(creations(100));
      if (!response.ok) throw new Error(response.error.code);
      expect(response.results.every((r) => r.status === 'accepted')).toBe(true);
    }
    const head = relay.headSeq;
    const limited = creations(100);
    const refused = await device.push(limited);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { retryAfterMs: 2000 } } });
    // A push of one is refused too while the bucket is empty, with its own delay.
    expect(await device.push(creations(1))).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { retryAfterMs: 20 } } });
    expect(relay.headSeq).toBe(head);

    // Another device, even of another user of the same role, has its own bucket.
    const other = await colleague.push(creations(100));
    expect(other.ok && other.results.every((r) => r.status === 'accepted')).toBe(true);
    const afterOther = relay.headSeq;
    expect(afterOther).toBe(head + 100);

    // Not yet: 1.9 s refills 95 of the 100 needed.
    relay.clock.advance(1900);
    expect(await device.push(limited)).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { retryAfterMs: 100 } } });
    relay.clock.advance(100);
    const accepted = await device.push(limited);
    if (!accepted.ok) throw new Error(accepted.error.code);
    // None was recorded as rejected by the refusals: each is decided now, for the first time.
    expect(accepted.results.map((r) => r.status)).toEqual(limited.map(() => 'accepted'));
    expect(relay.headSeq).toBe(afterOther + 100);

    // Sent again (a lost ack), once the bucket allows it: the same answers, no new events.
    relay.clock.advance(2000);
    const again = await device.push(limited);
    expect(again).toEqual(accepted);
    expect(relay.headSeq).toBe(afterOther + 100);
    const ids = new Set(limited.map((m) => m.mutationId));
    const recorded = relay.relay.core.pull({ role: 'prefect', platformId: null }, head, 1000);
    if (!recorded.ok) throw new Error(recorded.error.code);
    expect(recorded.events.filter((event) => event.mutationId !== null && ids.has(event.mutationId))).toHaveLength(100);
  });

  it('a device working at a steady 40 mutations a second is never limited', async () => {
    relay = await LimitsRelay.start();
    await relay.platform('alpha');
    const device = await relay.connect((await relay.user('operator')).token);
    // 30 s of 40 mutations/s (pushes of 4 every 100 ms of relay time), after a full burst.
    const start = relay.headSeq;
    const first = await device.push(creations(100));
    expect(first.ok).toBe(true);
    for (let i = 0; i < 300; i += 1) {
      relay.clock.advance(100);
      const response = await device.push(creations(4));
      if (!response.ok) throw new Error(`push ${i} refused: ${response.error.code}`);
    }
    expect(relay.headSeq).toBe(start + 100 + 1200);
  });

  it('the limit follows the configuration', async () => {
    relay = await LimitsRelay.start({ limits: { mutationsPerSecond: 1, mutationBurst: 100 } });
    await relay.platform('alpha');
    const device = await relay.connect((await relay.user('operator')).token);
    expect((await device.push(creations(100))).ok).toBe(true);
    expect(await device.push(creations(3))).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { retryAfterMs: 3000 } } });
  });
});
