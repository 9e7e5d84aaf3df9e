/**
 * Two real relay processes on one real PostgreSQL server, behind one load-balanced address, while
 * five devices push thousands of mutations. The node running the deadline watcher is killed with
 * SIGKILL (devices move to the other node, which takes the watch), brought back, then the other
 * node is killed in turn; then PostgreSQL itself is restarted under the load (the relay answers
 * `storage_unavailable` meanwhile). The database must hold every accepted mutation exactly once
 * under the seqs its answer named and nothing else, its chain must verify, and every deadline
 * must be recorded once: the P0 terms are one minute, and some requests go to a platform nobody
 * watches.
 */
import { newId, type LoggedEvent } from '@contact-desk/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStoredChain } from '../../apps/relay/src/audit/verify-chain';
import { LocalPostgres } from '../../apps/relay/src/storage/pg/local-postgres';
import { openPgStorage } from '../../apps/relay/src/storage/pg/pg-storage';
import { waitFor } from '../../apps/relay/test/wait-for';
import { addUserAsync as addUser, freePort, relayCliOk, RelayProcess, runRelayCli } from '../support/relay-process';
import { TcpProxy } from '../support/tcp-proxy';
import { enroll, LoadDevice, until, type WireMutation } from './load-device';
import { LOAD_ENV, removeDir, tempDir } from './load-relay';
import { answersOf, expectRecordMatchesAnswers, RECORD_COUNTS, type StoredRecord } from './record-check';
import { createRequest, isAccepted, RequestFlow, wire } from './request-flow';

const TOTAL_ACCEPTED = 2_000;
const KILL_AT = [400, 900];
const DATABASE_RESTART_AT = 1_400;
const UNWATCHED_PER_WAVE = 4;

let server: LocalPostgres;
let databaseUrl: string;
const dirs = [tempDir('contact-desk-node-a-'), tempDir('contact-desk-node-b-')];

beforeAll(async () => {
  server = await LocalPostgres.start();
  databaseUrl = await server.createDatabase('two_nodes');
  // The CLI's commands (set-up, audit) work on the database this names, as one more writer.
  process.env.CONTACT_DESK_DATABASE_URL = databaseUrl;
}, 60_000);

afterAll(async () => {
  delete process.env.CONTACT_DESK_DATABASE_URL;
  await server?.stop();
  for (const dir of dirs) removeDir(dir);
});

async function health(node: RelayProcess): Promise<{ headSeq: number; leads: string[] } | undefined> {
  try {
    return (await (await fetch(`${node.url}/healthz`)).json()) as { headSeq: number; leads: string[] };
  } catch {
    return undefined;
  }
}

/** The node running the deadline watcher, once exactly one of the live ones says it does. */
function watcherOf(nodes: readonly RelayProcess[]): Promise<RelayProcess> {
  return waitFor(
    async () => {
      const leads = await Promise.all(nodes.map(async (node) => ((await health(node))?.leads ?? []).includes('deadlines')));
      return leads.filter(Boolean).length === 1 && nodes[leads.indexOf(true)];
    },
    'a single node watching the deadlines',
    15_000,
    50,
  );
}

/** Requests to a platform whose liaison never acts, a wave at the start and after each kill: each must miss its deadlines once. */
class UnwatchedRequests {
  readonly created: { readonly id: string; readonly createId: string }[] = [];
  private waves = 0;
  wanted = 1;

  readonly work = (): WireMutation[] => {
    if (this.waves >= this.wanted) return [];
    this.waves += 1;
    return Array.from({ length: UNWATCHED_PER_WAVE }, () => {
      const id = newId();
      const create = createRequest(id, 'x');
      this.created.push({ id, createId: create.mutationId });
      return create;
    });
  };
}

