import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config.js';
import { createRequestArgs, mutation, type WireMutation } from './harness.js';
import { LimitsRelay } from './limits-relay.js';

let relay: LimitsRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const creations = (count: number): WireMutation[] =>
  Array.from({ length: count }, () => mutation('request.create', createRequestArgs('alpha')));

const { mutationBurst: BURST, mutationsPerSecond: RATE } = DEFAULT_LIMITS;
/** Milliseconds the bucket takes to refill `n` mutations at the default rate. */
const refill = (n: number) => Math.ceil((n * 1000) / RATE);

describe(`mutations per second per device (defaults: ${BURST} at once, ${RATE}/s sustained)`, () => {
  it('a flood is refused as a whole push, nothing of it recorded, and applied exactly once after the delay', async () => {
    relay = await LimitsRelay.start();
    await relay.platform('alpha');
    const operator = await relay.user('operator');
    const device = await relay.connect(operator.token);
    const colleague = await relay.connect((await relay.user('operator')).token);

    // The burst: full pushes go through at once (the relay clock does not move).
    for (let i = 0; i < BURST / 100; i += 1) {
      const response = await device.push(creations(100));
      if (!response.ok) throw new Error(response.error.code);
      expect(response.results.every((r) => r.status === 'accepted')).toBe(true);
    }
    const head = relay.headSeq;
    const limited = creations(100);
    const refused = await device.push(limited);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { retryAfterMs: refill(100) } } });
    // A push of one is refused too while the bucket is empty, with its own delay.
    expect(await device.push(creations(1))).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', details: { retryAfterMs: refill(1) } },
    });
    expect(relay.headSeq).toBe(head);

    // Another device, even of another user of the same role, has its own bucket.
    const other = await colleague.push(creations(100));
    expect(other.ok && other.results.every((r) => r.status === 'accepted')).toBe(true);
    const afterOther = relay.headSeq;
    expect(afterOther).toBe(head + 100);

    // Not yet: 95% of the time needed refills 95 of the 100.
    relay.clock.advance(refill(95));
    expect(await device.push(limited)).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { retryAfterMs: refill(5) } } });
    relay.clock.advance(refill(5));
    const accepted = await device.push(limited);
    if (!accepted.ok) throw new Error(accepted.error.code);
    // None was recorded as rejected by the refusals: each is decided now, for the first time.
    expect(accepted.results.map((r) => r.status)).toEqual(limited.map(() => 'accepted'));
    expect(relay.headSeq).toBe(afterOther + 100);

    // Sent again (a lost ack), once the bucket allows it: the same answers, no new events.
    relay.clock.advance(refill(100));
    const again = await device.push(limited);
    expect(again).toEqual(accepted);
    expect(relay.headSeq).toBe(afterOther + 100);
    const ids = new Set(limited.map((m) => m.mutationId));
    const recorded = await relay.relay.core.pull({ role: 'prefect', platformId: null }, head, 1000);
    if (!recorded.ok) throw new Error(recorded.error.code);
    expect(recorded.events.filter((event) => event.mutationId !== null && ids.has(event.mutationId))).toHaveLength(100);
  });

  it('a device working at 80% of the sustained rate for half a minute, after a full burst, is never limited', async () => {
    relay = await LimitsRelay.start();
    await relay.platform('alpha');
    const device = await relay.connect((await relay.user('operator')).token);
    const start = relay.headSeq;
    for (let i = 0; i < BURST / 100; i += 1) expect((await device.push(creations(100))).ok).toBe(true);
    // One push every 100 ms of relay time, each of 80% of what 100 ms refills.
    const perPush = (RATE / 10) * 0.8;
    for (let i = 0; i < 300; i += 1) {
      relay.clock.advance(100);
      const response = await device.push(creations(perPush));
      if (!response.ok) throw new Error(`push ${i} refused: ${response.error.code}`);
    }
    expect(relay.headSeq).toBe(start + BURST + 300 * perPush);
  });

  it('the limit follows the configuration', async () => {
    relay = await LimitsRelay.start({ limits: { mutationsPerSecond: 1, mutationBurst: 100 } });
    await relay.platform('alpha');
    const device = await relay.connect((await relay.user('operator')).token);
    expect((await device.push(creations(100))).ok).toBe(true);
    expect(await device.push(creations(3))).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { retryAfterMs: 3000 } } });
  });
});
