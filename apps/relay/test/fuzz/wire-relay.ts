/**
 * The relay the socket fuzzing runs against, on each storage engine: requests of both platforms
 * in every reachable status, a few recorded answers to replay, and the record's fingerprint,
 * checked unchanged after every block. Helpers to push generated input and check its answers.
 */
import { LIMITS, newId, type MutationResult, type MutationType, type RequestStatus } from '@contact-desk/shared';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { ENGINE_START_MS, type RelayEngine } from '../engines.js';
import { closeAll, createRequestArgs, mutation, waitFor, type Client, type WireMutation } from '../harness.js';
import { MUTATION_SPECS, phantomTargets } from '../matrix/mutation-args.js';
import { PLATFORM_A, PLATFORM_B, REACHABLE_STATUSES, requestIn, startWorld, type World } from '../matrix/world.js';
import { expectedRejection, expectTypedError, reportSent, restartDraws } from './oracles.js';
import { expectUnchanged, verifiedFingerprint, type RecordFingerprint } from './record.js';

/** The fuzzed relay of one engine: set by `fuzzedRelay`'s hooks before the first block runs. */
export interface FuzzedRelay {
  world: World;
  /** The record's fingerprint before the fuzzing (moved on only by the closing valid push). */
  before: RecordFingerprint;
  /** Mutations decided before the fuzzing starts (accepted or refused), with their answers, to replay. */
  readonly recorded: { client: Client; envelope: WireMutation; result: MutationResult }[];
  /** Requests of both platforms in every status reachable by the recipes. */
  readonly byStatus: Map<string, { requestId: string; platformId: string; status: RequestStatus }>;
}

/**
 * Registers the hooks of a fuzzing suite on `engine`: starts the relay and records what is
 * replayed later, checks after every block that the record is unchanged (not an event, not a
 * projection, not the chain's head hash, and the chain still verifies), reports what was sent.
 */
export function fuzzedRelay(engine: RelayEngine, suite: string): FuzzedRelay {
  const relay = { recorded: [], byStatus: new Map() } as unknown as FuzzedRelay;
  let started = 0;

  beforeAll(async () => {
    started = Date.now();
    restartDraws();
    const world = await startWorld({ config: await engine.store() });
    relay.world = world;
    const { operator, liaisonA } = world.clients;
    for (const platformId of [PLATFORM_A, PLATFORM_B]) {
      for (const status of REACHABLE_STATUSES) {
        relay.byStatus.set(`${platformId}:${status}`, { requestId: await requestIn(world, platformId, status), platformId, status });
      }
    }
    const open = relay.byStatus.get(`${PLATFORM_A}:open`)?.requestId ?? '';
    for (const [client, envelope] of [
      [operator, mutation('request.create', createRequestArgs(PLATFORM_B))],
      [operator, mutation('comment.add', { commentId: newId(), requestId: open, body: 'First note.' })],
      [liaisonA, mutation('comment.add', { commentId: newId(), requestId: open, body: 'On it.' })],
      [world.clients.observer, mutation('comment.add', { commentId: newId(), requestId: open, body: 'Refused: observers write nothing.' })],
      [liaisonA, mutation('request.withdraw', { requestId: open, reason: 'Refused: not a liaison step.' })],
    ] as const) {
      relay.recorded.push({ client, envelope, result: await client.send(envelope) });
    }
    // Every request of a connected liaison's platform is received: a pull records nothing more.
    await waitFor(
      () => [...world.h.core.view.requests.values()].every((r) => r.receivedAt !== null || r.status === 'withdrawn'),
      'receipts',
    );
    relay.before = await verifiedFingerprint(world.h);
  }, ENGINE_START_MS);

  afterEach(async () => {
    await expectUnchanged(relay.world.h, relay.before);
  });

  afterAll(async () => {
    reportSent(`${suite} on ${engine.name}`, started);
    await closeAll();
  });

  return relay;
}

/**
 * Moves the relay's clock on by what the push rate limit refills for `mutations` (50 a second):
 * the fuzzing is about bad input, not about flooding, which has its own test.
 */
export function pace(world: World, mutations = 1): void {
  world.h.clock.advance(Math.ceil((mutations * 1000) / 50) + 1_000);
}

/** Sends mutations in pushes of at most 100 and about 600 kB; returns the results in order. */
export async function pushAll(world: World, client: Client, raws: readonly unknown[]): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  let chunk: unknown[] = [];
  let size = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    pace(world, chunk.length);
    const response = await client.push(chunk);
    if (!response.ok) throw new Error(`push refused as a whole: ${response.error.message}`);
    expect(response.results).toHaveLength(chunk.length);
    results.push(...response.results);
    chunk = [];
    size = 0;
  };
  for (const raw of raws) {
    const bytes = JSON.stringify(raw)?.length ?? 4;
    if (chunk.length === LIMITS.mutationsPerPush || size + bytes > 600_000) await flush();
    chunk.push(raw);
    size += bytes;
  }
  await flush();
  return results;
}

export function baseArgs(type: MutationType): Record<string, unknown> {
  return MUTATION_SPECS[type].args(phantomTargets(PLATFORM_A));
}

/** Valid arguments of the same type that say something else (new ids for what it creates). */
export function otherContent(envelope: WireMutation): Record<string, unknown> {
  const args = { ...(envelope.args as Record<string, unknown>) };
  for (const key of ['body', 'reason', 'grounds', 'note']) if (key in args) args[key] = 'Something else entirely.';
  for (const key of ['commentId', ...(envelope.type === 'request.create' ? ['requestId'] : [])]) if (key in args) args[key] = newId();
  return args;
}

/** Checks each result against the protocol's verdict for its input. */
export function expectRejections(raws: readonly unknown[], results: readonly MutationResult[], what: string): void {
  raws.forEach((raw, i) => {
    const result = results[i];
    const context = `${what}: ${JSON.stringify(raw)?.slice(0, 300)}`;
    expect(result?.status, context).toBe('rejected');
    if (result?.status !== 'rejected') return;
    expectTypedError(result.error, context);
    const expected = expectedRejection(raw);
    expect({ code: result.error.code, mutationId: result.mutationId }, context).toEqual(expected);
  });
}
