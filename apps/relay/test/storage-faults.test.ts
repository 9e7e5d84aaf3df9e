/**
 * Real SQLite faults on the relay's own file: another connection holding the write lock past the
 * busy timeout, the relay's connection made read-only, and the file hitting its size cap
 * (SQLITE_FULL). Each time the relay must refuse with `storage_unavailable`, record nothing,
 * keep its in-memory state equal to the file, stay up, and accept the same mutations once the
 * condition clears.
 */
import Database from 'better-sqlite3';
import { newId, type MutationResult } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/verify-chain.js';
import { databaseFile, type RelayConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { startRelay } from '../src/server.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import {
  closeAll,
  createRequest,
  createRequestArgs,
  mutation,
  standardSetup,
  waitFor,
  type Client,
  type Harness,
  type WireMutation,
} from './harness.js';

afterEach(closeAll);

/** Short, so a write blocked by another connection fails fast; the default is 5 s. */
const BUSY_TIMEOUT_MS = 150;

function configFor(dataDir: string): RelayConfig {
  return { host: '127.0.0.1', port: 0, dataDir, corsOrigin: '*', deadlineCheckMs: 0, logLevel: 'silent' };
}

/** The standard setup, served by a relay whose storage the test holds (to set PRAGMAs on it). */
async function faultSetup() {
  const { h, operator, liaisonA } = await standardSetup();
  await h.relay.close();
  const storage = new SqliteStorage(databaseFile(h), { busyTimeoutMs: BUSY_TIMEOUT_MS });
  h.relay = await startRelay(configFor(h.dataDir), { clock: h.clock, logger: silentLogger, storage });
  const ops = await h.connect(operator);
  const alpha = await h.connect(liaisonA);
  const existing = await createRequest(ops, 'alpha');
  return { h, storage, ops, alpha, existing };
}

/** What the file holds, read through a separate read-only connection. */
function fileSnapshot(h: Harness) {
  const reader = new SqliteStorage(databaseFile(h), { readOnly: true });
  try {
    const state = reader.loadStateNow();
    return {
      head: state.lastSeq,
      requests: new Map(state.requests),
      comments: new Map(state.comments),
      devices: new Map(state.devices),
      refCounters: new Map(state.refCounters),
    };
  } finally {
    reader.closeNow();
  }
}

function memorySnapshot(h: Harness) {
  const view = h.core.view;
  return {
    head: h.headSeq,
    requests: new Map(view.requests),
    comments: new Map(view.comments),
    devices: new Map(view.devices),
    refCounters: new Map(view.refCounters),
  };
}

/** Events and stored answers the file holds for these mutation ids. */
function recordedFor(h: Harness, mutationIds: readonly string[]) {
  const db = new Database(databaseFile(h), { readonly: true });
  try {
    const events = db.prepare('SELECT COUNT(*) AS n FROM events WHERE mutation_id = ?');
    const answers = db.prepare('SELECT COUNT(*) AS n FROM mutations WHERE mutation_id = ?');
    return mutationIds.map((id) => ({
      events: (events.get(id) as { n: number }).n,
      answers: (answers.get(id) as { n: number }).n,
    }));
  } finally {
    db.close();
  }
}

/** A mix of what both sides send: a new request, a long comment, and the liaison's acknowledgement. */
function pendingWork(requestId: string) {
  const ops = [
    mutation('request.create', createRequestArgs('alpha', { grounds: 'G'.repeat(9_000) })),
    mutation('comment.add', { commentId: newId(), requestId, body: 'C'.repeat(9_000) }),
  ];
  const alpha = [mutation('request.acknowledge', { requestId })];
  return { ops, alpha, ids: [...ops, ...alpha].map((m) => m.mutationId) };
}

async function pushAll(client: Client, mutations: readonly WireMutation[]): Promise<readonly MutationResult[]> {
  const response = await client.push(mutations);
  if (!response.ok) throw new Error(`push refused: ${response.error.code}`);
  return response.results;
}

/**
 * Sends the work under the fault, checks nothing was recorded or announced and the relay still
 * serves, clears the fault, sends the same work again and checks it is recorded exactly once.
 */
