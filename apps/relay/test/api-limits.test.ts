/**
 * The REST API's limits are the socket's: one token bucket per API key on the relay's clock (the
 * per-device mutation rate and burst), and a body no larger than a Socket.IO message. Over either
 * limit, a typed refusal and nothing recorded.
 */
import { newId } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { perform } from '../src/cli/admin-actions.js';
import type { RelayLimits } from '../src/config.js';
import { fingerprint } from './fuzz/record.js';
import { createRequestArgs } from './harness.js';
import { LimitsRelay } from './limits-relay.js';
import { call, callWithContinue, issueKey, type IssuedKey } from './api/api-client.js';

let relay: LimitsRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

async function start(limits: Partial<RelayLimits>): Promise<{ relay: LimitsRelay; key: IssuedKey; other: IssuedKey; requestId: string }> {
  relay = await LimitsRelay.start({ limits });
  await relay.platform('alpha');
  const args = createRequestArgs('alpha');
  await perform(relay.relay.core, 'request.create', args);
  return {
    relay,
    key: await issueKey(relay.relay.core, 'alpha', 'act'),
    other: await issueKey(relay.relay.core, 'alpha', 'act'),
    requestId: args.requestId as string,
  };
}

describe('rate limit per API key', () => {
  it('past the burst, 429 with Retry-After and nothing done; the key’s bucket refills on the relay’s clock; other keys unaffected', async () => {
    const { relay: r, key, other, requestId } = await start({ mutationBurst: 100, mutationsPerSecond: 2 });
    const url = r.relay.url;
    for (let i = 0; i < 100; i += 1)
      expect((await call(url, 'GET', '/api/v1/requests', { key: key.key })).status, `request ${i}`).toBe(200);
    const before = fingerprint({ dataDir: r.dataDir, headSeq: r.headSeq, core: r.relay.core });
    const limited = await call(url, 'POST', `/api/v1/requests/${requestId}/acknowledge`, { key: key.key, idempotencyKey: newId() });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.json()).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: 'Too many requests with this API key; try again after the delay.',
        details: { retryAfterMs: 500 },
      },
    });
    expect((await call(url, 'GET', '/api/v1/requests', { key: key.key })).status).toBe(429);
    expect(fingerprint({ dataDir: r.dataDir, headSeq: r.headSeq, core: r.relay.core })).toEqual(before);
    expect(r.relay.core.view.requests.get(requestId)?.status).toBe('open');

    expect((await call(url, 'GET', '/api/v1/requests', { key: other.key })).status).toBe(200);
    r.clock.advance(500);
    const retried = await call(url, 'POST', `/api/v1/requests/${requestId}/acknowledge`, { key: key.key, idempotencyKey: newId() });
    expect(retried.status, retried.text).toBe(200);
    expect((await call(url, 'GET', '/api/v1/requests', { key: key.key })).status).toBe(429);
  });
});

describe('body size', () => {
  it('a body over the limit gets 413 — before it is sent, when the client waits for 100 Continue — and records nothing', async () => {
    const { relay: r, key, requestId } = await start({ maxMessageBytes: 4096 });
    const url = r.relay.url;
    const path = `/api/v1/requests/${requestId}/comments`;
    const before = fingerprint({ dataDir: r.dataDir, headSeq: r.headSeq, core: r.relay.core });
    const tooLarge = {
      ok: false,
      error: { code: 'invalid_payload', message: 'Request body too large (at most 4096 bytes).', details: { maxBytes: 4096 } },
    };

    const sent = await call(url, 'POST', path, { key: key.key, idempotencyKey: newId(), body: { body: 'x'.repeat(5000) } });
    expect([sent.status, sent.json()]).toEqual([413, tooLarge]);
    const asked = await callWithContinue(url, path, { key: key.key, idempotencyKey: newId(), body: { body: 'x'.repeat(5000) } });
    expect([asked.status, asked.json(), asked.continued]).toEqual([413, tooLarge, false]);
    expect(fingerprint({ dataDir: r.dataDir, headSeq: r.headSeq, core: r.relay.core })).toEqual(before);

    // Just under the limit, and with 100 Continue: accepted.
    const fits = { body: 'y'.repeat(4000) };
    expect((await call(url, 'POST', path, { key: key.key, idempotencyKey: newId(), body: fits })).status).toBe(200);
    const continued = await callWithContinue(url, path, { key: key.key, idempotencyKey: newId(), body: fits });
    expect([continued.status, continued.continued]).toEqual([200, true]);
    // A refused key never gets to send its body either.
    const refused = await callWithContinue(url, path, { key: `${key.key.slice(0, -1)}A`, idempotencyKey: newId(), body: fits });
    expect([refused.status, refused.continued]).toEqual([401, false]);
  });
});
