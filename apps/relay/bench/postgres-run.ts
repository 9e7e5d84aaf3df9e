/**
 * Figures 1 (durable mutations/s, 1 per push) and 2 (ack round trip) of the relay on PostgreSQL,
 * beside the same bare baselines as SQLite's figures of the same run: on one node, then on two
 * nodes sharing one database behind one address, a TCP balancer (in a process of its own, as a
 * ministry's is on a machine of its own) that spreads the load clients' connections over both in
 * turn. The PostgreSQL server is a throwaway one, started and stopped here; when it cannot be
 * started at all (its programs are not installed) the rows are skipped and the reason printed.
 *
 * Targets, for this machine: 2 cores shared by the relay, PostgreSQL's backends and the load process.
 *  - Throughput >= MIN_VS_SQLITE of SQLite's in the same run. SQLite commits inside the relay's
 *    process with one fsync; PostgreSQL takes about ten loopback round trips per group commit
 *    (BEGIN, the write lock, the reads, one insert per table, NOTIFY, COMMIT and its fsync), each a
 *    switch between the relay and a backend that competes with it for the two cores. Group commit
 *    (about a hundred mutations per lock under this load) spreads that cost, not all of it: runs
 *    here gave 0.35 to 0.6 of SQLite, so a third must hold, and less is a regression.
 *  - Ack p99 <= MAX_P99_VS_ECHO x the durable echo (one SQLite FULL insert, no relay). A lone push
 *    waits for the whole transaction, its round trips and fsync (its p50 is about 3x the echo's
 *    here), where SQLite's relay is held to 1.5x; runs here gave 2.0x to 2.3x at p99.
 * Two nodes are reported, not judged: on one 2-core machine they share the cores (here the
 * relay's one event loop too), serialise on the write lock, each folds the other's commits, and
 * the balancer adds a hop, so they cannot beat one node. What the rows show is what sharing the
 * database costs (ratio to 1 node).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LocalPostgres } from '../src/storage/pg/local-postgres.js';
import { openPgStorage } from '../src/storage/pg/pg-storage.js';
import type { Storage } from '../src/storage/storage.js';
import { log, runLoad } from './load.js';
import { loadOf, rttOf, startBenchRelay, withRelay, type RelaySetup } from './relay-setup.js';
import { fmtMs, fmtRate, type Row } from './report.js';
import type { LatencyResult, ThroughputResult } from './tasks.js';

const MIN_VS_SQLITE = 0.33;
const MAX_P99_VS_ECHO = 3;

/** SQLite's figures 1 (1/push) and 2 of this run, with the bare baselines that the PostgreSQL rows share. */
export interface SqliteFigures {
  readonly throughput: ThroughputResult;
  readonly bare: ThroughputResult;
  readonly echo: LatencyResult;
}

interface PgFigures {
  readonly throughput: ThroughputResult;
  /** Mutations committed per write lock taken, over the throughput load (its warm-up included). */
  readonly perLock: number;
  readonly rtt: LatencyResult;
}

/** Write locks taken and the mutations committed under them, counted around the stores' `write`. */
class WriteCount {
  locks = 0;
  mutations = 0;

  /** Counts the writes of `storage` from now on (`build` runs once per write, under the lock). */
  watch(storage: Storage): Storage {
    const write = storage.write.bind(storage);
    storage.write = (request, build) =>
      write(request, (context) => {
        const built = build(context);
        this.locks += 1;
        this.mutations += built.batch?.mutationResults.size ?? 0;
        return built;
      });
    return storage;
  }
}

async function measure(label: string, url: string, setup: RelaySetup, count: WriteCount, notes: string[]): Promise<PgFigures> {
  count.locks = 0;
  count.mutations = 0;
  const throughput = await runLoad<ThroughputResult>(loadOf(setup, url));
  const perLock = count.mutations / count.locks;
  const rtt = await runLoad<LatencyResult>(rttOf(setup, url));
  log(`${label}: throughput ${JSON.stringify(throughput)}, ${perLock.toFixed(1)} mutations per write lock | rtt ${JSON.stringify(rtt)}`);
  if (throughput.firstError) notes.push(`${label} throughput: relay rejected ${throughput.rejected} (${throughput.firstError})`);
  if (rtt.firstError) notes.push(`${label} rtt: relay failures ${rtt.missed} (${rtt.firstError})`);
  return { throughput, perLock, rtt };
}

async function onOneNode(server: LocalPostgres, notes: string[]): Promise<PgFigures> {
  const count = new WriteCount();
  const storage = count.watch(await openPgStorage(await server.createDatabase('bench_one_node')));
  return withRelay({ storage, liaisons: 0 }, (setup) => measure('PostgreSQL, 1 node', setup.relay.url, setup, count, notes));
}

