/**
 * The relay benchmark. Each figure of the real relay is measured beside a bare baseline in the
 * same run, with the same client code (a separate load process, loopback only):
 *   1. durable mutations/s from pipelining clients vs a Socket.IO server that only acks;
 *   2. ack round-trip of single sequential pushes vs a "durable echo" (one SQLite FULL insert);
 *   1–2 again on PostgreSQL, one node then two behind one balancer, vs the same baselines;
 *   3. live broadcast latency to 200 clients vs a bare Socket.IO room broadcast;
 *   4–6. throughput and ack round trip with outreach (mail and webhooks) on, vs the same off;
 *   7. throughput with the relay's metrics counted and scraped, vs the same relay counting nothing.
 * `node dist/bench/run-all.js 1 2 3` runs those figures only (names: 1, 2, pg, 3, outreach, metrics).
 */
import { withBare } from './baselines.js';
import { log, runLoad } from './load.js';
import { measureMetricsCost } from './metrics-cost.js';
import { measureOutreach } from './outreach-run.js';
import { measurePostgres } from './postgres-run.js';
import { BROADCAST_CLIENTS, CLIENTS, setUpRelay, tearDown } from './relay-setup.js';
import { cpuPerMutationRow, fmtMs, fmtRate, printTable, saturatedLoad, type Row } from './report.js';
import { rttTask, throughputTask, type LatencyResult, type ThroughputResult } from './tasks.js';

/** The figures named on the command line (`1`, `2`, `pg` — needs 1 and 2 —, `3`, `outreach`, `metrics`); all by default. */
const chosen = new Set(process.argv.slice(2));
const selected = (figure: string) => chosen.size === 0 || chosen.has(figure);

