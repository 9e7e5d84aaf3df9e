/**
 * `--trust-proxy`: behind a reverse proxy every request comes from the proxy's address, so the
 * enrollment limit per address would be one limit for everybody. The relay takes the client from
 * `X-Forwarded-For` only when the TCP peer is a proxy it was told to trust.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SettingError } from '../src/config-setting.js';
import { ProxyTrust } from '../src/http/proxy-trust.js';
import { LimitsRelay } from './limits-relay.js';

let relay: LimitsRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const guess = (n: number) => `GGGG-GGGG-${String(n).padStart(4, '0')}`;
const via = (forwardedFor: string) => ({ 'x-forwarded-for': forwardedFor });

/** Ten refused codes "from" one forwarded client, through a proxy on `proxy`. */
async function exhaust(r: LimitsRelay, proxy: string, client: string): Promise<void> {
  for (let i = 0; i < 10; i += 1) expect((await r.enroll(guess(i), proxy, 'laptop', via(client))).status).toBe(401);
}

describe('trusted reverse proxies', () => {
  it('parses addresses, subnets and "loopback"; refuses anything else with the setting named', () => {
    const trust = ProxyTrust.parse(' 10.0.0.0/8, 192.0.2.1 ,fd00::/8,loopback');
    expect(trust?.entries).toEqual(['10.0.0.0/8', '192.0.2.1', 'fd00::/8', 'loopback']);
    for (const address of ['10.200.3.4', '192.0.2.1', 'fd12::1', '127.0.0.1', '127.9.9.9', '::1', '::ffff:10.0.0.1']) {
      expect(trust?.trusts(address), address).toBe(true);
    }
    for (const address of ['192.0.2.2', '11.0.0.1', 'fe80::1', 'nonsense']) expect(trust?.trusts(address), address).toBe(false);
    expect(ProxyTrust.parse(undefined)).toBeUndefined();
    expect(ProxyTrust.parse(' , ')).toBeUndefined();
    for (const bad of ['true', '*', '10.0.0.0/33', '10.0.0.0/8/1', 'fd00::/129', 'proxy.example']) {
      expect(() => ProxyTrust.parse(bad), bad).toThrow(SettingError);
      expect(() => ProxyTrust.parse(bad), bad).toThrow(/--trust-proxy \(CONTACT_DESK_TRUST_PROXY\)/);
    }
  });

  it('without the setting, X-Forwarded-For is ignored: every request counts against the TCP peer', async () => {
    relay = await LimitsRelay.start();
    for (let i = 0; i < 10; i += 1) expect((await relay.enroll(guess(i), '127.0.0.5', 'laptop', via(`198.51.100.${i}`))).status).toBe(401);
    expect((await relay.enroll(guess(10), '127.0.0.5', 'laptop', via('198.51.100.77'))).status).toBe(429);
  });

  it('behind a trusted proxy the limit applies per forwarded client, and a client cannot choose its address', async () => {
    relay = await LimitsRelay.start({ trustProxy: 'loopback' });
    await exhaust(relay, '127.0.0.1', '198.51.100.7');
    expect((await relay.enroll(guess(10), '127.0.0.1', 'laptop', via('198.51.100.7'))).status).toBe(429);
    // Another client through the same proxy is not held back.
    expect((await relay.enroll(guess(11), '127.0.0.1', 'laptop', via('198.51.100.8'))).status).toBe(401);
    // A forged address to the left of what the proxy appended changes nothing.
    expect((await relay.enroll(guess(12), '127.0.0.1', 'laptop', via('203.0.113.1, 198.51.100.7'))).status).toBe(429);
    // Two trusted proxies in a row: the client is the first untrusted address from the right.
    expect((await relay.enroll(guess(13), '127.0.0.1', 'laptop', via('198.51.100.7, 127.0.0.9'))).status).toBe(429);
    // A header with no usable address counts against the proxy itself.
    expect((await relay.enroll(guess(14), '127.0.0.1', 'laptop', via('unknown'))).status).toBe(401);
  });

  it('a peer that is not a trusted proxy gets its own address, whatever it forwards', async () => {
    relay = await LimitsRelay.start({ trustProxy: '127.0.0.2' });
    await exhaust(relay, '127.0.0.3', '198.51.100.1');
    expect((await relay.enroll(guess(10), '127.0.0.3', 'laptop', via('198.51.100.2'))).status).toBe(429);
    expect((await relay.enroll(guess(11), '127.0.0.2', 'laptop', via('198.51.100.2'))).status).toBe(401);
  });
});

describe('administration through a proxy', () => {
  it('is refused even from loopback with the right secret: a forwarded request is not the local CLI', async () => {
    const adminSecret = 'a'.repeat(43);
    relay = await LimitsRelay.start({ adminSecret, trustProxy: 'loopback' });
    const body = JSON.stringify({ type: 'platform.create', args: { platformId: 'meta', name: 'Meta', kind: 'platform' } });
    const headers = { authorization: `Bearer ${adminSecret}` };
    const forwarding: [string, string][] = [
      ['x-forwarded-for', '198.51.100.7'],
      ['forwarded', 'for=198.51.100.7'],
      ['x-real-ip', '198.51.100.7'],
    ];
    for (const [name, value] of forwarding) {
      const refused = await relay.http('POST', '/admin/perform', body, { headers: { ...headers, [name]: value } });
      expect(refused.status).toBe(401);
    }
    expect(relay.headSeq).toBe(0);
    expect((await relay.http('POST', '/admin/perform', body, { headers })).status).toBe(200);
    expect(relay.headSeq).toBe(1);
  });
});
