import { describe, expect, it, vi } from 'vitest';
import { enrollWithAny, type EnrollOutcome } from '../src/enrollment.js';
import { CONNECT_TIMEOUT_MS, RelayLink, STABLE_AFTER_MS } from '../src/relay-link.js';

const A = 'https://relay-a.interieur.gouv.fr';
const B = 'https://relay-b.interieur.gouv.fr';
const C = 'https://relay-c.interieur.gouv.fr';

describe('the relay link', () => {
  it('moves on to the next address at each failure: at once the first time, then backing off', () => {
    const link = new RelayLink([A, B, C], { reconnectionDelay: 100, reconnectionDelayMax: 300 });
    expect(link.url).toBe(A);
    expect(link.failed()).toBe(0);
    expect(link.url).toBe(B);
    const second = link.failed();
    expect(link.url).toBe(C);
    expect(second).toBeGreaterThanOrEqual(50);
    expect(second).toBeLessThanOrEqual(150);
    link.failed();
    expect(link.url).toBe(A);
    for (let index = 0; index < 5; index += 1) expect(link.failed()).toBeLessThanOrEqual(300);
  });

  it('moves on at once again after a connection that lasted, and keeps backing off after one lost at once', () => {
    let now = 0;
    const link = new RelayLink([A, B], {}, () => now);
    expect(link.failed()).toBe(0);
    link.succeeded();
    now += 1_000;
    // Lost a second after connecting: the backoff goes on (the node may be accepting then dropping devices).
    expect(link.failed()).toBeGreaterThanOrEqual(500);
    link.succeeded();
    now += STABLE_AFTER_MS;
    expect(link.failed()).toBe(0);
    expect(link.url).toBe(B);
  });

  it('opens a socket of its own on the address in use, without Socket.IO’s reconnection, with a short connect timeout', () => {
    // Not connecting: the addresses are not reachable from the tests.
    const link = new RelayLink([A, B], { timeout: 2_000, autoConnect: false });
    link.failed();
    const socket = link.open({ token: 't' });
    try {
      expect((socket.io as unknown as { uri: string }).uri).toBe(B);
      expect(socket.io.reconnection()).toBe(false);
      expect(socket.io.timeout()).toBe(2_000);
      expect(socket.auth).toEqual({ token: 't' });
      expect(new RelayLink([A], { autoConnect: false }).open({}).io.timeout()).toBe(CONNECT_TIMEOUT_MS);
    } finally {
      socket.disconnect();
    }
  });

  it('needs an address', () => {
    expect(() => new RelayLink([])).toThrow('no relay address');
  });
});

describe('enrolling with several addresses', () => {
  const unreachable = (relayUrl: string): EnrollOutcome => ({ ok: false, error: { code: 'unreachable', message: `${relayUrl} down` } });
  const enrolled: EnrollOutcome = { ok: true, token: 'cdt_token', actor: { userId: 'u', deviceId: 'd', role: 'operator' } as never };

  it('skips the addresses that cannot be reached and enrolls with the first that answers', async () => {
    const attempt = vi.fn(async (relayUrl: string) => (relayUrl === C ? enrolled : unreachable(relayUrl)));
    expect(await enrollWithAny([A, B, C], 'CODE', 'poste', attempt)).toEqual({ ...enrolled, relayUrl: C });
    expect(attempt.mock.calls.map((call) => call[0])).toEqual([A, B, C]);
  });

  it('stops at a refusal: the code is not tried again on another address', async () => {
    const refusal: EnrollOutcome = { ok: false, error: { code: 'forbidden', message: 'invalid or expired code' } };
    const attempt = vi.fn(async (relayUrl: string) => (relayUrl === A ? unreachable(A) : refusal));
    expect(await enrollWithAny([A, B, C], 'CODE', 'poste', attempt)).toEqual({ ...refusal, relayUrl: B });
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('says none could be reached, or keeps the one address’s own answer', async () => {
    const attempt = vi.fn(async (relayUrl: string) => unreachable(relayUrl));
    expect(await enrollWithAny([A, B], 'CODE', 'poste', attempt)).toEqual({
      ok: false,
      error: { code: 'unreachable', message: `None of the relay's addresses can be reached: ${A}, ${B}.` },
      relayUrl: B,
    });
    expect(await enrollWithAny([A], 'CODE', 'poste', attempt)).toEqual({ ...unreachable(A), relayUrl: A });
  });
});