async function main(): Promise<number> {
  const setup = await setUpRelay();
  const { relay } = setup;
  log(`relay ${relay.url}: ${setup.operatorTokens.length} operators, ${setup.liaisonTokens.length} liaisons enrolled`);
  const rows: Row[] = [];
  const notes: string[] = [];
  let exitCode = 0;
  let onePerPush: { real: ThroughputResult; base: ThroughputResult } | undefined;
  let echo: LatencyResult | undefined;
  try {
    if (selected('1')) {
      // 1. Throughput.
      const bareTokens = Array.from({ length: CLIENTS }, () => 'bare-token-0000');
      for (const perPush of [1, 10]) {
        const task = (url: string, tokens: readonly string[]) => throughputTask(url, tokens, setup.requestIds, perPush);
        const base = await withBare('ack', (url) => runLoad<ThroughputResult>(task(url, bareTokens)));
        const real = await runLoad<ThroughputResult>(task(relay.url, setup.operatorTokens.slice(0, CLIENTS)));
        log(`throughput x${perPush}: relay ${JSON.stringify(real)} | bare ${JSON.stringify(base)}`);
        if (real.firstError) notes.push(`throughput x${perPush}: relay rejected ${real.rejected} (${real.firstError})`);
        if (perPush === 1) onePerPush = { real, base };
        const ratio = real.perSecond / base.perSecond;
        rows.push({
          figure: `1. durable mutations/s, ${CLIENTS} clients x ${task('', []).inFlight} in flight, ${perPush}/push, SQLite`,
          relay: fmtRate(real.perSecond),
          baseline: fmtRate(base.perSecond),
          ratio,
          target: perPush === 1 ? '>= 20,000/s, ratio >= 0.3' : 'ratio >= 0.2',
          pass: perPush === 1 ? real.perSecond >= 20_000 && ratio >= 0.3 : ratio >= 0.2,
        });
        rows.push(cpuPerMutationRow(`1. server CPU per mutation, ${perPush}/push`, real, base));
        notes.push(...saturatedLoad(`throughput x${perPush}`, { relay: real, bare: base }));
      }
    }

    if (selected('2')) {
      // 2. Ack round trip, one push in flight.
      const requestId = setup.requestIds[0] ?? '';
      echo = await withBare('durable', (url) => runLoad<LatencyResult>(rttTask(url, 'bare-token-0000', requestId)));
      const single = await runLoad<LatencyResult>(rttTask(relay.url, setup.operatorTokens[CLIENTS] ?? '', requestId));
      log(`rtt: relay ${JSON.stringify(single)} | echo ${JSON.stringify(echo)}`);
      if (single.firstError) notes.push(`rtt: relay failures ${single.missed} (${single.firstError})`);
      rows.push({
        figure: `2. ack round trip p50, SQLite (n=${single.count}/${echo.count})`,
        relay: fmtMs(single.p50),
        baseline: fmtMs(echo.p50),
        ratio: single.p50 / echo.p50,
        target: '(info)',
        pass: null,
      });
      rows.push({
        figure: '2. ack round trip p99, SQLite',
        relay: fmtMs(single.p99),
        baseline: fmtMs(echo.p99),
        ratio: single.p99 / echo.p99,
        target: '<= 1.5x',
        pass: single.p99 / echo.p99 <= 1.5,
      });
    }

    // 1–2 on PostgreSQL, one node then two, beside the same baselines (skipped when it cannot be run here).
    if (onePerPush && echo && selected('pg')) {
      try {
        const pg = await measurePostgres({ throughput: onePerPush.real, bare: onePerPush.base, echo });
        rows.push(...pg.rows);
        notes.push(...pg.notes);
      } catch (error) {
        log(`PostgreSQL figures failed: ${String(error)}`);
        notes.push(`PostgreSQL figures failed: ${(error as Error).message}`);
        exitCode = 1;
      }
    }

    if (selected('3')) {
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
      const bcReal = await runLoad<LatencyResult>(broadcastTask(relay.url, setup.operatorTokens[CLIENTS] ?? '', setup.liaisonTokens));
      log(`broadcast: relay ${JSON.stringify(bcReal)} | bare ${JSON.stringify(bcBase)}`);
      if (bcReal.missed > 0 || bcReal.firstError)
        notes.push(`broadcast: relay missed ${bcReal.missed} arrivals (${bcReal.firstError ?? 'no push error'})`);
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
    }

    if (selected('outreach')) {
      // 4–6. Outreach on (e-mail and three webhooks) against the same relay with it off.
      const outreach = await measureOutreach(setup);
      rows.push({
        figure: '4. durable mutations/s, outreach on (mail + 3 webhooks, default topics)',
        relay: fmtRate(outreach.on.perSecond),
        baseline: `${fmtRate(outreach.off.perSecond)} (off)`,
        ratio: outreach.on.perSecond / outreach.off.perSecond,
        target: '>= 0.9x',
        pass: outreach.on.perSecond / outreach.off.perSecond >= 0.9,
      });
      rows.push({
        figure: '5. ack round trip p99, outreach on',
        relay: fmtMs(outreach.rttOn.p99),
        baseline: `${fmtMs(outreach.rttOff.p99)} (off)`,
        ratio: outreach.rttOn.p99 / outreach.rttOff.p99,
        target: '<= 1.11x (0.9 of the speed)',
        pass: outreach.rttOn.p99 / outreach.rttOff.p99 <= 1 / 0.9,
      });
      rows.push({
        figure: `6. + a webhook following every comment: ${outreach.delivered} delivered, outbox empty ${(outreach.drainMs / 1000).toFixed(1)} s after`,
        relay: fmtRate(outreach.following.perSecond),
        baseline: `${fmtRate(outreach.off.perSecond)} (off)`,
        ratio: outreach.following.perSecond / outreach.off.perSecond,
        target: '(info)',
        pass: null,
      });
    }

    if (selected('metrics')) {
      // 7. Metrics on (scraped every second) against a relay set up the same way with them off.
      const metrics = await measureMetricsCost();
      rows.push({
        figure: `7. durable mutations/s, metrics on (${metrics.scrapes} scrapes, one a second)`,
        relay: fmtRate(metrics.on.perSecond),
        baseline: `${fmtRate(metrics.off.perSecond)} (off)`,
        ratio: metrics.on.perSecond / metrics.off.perSecond,
        target: '>= 0.9x',
        pass: metrics.on.perSecond / metrics.off.perSecond >= 0.9,
      });
    }
  } finally {
    await tearDown(setup);
  }

  printTable(rows, notes);
  log('done');
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
