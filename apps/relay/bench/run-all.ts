/**
 * The relay benchmark. Each figure of the real relay is measured beside a bare baseline in the
 * same run, with the same client code (a separate load process, loopback only):
 *   1. durable mutations/s from pipelining clients vs a Socket.IO server that only acks;
 *   2. ack round-trip of single sequential pushes vs a "durable echo" (one SQLite FULL insert);
 *   3. live broadcast latency to 200 clients vs a bare Socket.IO room broadcast.
 */
import { newId, PROTOCOL_VERSION } from '@contact-desk/shared';
import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { perform, table } from '../src/cli/admin-actions.js';
import type { RelayCore } from '../src/core/relay-core.js';
import { silentLogger } from '../src/logger.js';
import { DEFAULT_LIMITS } from '../src/config.js';
import { startRelay, type RunningRelay } from '../src/server.js';
import type { LatencyResult, Task, TaskResult, ThroughputResult } from './tasks.js';

const UNLIMITED_PUSHES = { ...DEFAULT_LIMITS, mutationsPerSecond: Number.MAX_SAFE_INTEGER, mutationBurst: Number.MAX_SAFE_INTEGER };
const CLIENTS = 8;
const IN_FLIGHT = 32;
const BROADCAST_CLIENTS = 200;
const PLATFORM = 'bench';
const TASK_LIMIT_MS = 90_000;

