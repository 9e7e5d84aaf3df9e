import { expect } from 'vitest';
import type { NotReadyCode, Readiness } from '../../src/monitoring/readiness.js';

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
  const started = Date.now();
  for (;;) {
    const answer = await readyz(url);
    const found = answer.body.reasons.map((reason) => reason.code);
    if (found.length === codes.length && codes.every((code) => found.includes(code))) {
      expect(answer.status).toBe(codes.length === 0 ? 200 : 503);
      expect(answer.body.ready).toBe(codes.length === 0);
      return answer;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`/readyz never gave [${codes.join(', ')}]: last ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
