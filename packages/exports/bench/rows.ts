/**
 * The 10,000-row late list of the bench, built like the tests build theirs: requests from
 * `test/fixtures.ts`, rows from `lateResponseRows`. Deterministic, every request late.
 */
import type { Request } from '@contact-desk/shared';
import { lateResponseRows, type LateListInput } from '../src/index.js';
import { LONG_URL, MINUTE, NOW, PERIOD, PLATFORMS, meta, request } from '../test/fixtures.js';

export function lateRequests(count: number): Request[] {
  const step = Math.floor((PERIOD.to - PERIOD.from) / (count + 1));
  const requests: Request[] = [];
  for (let i = 0; i < count; i++) {
    const ref = `CD-2026-${String(i + 1).padStart(5, '0')}`;
    const createdAt = PERIOD.from + (i + 1) * step;
    switch (i % 4) {
      case 0: // ack 5 min late, answer 30 min late, two items
        requests.push(
          request({
            ref,
            createdAt,
            ackAfter: 20 * MINUTE,
            answerAfter: 90 * MINUTE,
            status: 'answered',
            outcomes: ['removed', 'refused'],
          }),
        );
        break;
      case 1: // ack on time, answer late, one item
        requests.push(
          request({ ref, createdAt, ackAfter: 8 * MINUTE, answerAfter: 75 * MINUTE, status: 'answered', outcomes: ['geo_blocked'] }),
        );
        break;
      case 2: // never acknowledged: still open, a long URL that must wrap
        requests.push(request({ ref, createdAt, status: 'open', locations: [LONG_URL, '@compte_suspect'] }));
        break;
      default: // other platform, P1 terms, three items, ack late
        requests.push(
          request({
            ref,
            platformId: 'p2',
            createdAt,
            ackAfter: 2 * 60 * MINUTE,
            answerAfter: 30 * 60 * MINUTE,
            status: 'answered',
            outcomes: ['removed', 'removed', 'refused'],
            ackMinutes: 60,
            actionMinutes: 24 * 60,
          }),
        );
    }
  }
  return requests;
}

export function lateListInput(count: number): LateListInput {
  const rows = lateResponseRows(lateRequests(count), PLATFORMS, PERIOD, NOW);
  if (rows.length !== count) throw new Error(`expected ${count} late rows, got ${rows.length}`);
  return { rows, meta: meta() };
}