async function checkFault(setup: Awaited<ReturnType<typeof faultSetup>>, clear: () => void) {
  const { h, ops, alpha, existing } = setup;
  const before = memorySnapshot(h);
  expect(fileSnapshot(h)).toEqual(before);
  const liveBefore = ops.events.length;
  const work = pendingWork(existing.requestId);

  const refused = [...(await pushAll(ops, work.ops)), ...(await pushAll(alpha, work.alpha))];
  expect(refused.map((result) => result.status === 'rejected' && result.error.code)).toEqual([
    'storage_unavailable',
    'storage_unavailable',
    'storage_unavailable',
  ]);
  expect(refused.map((result) => result.mutationId)).toEqual(work.ids);
  expect(memorySnapshot(h)).toEqual(before);
  expect(fileSnapshot(h)).toEqual(before);
  expect(recordedFor(h, work.ids)).toEqual(work.ids.map(() => ({ events: 0, answers: 0 })));
  // Still up: answers a pull and the health check, and announced nothing.
  const page = await ops.pull(0);
  expect(page.ok && page.upToSeq).toBe(before.head);
  const health = (await (await fetch(`${h.relay.url}/healthz`)).json()) as { ok: boolean; headSeq: number };
  expect(health).toMatchObject({ ok: true, headSeq: before.head });
  expect(ops.events.length).toBe(liveBefore);

  clear();
  const accepted = [...(await pushAll(ops, work.ops)), ...(await pushAll(alpha, work.alpha))];
  expect(accepted.map((result) => result.status)).toEqual(['accepted', 'accepted', 'accepted']);
  const head = h.headSeq;
  expect(head).toBeGreaterThan(before.head);
  // Sent a third time: the stored answers, nothing applied again.
  expect([...(await pushAll(ops, work.ops)), ...(await pushAll(alpha, work.alpha))]).toEqual(accepted);
  expect(h.headSeq).toBe(head);
  const seqCounts = accepted.map((result) => (result.status === 'accepted' ? result.seqs.length : -1));
  expect(recordedFor(h, work.ids)).toEqual(seqCounts.map((events) => ({ events, answers: 1 })));
  expect(fileSnapshot(h)).toEqual(memorySnapshot(h));
  expect(h.core.view.requests.get(existing.requestId)?.status).toBe('acknowledged');
  // The refused commits left no trace in the chain either: it verifies up to the relay's head.
  expect(verifyChain(databaseFile(h))).toEqual({ ok: true, events: head, headSeq: head, headHash: h.core.headPosition.hash });
}

describe('storage faults on the real file', () => {
  it('database locked by another connection past the busy timeout', async () => {
    const setup = await faultSetup();
    const other = new Database(databaseFile(setup.h));
    other.exec('BEGIN EXCLUSIVE');
    try {
      await checkFault(setup, () => other.exec('ROLLBACK'));
    } finally {
      other.close();
    }
  });

  it('the relay connection made read-only (PRAGMA query_only)', async () => {
    const setup = await faultSetup();
    const { code } = await setup.h.createUser('liaison', 'alpha');
    setup.storage.pragma('query_only = 1');
    // An enrollment is refused the same way, and its one-time code stays usable.
    const refused = await setup.h.enrollHttp({ code, deviceLabel: 'spare laptop' });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'storage_unavailable' } });
    await checkFault(setup, () => setup.storage.pragma('query_only = 0'));
    expect((await setup.h.enrollHttp({ code, deviceLabel: 'spare laptop' })).status).toBe(200);
  });

  it('disk full: the file reaches its page cap (SQLITE_FULL)', async () => {
    const setup = await faultSetup();
    const pages = setup.storage.pragma('page_count') as { page_count: number }[];
    const count = pages[0]?.page_count ?? 0;
    expect(count).toBeGreaterThan(0);
    setup.storage.pragma(`max_page_count = ${count}`);
    await checkFault(setup, () => setup.storage.pragma('max_page_count = 1073741823'));
  });
});

describe('a receipt the store refused', () => {
  it('is recorded once the store takes writes again, not at the liaison’s next step', async () => {
    const { h, storage, ops } = await faultSetup();
    // A request for a platform whose liaison has no device yet.
    const request = await createRequest(ops, 'beta');
    const beta = await h.user('liaison', 'beta');
    storage.pragma('query_only = 1');
    // The device gets the request in its catch-up while the store refuses writes: the receipt
    // that starts the action deadline cannot be recorded now.
    const device = await h.connect(beta);
    const page = await device.pull(0);
    expect(page.ok && page.events.some((event) => event.type === 'request.created')).toBe(true);
    // The receipt was queued as the pull was answered: once the queue's commit has been tried
    // (and refused), the receipt is still missing.
    await h.core.flushNow();
    expect(h.core.view.requests.get(request.requestId)?.receivedAt).toBeNull();
    h.clock.advance(60_000);
    const clearedAt = h.clock.now();
    storage.pragma('query_only = 0');
    const receivedAt = await waitFor(() => h.core.view.requests.get(request.requestId)?.receivedAt ?? undefined, 'the receipt', 10_000);
    expect(receivedAt).toBe(clearedAt);
    expect(fileSnapshot(h)).toEqual(memorySnapshot(h));
    const receipts = (await h.eventsAfter(0)).filter(
      (event) => event.type === 'request.received' && event.payload.requestId === request.requestId,
    );
    expect(receipts).toHaveLength(1);
  });
});
