import { LIMITS } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestArgs, mutation } from './harness.js';
import { LimitsRelay } from './limits-relay.js';

let relay: LimitsRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const ADMIN_SECRET = 'limits-test-admin-secret-0123456789';

describe('payload size limits', () => {
  it('a frame above the transport limit closes that socket only; the relay stays up and records nothing', async () => {
    relay = await LimitsRelay.start({ limits: { maxMessageBytes: 200_000 } });
    await relay.platform('alpha');
    const operator = await relay.user('operator');
    const big = await relay.connect(operator.token);
    const bystander = await relay.connect((await relay.user('operator')).token);
    const head = relay.headSeq;

    // 100 valid mutations of ~2.5 kB each: fine under 1 MB, above this relay's 200 kB.
    const heavy = Array.from({ length: 100 }, () => mutation('request.create', createRequestArgs('alpha', { grounds: 'g'.repeat(2500) })));
    const gone = big.waitForDisconnect();
    await expect(big.push(heavy)).rejects.toThrow();
    expect(await gone).toBe('transport close');
    expect(relay.headSeq).toBe(head);

    // Other connections are untouched, and the same device reconnects and sends a smaller push.
    expect((await bystander.act('request.create', createRequestArgs('alpha'))).status).toBe('accepted');
    const again = await relay.connect(operator.token);
    const half = await again.push(heavy.slice(0, 50));
    expect(half.ok && half.results.every((r) => r.status === 'accepted')).toBe(true);
    expect(relay.headSeq).toBe(head + 51);
  });

  it('a push above the mutation count is refused whole with invalid_payload', async () => {
    relay = await LimitsRelay.start();
    await relay.platform('alpha');
    const device = await relay.connect((await relay.user('operator')).token);
    const head = relay.headSeq;
    const tooMany = Array.from({ length: LIMITS.mutationsPerPush + 1 }, () => mutation('request.create', createRequestArgs('alpha')));
    expect(await device.push(tooMany)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    // A refused shape costs nothing against the rate limit: a full push goes through next.
    const full = await device.push(tooMany.slice(0, LIMITS.mutationsPerPush));
    expect(full.ok).toBe(true);
    expect(relay.headSeq).toBe(head + LIMITS.mutationsPerPush);
  });

  it('POST /enroll above its body limit gets 413 invalid_payload and uses no attempt', async () => {
    relay = await LimitsRelay.start({ limits: { enrollFailuresPerAddress: 1 } });
    const { code } = await relay.createUser('operator');
    const head = relay.headSeq;
    const oversized = await relay.http('POST', '/enroll', JSON.stringify({ code, deviceLabel: 'x'.repeat(5000) }));
    expect(oversized.status).toBe(413);
    expect(oversized.json()).toMatchObject({ ok: false, error: { code: 'invalid_payload', details: { maxBytes: 4096 } } });
    // Far above (1 MB+): the connection may be cut, but the relay is fine.
    await relay.http('POST', '/enroll', 'x'.repeat(2_000_000)).catch(() => undefined);
    expect(relay.headSeq).toBe(head);
    expect((await relay.http('GET', '/healthz', undefined)).status).toBe(200);
    // The code was not spent and the address was not charged.
    expect((await relay.enroll(code)).status).toBe(200);
  });

  it('POST /admin/perform above its body limit gets 413; without the secret, 401 before any body is read', async () => {
    relay = await LimitsRelay.start({ adminSecret: ADMIN_SECRET, limits: { adminBodyBytes: 10_000 } });
    const head = relay.headSeq;
    const authorization = `Bearer ${ADMIN_SECRET}`;
    const body = JSON.stringify({ type: 'platform.create', args: { platformId: 'alpha', name: 'A'.repeat(20_000), kind: 'platform' } });
    const oversized = await relay.http('POST', '/admin/perform', body, { headers: { authorization } });
    expect(oversized.status).toBe(413);
    expect(oversized.json()).toMatchObject({ ok: false, error: { code: 'invalid_payload', details: { maxBytes: 10_000 } } });
    const stranger = await relay.http('POST', '/admin/perform', body, { headers: { authorization: 'Bearer nope' } });
    expect(stranger.status).toBe(401);
    expect(relay.headSeq).toBe(head);
    const fine = await relay.http(
      'POST',
      '/admin/perform',
      JSON.stringify({ type: 'platform.create', args: { platformId: 'alpha', name: 'Alpha', kind: 'platform' } }),
      { headers: { authorization } },
    );
    expect(fine.status).toBe(200);
    expect(relay.headSeq).toBe(head + 1);
  });
});
