import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, Harness, T0 } from './harness.js';

afterEach(closeAll);

describe('HTTP side', () => {
  it('GET /healthz returns ok with headSeq, the relay time and the jobs this node leads', async () => {
    const h = await Harness.start();
    await h.platform('alpha');
    const response = await fetch(`${h.relay.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, headSeq: h.headSeq, serverTime: T0, leads: ['deadlines'] });
    expect(h.headSeq).toBe(1);
  });

  it('POST /enroll with bad JSON, wrong fields or an oversized body gets a typed error', async () => {
    const h = await Harness.start();
    const badJson = await h.enrollHttp('{"code": ', true);
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });

    for (const body of [
      {},
      { code: 12, deviceLabel: 'x' },
      { code: 'ABCD-EFGH', deviceLabel: '' },
      { code: 'ABCD-EFGH', deviceLabel: 'x', admin: true },
    ]) {
      const response = await h.enrollHttp(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }

    const unknown = await h.enrollHttp({ code: 'ABCD-EFGH-JKMN', deviceLabel: 'laptop' });
    expect(unknown.status).toBe(401);

    const oversized = await h.enrollHttp({ code: 'ABCD-EFGH-JKMN', deviceLabel: 'x'.repeat(100_000) });
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });

    const missing = await fetch(`${h.relay.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(h.headSeq).toBe(0);
    // The server is still fine.
    expect((await fetch(`${h.relay.url}/healthz`)).status).toBe(200);
  });
});
