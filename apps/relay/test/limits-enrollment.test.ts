import { ENROLLMENT_CODE_TTL_MS } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { perform } from '../src/cli/admin-actions.js';
import { LimitsRelay } from './limits-relay.js';

let relay: LimitsRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const WINDOW = 15 * 60_000;
/** Well-formed codes that were never issued. */
const guess = (n: number) => `GGGG-GGGG-${String(n).padStart(4, '0')}`;

describe('enrollment-code guessing', () => {
  it('10 refused codes per address per 15 minutes, then rate_limited (even for a good code) until the window passes', async () => {
    relay = await LimitsRelay.start();
    const { code } = await relay.createUser('operator');
    for (let i = 0; i < 10; i += 1) {
      relay.clock.advance(1000);
      expect((await relay.enroll(guess(i))).status).toBe(401);
    }
    const limited = await relay.enroll(code);
    expect(limited.status).toBe(429);
    // The first refusal was at +1 s and the clock is at +10 s: it leaves the window in 15 min - 9 s.
    expect(limited.json()).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { retryAfterMs: WINDOW - 9000 } } });
    expect(limited.headers['retry-after']).toBe(String((WINDOW - 9000) / 1000));

    // Another address is not affected.
    const other = await relay.createUser('operator');
    expect((await relay.enroll(other.code, '127.0.0.2')).status).toBe(200);

    relay.clock.advance(WINDOW - 9000 - 1);
    expect((await relay.enroll(code)).status).toBe(429);
    relay.clock.advance(1);
    // One refusal has left the window: one attempt is admitted, and the code was never spent.
    expect((await relay.enroll(code)).status).toBe(200);
  });

  it('parallel guesses cannot slip past the limit', async () => {
    relay = await LimitsRelay.start();
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => relay!.enroll(guess(i), '127.0.0.3')));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it('a good code does not count against the address', async () => {
    relay = await LimitsRelay.start({ limits: { enrollFailuresPerAddress: 2 } });
    for (let i = 0; i < 4; i += 1) {
      const { code } = await relay.createUser('operator');
      expect((await relay.enroll(code)).status).toBe(200);
    }
    expect((await relay.enroll(guess(1))).status).toBe(401);
    expect((await relay.enroll(guess(2))).status).toBe(401);
    expect((await relay.enroll(guess(3))).status).toBe(429);
  });

  it('a global limit holds against guesses spread over many addresses', async () => {
    relay = await LimitsRelay.start({ limits: { enrollFailuresPerAddress: 3, enrollFailuresGlobal: 8 } });
    const { code } = await relay.createUser('operator');
    for (let i = 0; i < 8; i += 1) {
      expect((await relay.enroll(guess(i), `127.0.1.${i + 1}`)).status).toBe(401);
    }
    const fresh = await relay.enroll(code, '127.0.2.1');
    expect(fresh.status).toBe(429);
    expect(fresh.json()).toMatchObject({ error: { code: 'rate_limited', details: { retryAfterMs: WINDOW } } });
    relay.clock.advance(WINDOW);
    expect((await relay.enroll(code, '127.0.2.1')).status).toBe(200);
  });

  it('unknown, spent, superseded, revoked-user and expired codes get the very same answer', async () => {
    relay = await LimitsRelay.start();
    const expiring = await relay.createUser('operator');
    const spent = await relay.createUser('operator');
    expect((await relay.enroll(spent.code, '127.0.0.10')).status).toBe(200);
    const superseded = await relay.createUser('operator');
    await relay.issueCode(superseded.userId);
    const revoked = await relay.createUser('operator');
    await perform(relay.relay.core, 'user.revoke', { userId: revoked.userId });

    // Each from its own address, so that no answer is a rate limit.
    const answers = [];
    for (const [i, code] of [guess(1), spent.code, superseded.code, revoked.code].entries()) {
      answers.push(await relay.enroll(code, `127.0.0.${20 + i}`));
    }
    relay.clock.advance(ENROLLMENT_CODE_TTL_MS);
    answers.push(await relay.enroll(expiring.code, '127.0.0.29'));

    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toBe(answers[0]?.body);
    }
    expect(answers[0]?.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('issuing a new code cancels the older unused ones; the newest works once', async () => {
    relay = await LimitsRelay.start();
    const { userId, code: first } = await relay.createUser('operator');
    const second = await relay.issueCode(userId);
    const third = await relay.issueCode(userId);
    expect((await relay.enroll(first)).status).toBe(401);
    expect((await relay.enroll(second)).status).toBe(401);
    expect((await relay.enroll(third)).status).toBe(200);
    expect((await relay.enroll(third)).status).toBe(401);
    // Cancelled in the file, not only in memory: still refused after a restart.
    await relay.restart();
    expect((await relay.enroll(second, '127.0.0.2')).status).toBe(401);
  });
});