/** The balancer's process, spreading connections over `ports`; resolves once it listens. */
async function startBalancer(ports: readonly number[]): Promise<{ readonly url: string; stop(): void }> {
  const child = fork(fileURLToPath(new URL('./balancer-process.js', import.meta.url)), [], { stdio: 'inherit' });
  const listening = new Promise<number>((resolve, reject) => {
    child.once('message', resolve as never);
    child.once('exit', (code) => reject(new Error(`the balancer exited with ${code}`)));
  });
  child.send(ports);
  return { url: `http://127.0.0.1:${await listening}`, stop: () => child.kill() };
}

/** Users enrolled on node A; their tokens work on both, the database being one. */
async function onTwoNodes(server: LocalPostgres, notes: string[]): Promise<PgFigures> {
  const url = await server.createDatabase('bench_two_nodes');
  const count = new WriteCount();
  return withRelay({ storage: count.watch(await openPgStorage(url)), liaisons: 0 }, async (a) => {
    const b = await startBenchRelay(a.dataDir, { storage: count.watch(await openPgStorage(url)) });
    try {
      const balancer = await startBalancer([a.relay.port, b.port]);
      try {
        return await measure('PostgreSQL, 2 nodes', balancer.url, a, count, notes);
      } finally {
        balancer.stop();
      }
    } finally {
      await b.close();
    }
  });
}

function rowsOf(sqlite: SqliteFigures, one: PgFigures, two: PgFigures): Row[] {
  const bare = sqlite.bare.perSecond;
  const vsSqlite = one.throughput.perSecond / sqlite.throughput.perSecond;
  const perLock = (figures: PgFigures) => `${figures.perLock.toFixed(1)} mutations per write lock`;
  const oneNode = (text: string) => `${text} (1 node)`;
  return [
    {
      figure: `1. durable mutations/s, 1/push, PostgreSQL 1 node: ${vsSqlite.toFixed(2)}x SQLite, ${perLock(one)}`,
      relay: fmtRate(one.throughput.perSecond),
      baseline: fmtRate(bare),
      ratio: one.throughput.perSecond / bare,
      target: `>= ${MIN_VS_SQLITE}x SQLite`,
      pass: vsSqlite >= MIN_VS_SQLITE,
    },
    {
      figure: `2. ack round trip p50, PostgreSQL 1 node (n=${one.rtt.count}/${sqlite.echo.count})`,
      relay: fmtMs(one.rtt.p50),
      baseline: fmtMs(sqlite.echo.p50),
      ratio: one.rtt.p50 / sqlite.echo.p50,
      target: '(info)',
      pass: null,
    },
    {
      figure: '2. ack round trip p99, PostgreSQL 1 node',
      relay: fmtMs(one.rtt.p99),
      baseline: fmtMs(sqlite.echo.p99),
      ratio: one.rtt.p99 / sqlite.echo.p99,
      target: `<= ${MAX_P99_VS_ECHO}x`,
      pass: one.rtt.p99 / sqlite.echo.p99 <= MAX_P99_VS_ECHO,
    },
    {
      figure: `1. durable mutations/s, 1/push, PostgreSQL 2 nodes, one balancer: ${(two.throughput.perSecond / bare).toFixed(2)}x bare, ${perLock(two)}`,
      relay: fmtRate(two.throughput.perSecond),
      baseline: oneNode(fmtRate(one.throughput.perSecond)),
      ratio: two.throughput.perSecond / one.throughput.perSecond,
      target: '(info)',
      pass: null,
    },
    {
      figure: `2. ack round trip p50, PostgreSQL 2 nodes (n=${two.rtt.count}/${one.rtt.count})`,
      relay: fmtMs(two.rtt.p50),
      baseline: oneNode(fmtMs(one.rtt.p50)),
      ratio: two.rtt.p50 / one.rtt.p50,
      target: '(info)',
      pass: null,
    },
    {
      figure: `2. ack round trip p99, PostgreSQL 2 nodes: ${(two.rtt.p99 / sqlite.echo.p99).toFixed(2)}x echo`,
      relay: fmtMs(two.rtt.p99),
      baseline: oneNode(fmtMs(one.rtt.p99)),
      ratio: two.rtt.p99 / one.rtt.p99,
      target: '(info)',
      pass: null,
    },
  ];
}

/** The PostgreSQL rows, or none and a note saying why when no PostgreSQL server can be started here. */
export async function measurePostgres(sqlite: SqliteFigures): Promise<{ rows: Row[]; notes: string[] }> {
  let server: LocalPostgres;
  try {
    server = await LocalPostgres.start();
  } catch (error) {
    const reason = `PostgreSQL rows skipped: ${(error as Error).message}`;
    log(reason);
    return { rows: [], notes: [reason] };
  }
  try {
    const notes: string[] = [];
    const one = await onOneNode(server, notes);
    const two = await onTwoNodes(server, notes);
    return { rows: rowsOf(sqlite, one, two), notes };
  } finally {
    await server.stop();
  }
}
