import { newId } from '@contact-desk/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { perform } from '../src/cli/admin-actions.js';
import { DEFAULT_LIMITS } from '../src/config.js';
import type { RelayCore } from '../src/core/relay-core.js';
import { silentLogger } from '../src/logger.js';
import type { OutreachConfig } from '../src/outreach/outreach-config.js';
import { startRelay, type RunningRelay } from '../src/server.js';
import type { Storage } from '../src/storage/storage.js';
import { rttTask, throughputTask, type RttTask, type ThroughputTask } from './tasks.js';

const UNLIMITED_PUSHES = { ...DEFAULT_LIMITS, mutationsPerSecond: Number.MAX_SAFE_INTEGER, mutationBurst: Number.MAX_SAFE_INTEGER };
export const CLIENTS = 8;
export const BROADCAST_CLIENTS = 200;
export const PLATFORM = 'bench';

export interface RelayOptions {
  /** Outreach settings; off when absent. */
  readonly outreach?: OutreachConfig;
  /** Runs once the platform exists, before any request: e.g. registers webhooks. */
  readonly prepare?: (core: RelayCore) => Promise<void>;
  /** Liaisons to enroll (the broadcast figure needs 200). */
  readonly liaisons?: number;
  /** The store, instead of a SQLite file in a new data folder (e.g. PostgreSQL). */
  readonly storage?: Storage;
  /** `false`: the relay counts nothing (the metrics' cost figure); counted by default. */
  readonly metrics?: boolean;
}

async function createUser(core: RelayCore, role: 'operator' | 'liaison', index: number): Promise<string> {
  const result = await perform(
    core,
    'user.create',
    {
      userId: newId(),
      name: `Bench ${role} ${index}`,
      // Liaisons have an address, so that a relay with outreach on mails them new P1 requests.
      email: role === 'liaison' ? `liaison.${index}@bench.example` : null,
      role,
      platformId: role === 'liaison' ? PLATFORM : null,
    },
    core.adminSession(),
  );
  const code = result.data?.enrollmentCode;
  if (!code) throw new Error('user.create gave no enrollment code');
  const enrolled = await core.enroll(code, `bench device ${index}`);
  if (!enrolled.ok) throw new Error(`enrollment refused: ${enrolled.error.message}`);
  return enrolled.token;
}

export interface RelaySetup {
  readonly relay: RunningRelay;
  readonly dataDir: string;
  readonly operatorTokens: string[];
  readonly liaisonTokens: string[];
  readonly requestIds: string[];
}

/** One relay node on the store given (else the SQLite file of `dataDir`), the per-device push limit lifted. */
export function startBenchRelay(
  dataDir: string,
  options: Pick<RelayOptions, 'outreach' | 'storage' | 'metrics'> = {},
): Promise<RunningRelay> {
  return startRelay(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir,
      corsOrigin: '*',
      deadlineCheckMs: 0,
      logLevel: 'silent',
      limits: UNLIMITED_PUSHES,
      ...(options.outreach ? { outreach: options.outreach } : {}),
    },
    { logger: silentLogger, metrics: options.metrics ?? true, ...(options.storage ? { storage: options.storage } : {}) },
  );
}

/** A relay node with a platform, its operators and liaisons enrolled, and four requests to comment on. */
export async function setUpRelay(options: RelayOptions = {}): Promise<RelaySetup> {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-desk-bench-'));
  const relay = await startBenchRelay(dataDir, options);
  const { core } = relay;
  await perform(core, 'platform.create', { platformId: PLATFORM, name: 'Bench platform', kind: 'platform' });
  await options.prepare?.(core);
  const operatorTokens = await Promise.all(Array.from({ length: CLIENTS + 1 }, (_, i) => createUser(core, 'operator', i)));
  const liaisonTokens = await Promise.all(
    Array.from({ length: options.liaisons ?? BROADCAST_CLIENTS }, (_, i) => createUser(core, 'liaison', i)),
  );
  const requestIds = Array.from({ length: 4 }, () => newId());
  await Promise.all(
    requestIds.map((requestId, i) =>
      perform(core, 'request.create', {
        requestId,
        platformId: PLATFORM,
        kind: 'removal',
        priority: 'P1',
        items: [`https://example.org/bench/${i}`],
        category: 'hate',
        grounds: 'Bench request.',
      }),
    ),
  );
  return { relay, dataDir, operatorTokens, liaisonTokens, requestIds };
}

/** Stops a relay set up by `setUpRelay` and removes its data folder. */
export async function tearDown(setup: RelaySetup): Promise<void> {
  await setup.relay.close();
  rmSync(setup.dataDir, { recursive: true, force: true });
}

/** A relay set up with `options` for `work`, torn down afterwards whatever happens. */
export async function withRelay<T>(options: RelayOptions, work: (setup: RelaySetup) => Promise<T>): Promise<T> {
  const setup = await setUpRelay(options);
  try {
    return await work(setup);
  } finally {
    await tearDown(setup);
  }
}

/** Figure 1's load, 1 mutation per push, from the operators set up on `setup`, through `url` (its node's own, or a balancer's). */
export function loadOf(setup: RelaySetup, url = setup.relay.url): ThroughputTask {
  return throughputTask(url, setup.operatorTokens.slice(0, CLIENTS), setup.requestIds, 1);
}

/** Figure 2's sequential pushes, from the operator the load does not use, through `url`. */
export function rttOf(setup: RelaySetup, url = setup.relay.url): RttTask {
  return rttTask(url, setup.operatorTokens[CLIENTS] ?? '', setup.requestIds[0] ?? '');
}
