/**
 * Three devices running the app's real sync engine each go offline (their link to the relay is
 * severed) and queue hundreds of conflicting actions on the same requests. They come back one by
 * one, in each of the six possible orders, each time on a fresh relay restored from the same
 * backup. Every time, all devices must end with the relay's projections, and the relay's state
 * must be the app's own decision core folded over the outboxes in arrival order. All of it on each
 * storage engine: the relays keep their record in the data folder's SQLite file (each run restored
 * from one `relay backup`), then in PostgreSQL (each run on a copy of one seeded database).
 */
import { newId, type Actor, type Comment, type DomainState, type Mutation, type Request } from '@contact-desk/shared';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { verifyStoredChain } from '../../apps/relay/src/audit/verify-chain';
import { optimisticView } from '../../apps/desktop/src/renderer/src/sync/optimistic-view';
import { openPgStorage } from '../../apps/relay/src/storage/pg/pg-storage';
import { SqliteStorage } from '../../apps/relay/src/storage/sqlite-storage';
import { copyDatabase, describeEachEngine, type StoreChoice } from '../../apps/relay/test/engines';
import { TcpProxy } from '../support/tcp-proxy';
import { EngineDevice, planned, pushAccepted } from './engine-device';
import { enroll } from './load-device';
import { addUserAsync as addUser, freePort, relayCliOk } from '../support/relay-process';
import { loadRelay, removeDir, tempDir } from './load-relay';
import { removalArgs } from './request-flow';

const NAMES = ['operator', 'prefect', 'liaison'] as const;
type Name = (typeof NAMES)[number];
const ORDERS: readonly (readonly Name[])[] = [
  ['operator', 'prefect', 'liaison'],
  ['operator', 'liaison', 'prefect'],
  ['prefect', 'operator', 'liaison'],
  ['prefect', 'liaison', 'operator'],
  ['liaison', 'operator', 'prefect'],
  ['liaison', 'prefect', 'operator'],
];
/** The devices' clocks while offline: recorded as `clientTime`, never used for the record. */
const OFFLINE_AT = Date.UTC(2026, 10, 23, 8, 0, 0);

/** What each device queues while offline: the same mutations (same ids) in every run. */
function offlinePlans(open: readonly string[], answered: readonly string[]): Record<Name, Mutation[]> {
  let tick = 0;
  const at = () => OFFLINE_AT + 60_000 + (tick += 1000);
  const comments = (requestId: string, count: number, who: string) =>
    Array.from({ length: count }, (_, index) =>
      planned('comment.add', { commentId: newId(), requestId, body: `${who}: note ${index + 1}` }, at()),
    );
  const withdrawable = open.slice(0, 5);
  const escalatable = open.slice(5);
  return {
    liaison: [
      ...open.flatMap((requestId) => [
        planned('request.acknowledge', { requestId }, at()),
        ...comments(requestId, 12, 'liaison'),
        planned('request.answer', { requestId, items: [{ itemId: `${requestId}/1`, outcome: 'removed' }] }, at()),
      ]),
      ...answered.flatMap((requestId) => comments(requestId, 12, 'liaison')),
    ],
    operator: [
      ...open.flatMap((requestId) => [
        planned('request.edit', { requestId, patch: { pharosRef: 'PH-operator' } }, at()),
        ...comments(requestId, 15, 'operator'),
      ]),
      ...withdrawable.flatMap((requestId) => [
        planned('request.withdraw', { requestId, reason: 'Content already gone.' }, at()),
        planned('request.reopen', { requestId, reason: 'Content is back.' }, at()),
      ]),
      ...answered.map((requestId) => planned('request.reopen', { requestId, reason: 'Copies remain.' }, at())),
    ],
    prefect: [
      ...open.flatMap((requestId) => [
        planned('request.edit', { requestId, patch: { pharosRef: 'PH-prefect' } }, at()),
        ...comments(requestId, 15, 'prefect'),
      ]),
      ...escalatable.map((requestId) => planned('request.escalate', { requestId, note: 'No answer yet.' }, at())),
      ...answered.flatMap((requestId) => [
        planned('request.close', { requestId, note: 'Checked.' }, at()),
        ...comments(requestId, 5, 'prefect'),
      ]),
    ],
  };
}