async function readRecord(): Promise<{ stored: StoredRecord; events: LoggedEvent[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
    const rows = (await client.query<{ seq: string; mutation_id: string | null }>('SELECT seq, mutation_id FROM events ORDER BY seq')).rows;
    const stored: StoredRecord = {
      events: rows.map((row) => ({ seq: Number(row.seq), mutation_id: row.mutation_id })),
      storedMutations: await count(RECORD_COUNTS.storedMutations),
      requests: await count(RECORD_COUNTS.requests),
      comments: await count(RECORD_COUNTS.comments),
      closed: await count(RECORD_COUNTS.closed),
    };
    const storage = await openPgStorage(databaseUrl);
    try {
      return { stored, events: await storage.eventsAfter({ role: 'system', platformId: null }, 0, 1_000_000) };
    } finally {
      await storage.close();
    }
  } finally {
    await client.end();
  }
}

describe('two relay nodes on PostgreSQL, killed in turn under load', () => {
  it('devices move to the live node; every accepted mutation is in the log once; deadlines are recorded once', async () => {
    for (const [id, name] of [
      ['meta', 'Meta'],
      ['tiktok', 'TikTok'],
      ['x', 'X'],
    ]) {
      await relayCliOk(dirs[0] as string, ['platform', 'add', id as string, '--name', name as string]);
    }
    const codes = {
      operator: await addUser(dirs[0] as string, 'Olivia Operator', 'operator'),
      duty: await addUser(dirs[0] as string, 'Damien Duty', 'operator'),
      prefect: await addUser(dirs[0] as string, 'Paul Prefect', 'prefect'),
      meta: await addUser(dirs[0] as string, 'Lina Liaison', 'liaison', 'meta'),
      tiktok: await addUser(dirs[0] as string, 'Tom TikTok', 'liaison', 'tiktok'),
    };
    const env = { ...LOAD_ENV, CONTACT_DESK_DATABASE_URL: databaseUrl, CONTACT_DESK_DEADLINE_CHECK_MS: '200' };
    const nodes = [new RelayProcess(dirs[0] as string, await freePort(), env), new RelayProcess(dirs[1] as string, await freePort(), env)];
    await Promise.all(nodes.map((node) => node.start()));
    const balancer = new TcpProxy(nodes.map((node) => node.port));
    await balancer.start();
    const url = balancer.url;

    const flow = new RequestFlow(['meta', 'tiktok']);
    const unwatched = new UnwatchedRequests();
    const device = async (label: string, code: string, work: (self: LoadDevice) => WireMutation[]) =>
      new LoadDevice(label, url, await enroll(url, code, label), work);
    // P0 terms of one minute, so that deadlines fall during the test.
    const policy = wire('policy.update', {
      levels: [
        { label: 'P0', name: 'Urgence terroriste', ackMinutes: 1, actionMinutes: 2 },
        { label: 'P1', name: 'Urgent', ackMinutes: 60, actionMinutes: 240 },
      ],
    });
    const prefectDevice = await device('prefect', codes.prefect, (self) =>
      self.sent.has(policy.mutationId) ? flow.prefectWork() : [policy],
    );
    const operator = await device('operator', codes.operator, flow.operatorWork);
    const duty = await device('duty operator', codes.duty, unwatched.work);
    const meta = await device('meta liaison', codes.meta, flow.liaisonWork('meta'));
    const tiktok = await device('tiktok liaison', codes.tiktok, flow.liaisonWork('tiktok'));
    flow.attach(operator, { meta, tiktok });
    const devices = [prefectDevice, operator, duty, meta, tiktok];
    await until(() => devices.every((one) => one.socket.connected), 'devices connected');
    const setupHead = Math.max(...(await Promise.all(nodes.map(async (node) => (await health(node))?.headSeq ?? 0))));
    const accepted = () => devices.reduce((sum, one) => sum + one.accepted, 0);
    // The one-minute terms hold for requests created after them: the policy first, then the load.
    prefectDevice.start();
    await until(() => isAccepted(prefectDevice, policy.mutationId), 'the one-minute P0 terms recorded');
    for (const one of devices) if (one !== prefectDevice) one.start();

    const kills: { moveMs: number; takeoverMs: number }[] = [];
    for (const threshold of KILL_AT) {
      await until(() => accepted() >= threshold, `${threshold} accepted mutations`);
      const watcher = await watcherOf(nodes);
      const other = nodes.find((node) => node !== watcher) as RelayProcess;
      const killedAt = Date.now();
      await watcher.stop('SIGKILL');
      await until(() => devices.every((one) => one.socket.connected), 'devices on the other node');
      const moveMs = Date.now() - killedAt;
      expect(await watcherOf([other])).toBe(other);
      kills.push({ moveMs, takeoverMs: Date.now() - killedAt });
      unwatched.wanted += 1;
      await watcher.start();
    }

    await until(() => accepted() >= DATABASE_RESTART_AT, `${DATABASE_RESTART_AT} accepted mutations`);
    const refusedBefore = devices.reduce((sum, one) => sum + one.retried, 0);
    await server.restart();
    await until(() => accepted() >= TOTAL_ACCEPTED, `${TOTAL_ACCEPTED} accepted mutations`, 120_000);
    const refusedDuringRestart = devices.reduce((sum, one) => sum + one.retried, 0) - refusedBefore;
    flow.loading = false;
    await until(() => flow.finished(), 'every request answered and closed', 120_000);
    await Promise.all(devices.map((one) => one.drain()));

    // Each request nobody watches misses its acknowledgement deadline, once, whichever node watched then.
    const unwatchedAccepted = unwatched.created.filter(({ createId }) => isAccepted(duty, createId)).map(({ id }) => id);
    const ackMisses = (events: readonly LoggedEvent[]) =>
      events.filter(
        (event) =>
          event.type === 'request.deadlineMissed' && event.payload.step === 'ack' && unwatchedAccepted.includes(event.payload.requestId),
      );
    let record = await readRecord();
    await waitFor(
      async () => {
        record = await readRecord();
        return ackMisses(record.events).length >= unwatchedAccepted.length;
      },
      () => `${unwatchedAccepted.length} missed acknowledgements recorded (${ackMisses(record.events).length} so far)`,
      150_000,
      500,
    );
    for (const one of devices) one.close();
    await balancer.stop();
    await Promise.all(nodes.map((node) => node.stop('SIGTERM')));
    // Read again once both nodes have stopped: a deadline watch may still have committed a miss or a
    // receipt after the last read, and the chain below is checked against this final record.
    record = await readRecord();

    const answers = answersOf(devices);
    expectRecordMatchesAnswers(answers, record.stored, setupHead);
    expect([...answers.values()].filter(({ result }) => result.status === 'accepted').length).toBeGreaterThanOrEqual(TOTAL_ACCEPTED);
    expect(unwatchedAccepted.length).toBe(UNWATCHED_PER_WAVE * (KILL_AT.length + 1));
    expect(ackMisses(record.events)).toHaveLength(unwatchedAccepted.length);
    // No deadline of any request recorded twice, no escalation level reached twice.
    const once = (keys: string[]) => keys.filter((key, index) => keys.indexOf(key) !== index);
    const misses = record.events.flatMap((event) =>
      event.type === 'request.deadlineMissed' ? [`${event.payload.requestId}/${event.payload.step}`] : [],
    );
    const escalations = record.events.flatMap((event) =>
      event.type === 'request.escalated' ? [`${event.payload.requestId}/${event.payload.level}`] : [],
    );
    expect(once(misses)).toEqual([]);
    expect(once(escalations)).toEqual([]);
    expect(refusedDuringRestart).toBeGreaterThan(0);

    const chain = await verifyStoredChain({ dataDir: dirs[0] as string, databaseUrl });
    expect(chain).toMatchObject({ ok: true, headSeq: record.stored.events.length });
    const audit = await runRelayCli(dirs[0] as string, ['audit', 'verify']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain(`ok, ${record.stored.events.length} events`);
    console.info(
      [
        ...kills.map(
          (kill, index) =>
            `kill ${index + 1}: devices on the other node after ${kill.moveMs} ms, deadline watch taken over after ${kill.takeoverMs} ms`,
        ),
        `database restart: ${refusedDuringRestart} mutations answered storage_unavailable and sent again`,
        `total: ${answers.size} mutations, ${record.stored.events.length} events, ${misses.length} deadlines missed (${ackMisses(record.events).length} on unwatched requests), ${escalations.length} escalations`,
      ].join('\n'),
    );
  }, 420_000);
});