const benchStart = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - benchStart) / 1000).toFixed(1)}s] ${line}`);

/** Runs one task in a fresh load process; kills it if it outlives the limit. */
function runLoad<T extends TaskResult>(task: Task): Promise<T> {
  const child = fork(fileURLToPath(new URL('./load-client.js', import.meta.url)), [], { stdio: 'inherit' });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`load process for ${task.kind} exceeded ${TASK_LIMIT_MS} ms`));
    }, TASK_LIMIT_MS);
    child.once('message', (result: TaskResult) => {
      clearTimeout(timer);
      if (result.kind === 'error') reject(new Error(result.message));
      else resolve(result as T);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`load process exited with ${code}`));
    });
    child.send(task);
  });
}

// ---------------------------------------------------------------------------------------------
// The real relay, set up through its own helpers.

async function createUser(core: RelayCore, role: 'operator' | 'liaison', index: number): Promise<string> {
  const result = await perform(
    core,
    'user.create',
    {
      userId: newId(),
      name: `Bench ${role} ${index}`,
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

interface RelaySetup {
  readonly relay: RunningRelay;
  readonly dataDir: string;
  readonly operatorTokens: string[];
  readonly liaisonTokens: string[];
  readonly requestIds: string[];
}

async function setUpRelay(): Promise<RelaySetup> {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-desk-bench-'));
  const relay = await startRelay(
    // The benchmark measures the relay's capacity, so the per-device push limit is lifted.
    { host: '127.0.0.1', port: 0, dataDir, corsOrigin: '*', deadlineCheckMs: 0, logLevel: 'silent', limits: UNLIMITED_PUSHES },
    { logger: silentLogger },
  );
  const { core } = relay;
  await perform(core, 'platform.create', { platformId: PLATFORM, name: 'Bench platform', kind: 'platform' });
  const operatorTokens = await Promise.all(
    Array.from({ length: CLIENTS + 1 }, (_, i) => createUser(core, 'operator', i)),
  );
  const liaisonTokens = await Promise.all(
    Array.from({ length: BROADCAST_CLIENTS }, (_, i) => createUser(core, 'liaison', i)),
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

// ---------------------------------------------------------------------------------------------
// Baselines: bare Socket.IO servers with the same wire shapes.

interface Bare {
  readonly url: string;
  close(): Promise<void>;
}

interface WireMutation {
  mutationId: string;
  type: string;
  args: Record<string, unknown>;
  clientTime: number | null;
}

async function startBare(mode: 'ack' | 'durable' | 'broadcast'): Promise<Bare> {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 1_000_000 });
  let dir: string | undefined;
  let db: Database.Database | undefined;
  let insert: Database.Statement | undefined;
  if (mode === 'durable') {
    dir = mkdtempSync(join(tmpdir(), 'contact-desk-bench-echo-'));
    db = new Database(join(dir, 'echo.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE echo (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
    insert = db.prepare('INSERT INTO echo (id, body) VALUES (?, ?)');
  }
  const room = `class:platform:${PLATFORM}`;
  let seq = 0;
  io.on('connection', (socket) => {
    void socket.join(room);
    socket.emit('session', { protocolVersion: PROTOCOL_VERSION, headSeq: seq, serverTime: Date.now() });
    socket.on('push', (payload: { mutations: WireMutation[] }, ack: (response: unknown) => void) => {
      const mutations = payload.mutations;
      const serverTime = Date.now();
      if (insert) for (const m of mutations) insert.run(m.mutationId, JSON.stringify(m));
      const afterSeq = seq;
      const results = mutations.map((m) => ({ mutationId: m.mutationId, status: 'accepted', seqs: [++seq], serverTime }));
      ack({ ok: true, results });
      if (mode === 'broadcast') {
        io.to(room).emit('events', {
          afterSeq,
          upToSeq: seq,
          events: mutations.map((m, i) => ({
            seq: afterSeq + i + 1,
            serverTime,
            type: 'comment.added',
            payload: {
              comment: { id: m.args.commentId, requestId: m.args.requestId, authorId: 'x', authorName: 'Bench operator', ...m.args, createdAt: serverTime, clientTime: m.clientTime },
            },
            actor: { userId: 'x', deviceId: 'y', name: 'Bench operator', role: 'operator', platformId: null },
            mutationId: m.mutationId,
            clientTime: m.clientTime,
            audience: { kind: 'platform', platformId: PLATFORM },
          })),
        });
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      db?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withBare<T>(mode: 'ack' | 'durable' | 'broadcast', work: (url: string) => Promise<T>): Promise<T> {
  const bare = await startBare(mode);
  try {
    return await work(bare.url);
  } finally {
    await bare.close();
  }
}

// ---------------------------------------------------------------------------------------------

const fmtRate = (n: number) => `${Math.round(n).toLocaleString('en-US')} /s`;
const fmtMs = (n: number) => `${n.toFixed(2)} ms`;

interface Row {
  figure: string;
  relay: string;
  baseline: string;
  ratio: number;
  target: string;
  pass: boolean | null;
}

async function main(): Promise<void> {
  const setup = await setUpRelay();
  const { relay } = setup;
  log(`relay ${relay.url}: ${setup.operatorTokens.length} operators, ${setup.liaisonTokens.length} liaisons enrolled`);
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    // 1. Throughput.
    for (const perPush of [1, 10]) {
      const task = (url: string, tokens: readonly string[]) =>
        ({
          kind: 'throughput',
          url,
          tokens,
          requestIds: setup.requestIds,
          inFlight: perPush === 1 ? IN_FLIGHT : IN_FLIGHT / 4,
          perPush,
          warmupMs: 1500,
          durationMs: 5000,
        }) as const;
      const base = await withBare('ack', (url) =>
        runLoad<ThroughputResult>(task(url, Array.from({ length: CLIENTS }, () => 'bare-token-0000'))),
      );
      const real = await runLoad<ThroughputResult>(task(relay.url, setup.operatorTokens.slice(0, CLIENTS)));
      log(`throughput x${perPush}: relay ${JSON.stringify(real)} | bare ${JSON.stringify(base)}`);
      if (real.firstError) notes.push(`throughput x${perPush}: relay rejected ${real.rejected} (${real.firstError})`);
      const ratio = real.perSecond / base.perSecond;
      rows.push({
        figure: `1. durable mutations/s, ${CLIENTS} clients x ${task('', []).inFlight} in flight, ${perPush}/push`,
        relay: fmtRate(real.perSecond),
        baseline: fmtRate(base.perSecond),
        ratio,
        target: perPush === 1 ? '>= 20,000/s, ratio >= 0.3' : '(batching)',
        pass: perPush === 1 ? real.perSecond >= 20_000 && ratio >= 0.3 : null,
      });
    }

    // 2. Ack round trip, one push in flight.
    const rttTask = (url: string, token: string) =>
      ({ kind: 'rtt', url, token, requestId: setup.requestIds[0] ?? '', warmup: 300, samples: 3000, maxMs: 15_000 }) as const;
    const echo = await withBare('durable', (url) => runLoad<LatencyResult>(rttTask(url, 'bare-token-0000')));
    const single = await runLoad<LatencyResult>(rttTask(relay.url, setup.operatorTokens[CLIENTS] ?? ''));
    log(`rtt: relay ${JSON.stringify(single)} | echo ${JSON.stringify(echo)}`);
    if (single.firstError) notes.push(`rtt: relay failures ${single.missed} (${single.firstError})`);
    rows.push({
      figure: `2. ack round trip p50 (n=${single.count}/${echo.count})`,
      relay: fmtMs(single.p50),
      baseline: fmtMs(echo.p50),
      ratio: single.p50 / echo.p50,
      target: '(info)',
      pass: null,
    });
    rows.push({
      figure: '2. ack round trip p99',
      relay: fmtMs(single.p99),
      baseline: fmtMs(echo.p99),
      ratio: single.p99 / echo.p99,
      target: '<= 1.5x',
      pass: single.p99 / echo.p99 <= 1.5,
    });

    // 3. Broadcast latency to 200 liaisons of one platform.
    const broadcastTask = (url: string, pusherToken: string, receiverTokens: readonly string[]) =>
      ({
        kind: 'broadcast',
        url,
        pusherToken,
        receiverTokens,
        requestId: setup.requestIds[1] ?? '',
        warmupRounds: 30,
        rounds: 200,
        maxMs: 30_000,
        roundTimeoutMs: 3_000,
      }) as const;
    const fakeTokens = setup.liaisonTokens.map(() => 'bare-token-0000');
    const bcBase = await withBare('broadcast', (url) => runLoad<LatencyResult>(broadcastTask(url, 'bare-token-0000', fakeTokens)));
    const bcReal = await runLoad<LatencyResult>(
      broadcastTask(relay.url, setup.operatorTokens[CLIENTS] ?? '', setup.liaisonTokens),
    );
    log(`broadcast: relay ${JSON.stringify(bcReal)} | bare ${JSON.stringify(bcBase)}`);
    if (bcReal.missed > 0 || bcReal.firstError) notes.push(`broadcast: relay missed ${bcReal.missed} arrivals (${bcReal.firstError ?? 'no push error'})`);
    if (bcBase.missed > 0) notes.push(`broadcast: baseline missed ${bcBase.missed} arrivals`);
    rows.push({
      figure: `3. broadcast to ${BROADCAST_CLIENTS} clients p50 (n=${bcReal.count}/${bcBase.count})`,
      relay: fmtMs(bcReal.p50),
      baseline: fmtMs(bcBase.p50),
      ratio: bcReal.p50 / bcBase.p50,
      target: '(info)',
      pass: null,
    });
    rows.push({
      figure: `3. broadcast to ${BROADCAST_CLIENTS} clients p99`,
      relay: fmtMs(bcReal.p99),
      baseline: fmtMs(bcBase.p99),
      ratio: bcReal.p99 / bcBase.p99,
      target: '<= 1.5x',
      pass: bcReal.p99 / bcBase.p99 <= 1.5,
    });
  } finally {
    await relay.close();
    rmSync(setup.dataDir, { recursive: true, force: true });
  }

  console.log('');
  console.log(
    table([
      ['figure', 'contact desk', 'baseline', 'ratio', 'target', 'result'],
      ...rows.map((row) => [
        row.figure,
        row.relay,
        row.baseline,
        `${row.ratio.toFixed(2)}x`,
        row.target,
        row.pass === null ? '' : row.pass ? 'ok' : 'MISSED',
      ]),
    ]),
  );
  for (const note of notes) console.log(`note: ${note}`);
  log('done');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
