import { expect } from 'vitest';
import type { NotReadyCode, Readiness } from '../../src/monitoring/readiness.js';
import { waitFor } from '../wait-for.js';

export interface ReadyzAnswer {
  readonly status: number;
  readonly body: Readiness;
}

export async function readyz(url: string): Promise<ReadyzAnswer> {
  const response = await fetch(`${url}/readyz`);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return { status: response.status, body: (await response.json()) as Readiness };
}

/** Asks `/readyz` until it gives these reasons (none: ready), or fails after `timeoutMs` with the last answer. */
export async function readyzUntil(url: string, codes: readonly NotReadyCode[], timeoutMs = 10_000): Promise<ReadyzAnswer> {
  let last: ReadyzAnswer | undefined;
  const answer = await waitFor(
    async () => {
      last = await readyz(url);
      const found = last.body.reasons.map((reason) => reason.code);
      return found.length === codes.length && codes.every((code) => found.includes(code)) && last;
    },
    () => `/readyz to give [${codes.join(', ')}]; last ${JSON.stringify(last)}`,
    timeoutMs,
    20,
  );
  expect(answer.status).toBe(codes.length === 0 ? 200 : 503);
  expect(answer.body.ready).toBe(codes.length === 0);
  return answer;
}