/** Relay times differ from run to run: kept only as "set" or null. */
function normalizeRequest(request: Request) {
  const time = (value: number | null) => (value === null ? null : 'set');
  const { receivedAt: _received, updatedAt: _updated, ...rest } = request;
  return {
    ...rest,
    ackAt: time(request.ackAt),
    answeredAt: time(request.answeredAt),
    closedAt: time(request.closedAt),
    withdrawnAt: time(request.withdrawnAt),
    contestedAt: time(request.contestedAt),
    missedAck: time(request.missedAck),
    missedAction: time(request.missedAction),
    pauses: request.pauses.map((pause) => ({ ...pause, from: 'set', to: time(pause.to) })),
    items: request.items.map((item) => ({ ...item, answer: item.answer && { ...item.answer, at: 'set' } })),
  };
}

function normalize(state: Pick<DomainState, 'requests' | 'comments'>) {
  const byId = <T extends { id: string }, U>(map: ReadonlyMap<string, T>, f: (value: T) => U) =>
    Object.fromEntries([...map.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((value) => [value.id, f(value)]));
  return {
    requests: byId(state.requests, normalizeRequest),
    comments: byId(state.comments, (comment: Comment) => ({ ...comment, createdAt: 'set' })),
  };
}

/** The projections a relay recorded, read back as an auditor would: from a SQLite file, or from the PostgreSQL database when `store` names one. */
async function storedState(sqliteFile: string, store: StoreChoice): Promise<DomainState> {
  if (!store.databaseUrl) {
    const reader = new SqliteStorage(sqliteFile, { readOnly: true });
    try {
      return reader.loadStateNow();
    } finally {
      reader.closeNow();
    }
  }
  const storage = await openPgStorage(store.databaseUrl);
  try {
    return (await storage.snapshot()).state;
  } finally {
    await storage.close();
  }
}

interface Run {
  readonly order: readonly Name[];
  readonly relayState: ReturnType<typeof normalize>;
  readonly rejections: Record<Name, number>;
  readonly ms: number;
}

describeEachEngine('long offline work converges', (engine) => {
  const dirs: string[] = [];
  const seedDir = tempDir('contact-desk-seed-');
  const backupDir = tempDir('contact-desk-seed-backup-');
  dirs.push(seedDir, backupDir);
  const seedFile = join(backupDir, 'seed.sqlite');
  let seedStore: StoreChoice;
  let tokens: Record<Name, string>;
  let seedState: DomainState;
  /** Requests the ministry sent and the liaison has not acted on: R[0..4] and R[5..9]. */
  let open: string[];
  /** Requests the liaison had already answered before everyone went offline. */
  let answered: string[];
  let copies = 0;

  /**
   * Points the relay's CLI commands and `relay serve` processes started from now on at a store:
   * they read `CONTACT_DESK_DATABASE_URL` from the environment they inherit (none: the data
   * folder's SQLite file, the environment left as it is).
   */
  function useStore(store: StoreChoice): void {
    if (store.databaseUrl) vi.stubEnv('CONTACT_DESK_DATABASE_URL', store.databaseUrl);
  }

  /** A run's store, as the seed left it: the backup restored into the run's folder, or a copy of the seeded database. */
  async function restoredSeed(runDir: string): Promise<StoreChoice> {
    if (!seedStore.databaseUrl) {
      await relayCliOk(runDir, ['restore', seedFile]);
      return {};
    }
    const store = { databaseUrl: await copyDatabase(seedStore.databaseUrl, `run_${++copies}`) };
    useStore(store);
    return store;
  }

  beforeAll(async () => {
    seedStore = await engine.store();
    useStore(seedStore);
    await relayCliOk(seedDir, ['platform', 'add', 'meta', '--name', 'Meta']);
    const codes = {
      operator: await addUser(seedDir, 'Olivia Operator', 'operator'),
      prefect: await addUser(seedDir, 'Paul Prefect', 'prefect'),
      liaison: await addUser(seedDir, 'Lina Liaison', 'liaison', 'meta'),
    };
    const relay = loadRelay(seedDir, await freePort());
    await relay.start();
    tokens = {
      operator: await enroll(relay.url, codes.operator, 'operator laptop'),
      prefect: await enroll(relay.url, codes.prefect, 'prefect laptop'),
      liaison: await enroll(relay.url, codes.liaison, 'liaison laptop'),
    };
    // A manual escalation goes to someone the platform named: its manager contact.
    await pushAccepted(relay.url, tokens.prefect, [
      planned(
        'platform.update',
        { platformId: 'meta', patch: { escalationContact: { name: 'Maud Manager', email: 'maud@meta.example' } } },
        OFFLINE_AT,
      ),
    ]);
    open = Array.from({ length: 10 }, () => newId());
    answered = Array.from({ length: 4 }, () => newId());
    await pushAccepted(
      relay.url,
      tokens.operator,
      [...open, ...answered].map((id) => planned('request.create', removalArgs(id, 'meta'), OFFLINE_AT)),
    );
    await pushAccepted(
      relay.url,
      tokens.liaison,
      answered.flatMap((requestId) => [
        planned('request.acknowledge', { requestId }, OFFLINE_AT),
        planned('request.answer', { requestId, items: [{ itemId: `${requestId}/1`, outcome: 'removed' }] }, OFFLINE_AT),
      ]),
    );
    await relay.stop();
    // Every run starts from this one backup, restored into a fresh folder (on PostgreSQL: from this
    // database, copied).
    if (!seedStore.databaseUrl) await relayCliOk(seedDir, ['backup', seedFile]);
    seedState = await storedState(seedFile, seedStore);
  }, 120_000);

  afterAll(() => {
    vi.unstubAllEnvs();
    dirs.forEach(removeDir);
  });

  async function runOrder(order: readonly Name[], plans: Record<Name, Mutation[]>): Promise<Run> {
    const started = Date.now();
    const runDir = tempDir('contact-desk-converge-');
    dirs.push(runDir);
    const store = await restoredSeed(runDir);
    const relay = loadRelay(runDir, await freePort());
    await relay.start();
    const proxies = {} as Record<Name, TcpProxy>;
    const devices = {} as Record<Name, EngineDevice>;
    try {
      for (const name of NAMES) {
        proxies[name] = new TcpProxy(relay.port);
        await proxies[name].start();
        devices[name] = new EngineDevice(name, proxies[name].url, tokens[name]);
        await devices[name].start();
      }
      const all = NAMES.map((name) => devices[name]);
      for (const device of all) {
        await device.until(
          () => device.engine.syncStatus.connection === 'online' && device.engine.syncStatus.cursor >= seedState.lastSeq,
          'first sync',
        );
      }
      const actors = Object.fromEntries(NAMES.map((name) => [name, devices[name].engine.syncStatus.actor])) as Record<Name, Actor>;

      for (const name of NAMES) proxies[name].sever();
      for (const device of all) await device.until(() => device.engine.syncStatus.connection !== 'online', 'offline');
      for (const name of NAMES) for (const mutation of plans[name]) await devices[name].act(mutation);
      for (const name of NAMES) expect(devices[name].engine.syncStatus.pending).toBe(plans[name].length);

      for (const name of order) {
        proxies[name].restore();
        await devices[name].until(() => devices[name].engine.syncStatus.pending === 0, 'outbox sent');
      }
      const head = ((await (await fetch(`${relay.url}/healthz`)).json()) as { headSeq: number }).headSeq;
      for (const device of all) {
        await device.until(() => device.engine.syncStatus.cursor >= head && device.engine.syncStatus.pending === 0, 'caught up');
      }

      const relayState = await storedState(join(runDir, 'contact-desk.sqlite'), store);
      expect(await verifyStoredChain({ dataDir: runDir, ...store })).toMatchObject({ ok: true, headSeq: head });
      // Every device holds exactly the relay's projections, relay times included.
      for (const device of all) {
        expect(new Map(device.engine.state.requests)).toEqual(new Map(relayState.requests));
        expect(new Map(device.engine.state.comments)).toEqual(new Map(relayState.comments));
      }
      // The relay decided the outboxes one after the other, in the order they arrived, each in the
      // order it was queued: the app's decision core folded the same way gives the same state.
      let folded = seedState;
      for (const name of order) folded = optimisticView(folded, plans[name], actors[name], OFFLINE_AT).state;
      expect(normalize(relayState)).toEqual(normalize(folded));
      const rejections = Object.fromEntries(NAMES.map((name) => [name, devices[name].rejections.length])) as Record<Name, number>;
      return { order, relayState: normalize(relayState), rejections, ms: Date.now() - started };
    } finally {
      for (const name of NAMES) {
        await devices[name]?.close();
        await proxies[name]?.stop();
      }
      await relay.stop();
    }
  }

  it('in all six reconnection orders: devices equal the relay, the relay equals the ordered fold; what the order decides', async () => {
    const plans = offlinePlans(open, answered);
    const runs: Run[] = [];
    for (const order of ORDERS) runs.push(await runOrder(order, plans));

    const before = (first: Name, second: Name, order: readonly Name[]) => order.indexOf(first) < order.indexOf(second);
    for (const run of runs) {
      const status = (id: string) => run.relayState.requests[id]?.status;
      // Withdraw-and-reopen (operator) against acknowledge-and-answer (liaison): the first to
      // arrive wins; the other's steps are refused as illegal transitions.
      for (const id of open.slice(0, 5)) expect(status(id)).toBe(before('operator', 'liaison', run.order) ? 'answered' : 'reopened');
      // An escalation arriving after the answer is refused; one before it goes to the manager
      // contact (level 2): the platform names no backup liaison.
      for (const id of open.slice(5)) {
        expect(status(id)).toBe('answered');
        expect(run.relayState.requests[id]?.escalationLevel).toBe(before('prefect', 'liaison', run.order) ? 2 : 0);
      }
      // Close (prefect) against reopen (operator) on an answered request: reopened either way.
      for (const id of answered) expect(status(id)).toBe('reopened');
    }
    // Comments never conflict: the same ones, with the same authors and client times, in every order.
    const comments = runs.map((run) => run.relayState.comments);
    for (const other of comments.slice(1)) expect(other).toEqual(comments[0]);
    const queued = NAMES.reduce((sum, name) => sum + plans[name].filter((m) => m.type === 'comment.add').length, 0);
    expect(Object.keys(comments[0] ?? {})).toHaveLength(queued);

    const sameEverywhere = [...open, ...answered].filter((id) =>
      runs.every((run) => JSON.stringify(run.relayState.requests[id]) === JSON.stringify(runs[0]?.relayState.requests[id])),
    );
    console.info(
      [
        `on ${engine.name}, queued offline: ${NAMES.map((name) => `${name} ${plans[name].length}`).join(', ')}`,
        ...runs.map(
          (run) => `${run.order.join(' → ')}: refused ${NAMES.map((name) => `${name} ${run.rejections[name]}`).join(', ')}; ${run.ms} ms`,
        ),
        `requests identical in all orders: ${sameEverywhere.length} of ${open.length + answered.length}`,
      ].join('\n'),
    );
  }, 600_000);
});
