/**
 * The relay the HTTP fuzz suites (fuzz-http, fuzz-api) send their input to: a real relay on a
 * temporary data folder with a ManualClock, raw exchanges over one keep-alive agent, and the shape
 * every error answer must have.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProtocolError } from '@contact-desk/shared';
import { expect } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/logger.js';
import { startRelay, type RunningRelay } from '../../src/server.js';
import { T0 } from '../harness.js';
import { expectTypedError, isPlainObject } from './oracles.js';
import type { RelayUnderTest } from './record.js';

export interface Answer {
  readonly status: number;
  readonly text: string;
}

export interface FuzzRelay extends RelayUnderTest {
  readonly core: RunningRelay['core'];
  readonly clock: ManualClock;
  /** One HTTP exchange with full control of method, path, headers and body bytes. */
  exchange(method: string, path: string, headers?: Record<string, string>, body?: string | Buffer): Promise<Answer>;
  close(): Promise<void>;
}

/**
 * Starts a relay on a fresh data folder named after the suite; `adminSecret` enables `POST /admin/perform`;
 * `databaseUrl` keeps its record in that PostgreSQL database instead of the folder's SQLite file.
 */
export async function startFuzzRelay(suite: string, options: { adminSecret?: string; databaseUrl?: string } = {}): Promise<FuzzRelay> {
  const dataDir = mkdtempSync(join(tmpdir(), `relay-${suite}-fuzz-`));
  const clock = new ManualClock(T0);
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const relay = await startRelay(
    { host: '127.0.0.1', port: 0, dataDir, corsOrigin: '*', deadlineCheckMs: 0, logLevel: 'silent', databaseUrl: options.databaseUrl },
    { clock, logger: silentLogger, adminSecret: options.adminSecret },
  );
  return {
    dataDir,
    databaseUrl: options.databaseUrl,
    clock,
    core: relay.core,
    get headSeq() {
      return relay.core.headSeq;
    },
    exchange: (method, path, headers = {}, body) =>
      new Promise((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: relay.port, method, path, agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      }),
    close: async () => {
      agent.destroy();
      await relay.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The body of an error answer: `{ ok: false, error: { code, message } }` and nothing else. */
export function typedError(answer: Answer, context: string): ProtocolError {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new Error(`${context}: not JSON (${answer.status}): ${answer.text.slice(0, 200)}`);
  }
  expect(isPlainObject(body) && Object.keys(body).sort(), context).toEqual(['error', 'ok']);
  const { ok, error } = body as { ok: unknown; error: ProtocolError };
  expect(ok, context).toBe(false);
  expectTypedError(error, context);
  return error;
}

/** Sends eight at a time, calling `between` before each batch (to move the relay's clock on). */
export async function inBatches<T>(items: readonly T[], each: (item: T) => Promise<void>, between?: () => void): Promise<void> {
  for (let i = 0; i < items.length; i += 8) {
    between?.();
    await Promise.all(items.slice(i, i + 8).map(each));
  }
}
