import { describe, expect, it } from 'vitest';
import {
  MAX_RELAY_ADDRESSES,
  nextAttempt,
  normalizeRelayUrl,
  parseRelayAddresses,
  RECONNECT_BACKOFF,
  relayHost,
  startingWith,
} from '../src/relay-addresses.js';

const A = 'https://relay-a.interieur.gouv.fr';
const B = 'https://relay-b.interieur.gouv.fr';

describe('one relay address', () => {
  it('is normalised: https added when no scheme is typed (http on loopback), trailing slash dropped, a path refused', () => {
    expect(normalizeRelayUrl(' relay-a.interieur.gouv.fr/ ')).toBe(A);
    expect(normalizeRelayUrl('10.0.0.5:4400')).toBe('https://10.0.0.5:4400');
    expect(normalizeRelayUrl('localhost:4410')).toBe('http://localhost:4410');
    expect(normalizeRelayUrl('127.0.0.1:4410/')).toBe('http://127.0.0.1:4410');
    expect(normalizeRelayUrl('[::1]:4410')).toBe('http://[::1]:4410');
    expect(normalizeRelayUrl('127.0.0.1.example.org')).toBe('https://127.0.0.1.example.org');
    expect(normalizeRelayUrl('HTTPS://Relay-A.interieur.gouv.fr:443/')).toBe(A);
    expect(normalizeRelayUrl('http://10.0.0.5:4400')).toBe('http://10.0.0.5:4400');
    expect(normalizeRelayUrl('https://relay-a.interieur.gouv.fr/relay')).toBeUndefined();
    expect(normalizeRelayUrl('ftp://relay-a.interieur.gouv.fr')).toBeUndefined();
    expect(normalizeRelayUrl('')).toBeUndefined();
  });
});

describe('a list of relay addresses as typed', () => {
  it('is split on commas, spaces and new lines, each normalised, in order, duplicates dropped', () => {
    expect(parseRelayAddresses(`${A}, ${B}`)).toEqual({ ok: true, urls: [A, B] });
    expect(parseRelayAddresses(`${B}\n${A}/\r\n\n`)).toEqual({ ok: true, urls: [B, A] });
    expect(parseRelayAddresses(`  ${A} ${B},,${A}/ https://RELAY-B.interieur.gouv.fr `)).toEqual({ ok: true, urls: [A, B] });
    expect(parseRelayAddresses('10.0.0.5:4400')).toEqual({ ok: true, urls: ['https://10.0.0.5:4400'] });
  });

  it('is refused, naming the address, when one is not a relay address', () => {
    expect(parseRelayAddresses(`${A}, https://relay-b.interieur.gouv.fr/path`)).toEqual({
      ok: false,
      refusal: {
        code: 'relay_address_invalid',
        message: 'Not a relay address: https://relay-b.interieur.gouv.fr/path',
        address: 'https://relay-b.interieur.gouv.fr/path',
      },
    });
    expect(parseRelayAddresses(' , ,')).toMatchObject({ ok: false, refusal: { code: 'relay_address_invalid', address: ', ,' } });
    expect(parseRelayAddresses('')).toMatchObject({ ok: false, refusal: { code: 'relay_address_invalid' } });
  });

  it(`keeps at most ${MAX_RELAY_ADDRESSES} different addresses, counted once duplicates are dropped`, () => {
    const urls = Array.from({ length: MAX_RELAY_ADDRESSES + 1 }, (_, index) => `https://relay-${index}.interieur.gouv.fr`);
    expect(parseRelayAddresses(urls.slice(0, MAX_RELAY_ADDRESSES).join('\n'))).toEqual({
      ok: true,
      urls: urls.slice(0, MAX_RELAY_ADDRESSES),
    });
    expect(parseRelayAddresses([...urls.slice(0, MAX_RELAY_ADDRESSES), urls[0]].join(' '))).toMatchObject({ ok: true });
    expect(parseRelayAddresses(urls.join(','))).toEqual({
      ok: false,
      refusal: { code: 'relay_addresses_too_many', message: '9 relay addresses; at most 8 are kept.', count: 9, max: 8 },
    });
    expect(parseRelayAddresses(`${A} ${B}`, 1)).toMatchObject({ ok: false, refusal: { count: 2, max: 1 } });
  });

  it('shows as its host, and can start with the address that answered', () => {
    expect(relayHost(B)).toBe('relay-b.interieur.gouv.fr');
    expect(relayHost('http://127.0.0.1:4400')).toBe('127.0.0.1:4400');
    expect(startingWith([A, B, 'https://c'], B)).toEqual([B, 'https://c', A]);
    expect(startingWith([A, B], A)).toEqual([A, B]);
    expect(startingWith([A, B], 'https://elsewhere')).toEqual([A, B]);
  });
});

describe('the next attempt after a failure', () => {
  const middle = () => 0.5;

  it('goes to the next address, round and round, and to the same one when there is one', () => {
    expect([0, 1, 2].map((current) => nextAttempt(current, 3, 1).index)).toEqual([1, 2, 0]);
    expect(nextAttempt(0, 1, 1).index).toBe(0);
    expect(nextAttempt(0, 1, 5, RECONNECT_BACKOFF, middle).index).toBe(0);
  });

  it('is at once the first time, then backs off from the first delay, doubling up to the maximum', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 40].map((failures) => nextAttempt(0, 2, failures, RECONNECT_BACKOFF, middle).delayMs);
    expect(delays).toEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(nextAttempt(0, 2, 0).delayMs).toBe(0);
  });

  it('spreads each delay between half and one and a half times, never above the maximum', () => {
    expect(nextAttempt(0, 2, 2, RECONNECT_BACKOFF, () => 0).delayMs).toBe(500);
    expect(nextAttempt(0, 2, 2, RECONNECT_BACKOFF, () => 0.999).delayMs).toBe(1_499);
    expect(nextAttempt(0, 2, 6, RECONNECT_BACKOFF, () => 0.999).delayMs).toBe(23_984);
    expect(nextAttempt(0, 2, 7, RECONNECT_BACKOFF, () => 0.999).delayMs).toBe(30_000);
    expect(nextAttempt(0, 2, 3, { firstMs: 100, maxMs: 300 }, () => 0.999).delayMs).toBe(300);
    expect(nextAttempt(0, 2, 1, RECONNECT_BACKOFF, () => 0.999).delayMs).toBe(0);
  });
});
