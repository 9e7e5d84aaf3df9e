/**
 * What counting costs: figure 1's load on a relay with its metrics on — scraped every second
 * while the load runs, far more often than Prometheus would — against a relay set up the same way
 * with them off, in the same run. Measured in turns (off, on, then on, off), each side keeping its
 * better round, so that noise on a shared machine, or going first, does not favour one side.
 */
import { rmSync } from 'node:fs';
import { log, runLoad } from './load.js';
import { loadOf, setUpRelay, type RelaySetup } from './relay-setup.js';
import type { ThroughputResult } from './tasks.js';

const ROUNDS = 2;
const SCRAPE_EVERY_MS = 1_000;

export interface MetricsCost {
  readonly off: ThroughputResult;
  readonly on: ThroughputResult;
  /** Scrapes answered during the rounds with metrics on. */
  readonly scrapes: number;
}

const better = (a: ThroughputResult, b: ThroughputResult) => (b.perSecond > a.perSecond ? b : a);

export async function measureMetricsCost(): Promise<MetricsCost> {
  const on = await setUpRelay({ liaisons: 8 });
  const off = await setUpRelay({ metrics: false, liaisons: 8 });
  const metrics = on.relay.metrics;
  if (!metrics) throw new Error('the relay measured with metrics on has none');
  let scrapes = 0;
  const scraped = async () => {
    const timer = setInterval(() => void metrics.exposition().then(() => (scrapes += 1)), SCRAPE_EVERY_MS);
    try {
      return await runLoad<ThroughputResult>(loadOf(on));
    } finally {
      clearInterval(timer);
    }
  };
  try {
    const rounds = { off: [] as ThroughputResult[], on: [] as ThroughputResult[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Each side goes first in turn.
      const turns = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
      for (const side of turns) rounds[side].push(side === 'on' ? await scraped() : await runLoad<ThroughputResult>(loadOf(off)));
    }
    const offBest = rounds.off.reduce(better);
    const onBest = rounds.on.reduce(better);
    log(`metrics: off ${Math.round(offBest.perSecond)}/s, on ${Math.round(onBest.perSecond)}/s (${scrapes} scrapes)`);
    return { off: offBest, on: onBest, scrapes };
  } finally {
    for (const setup of [on, off] satisfies RelaySetup[]) {
      await setup.relay.close();
      rmSync(setup.dataDir, { recursive: true, force: true });
    }
  }
}
