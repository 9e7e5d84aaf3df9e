import { deviceTokenIssuedAt, formatDeviceToken } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { newDeviceToken } from '../src/auth/secrets.js';
import { DEFAULT_LIMITS, resolveLimits } from '../src/config.js';

describe('limits from the environment', () => {
  it('takes each CONTACT_DESK_* limit over the default', () => {
    const limits = resolveLimits({
      CONTACT_DESK_MAX_MESSAGE_BYTES: '250000',
      CONTACT_DESK_MUTATIONS_PER_SECOND: '20',
      CONTACT_DESK_MUTATION_BURST: '150',
      CONTACT_DESK_ENROLL_FAILURES_PER_ADDRESS: '5',
      CONTACT_DESK_ENROLL_WINDOW_MS: '60000',
    });
    expect(limits).toEqual({
      ...DEFAULT_LIMITS,
      maxMessageBytes: 250_000,
      mutationsPerSecond: 20,
      mutationBurst: 150,
      enrollFailuresPerAddress: 5,
      enrollWindowMs: 60_000,
    });
    expect(resolveLimits({})).toEqual(DEFAULT_LIMITS);
  });

  it('refuses values that are not positive numbers, or a burst smaller than one full push', () => {
    expect(() => resolveLimits({ CONTACT_DESK_MUTATIONS_PER_SECOND: 'fast' })).toThrow(/CONTACT_DESK_MUTATIONS_PER_SECOND/);
    expect(() => resolveLimits({ CONTACT_DESK_MAX_MESSAGE_BYTES: '0' })).toThrow(/CONTACT_DESK_MAX_MESSAGE_BYTES/);
    expect(() => resolveLimits({ CONTACT_DESK_ENROLL_FAILURES_GLOBAL: '-3' })).toThrow(/CONTACT_DESK_ENROLL_FAILURES_GLOBAL/);
    expect(() => resolveLimits({ CONTACT_DESK_MUTATION_BURST: '99' })).toThrow(/one full push of 100/);
  });
});

describe('device token format', () => {
  it('carries its issue time; a token without one has no known age', () => {
    const at = Date.UTC(2026, 2, 10, 9, 0, 0);
    const token = newDeviceToken(at);
    expect(token).toMatch(/^cdt_[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(deviceTokenIssuedAt(token)).toBe(at);
    expect(newDeviceToken(at)).not.toBe(token);
    // Tokens issued before the time was part of them: still valid at the relay, age unknown.
    expect(deviceTokenIssuedAt(`cdt_${'A'.repeat(43)}`)).toBeNull();
    expect(deviceTokenIssuedAt(`${formatDeviceToken(at, 'A'.repeat(43))}x`)).toBeNull();
    expect(deviceTokenIssuedAt('not a token')).toBeNull();
  });
});
