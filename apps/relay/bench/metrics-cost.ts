/**
 * What counting costs: figure 1's load on a relay with its metrics on — scraped every second
 * while the load runs, far more often than Prometheus would — against a relay set up the same way
 * with them off, in the same run. Measured in turns (off, on, then on, off), each side keeping its
 * better round, so that noise on a shared machine, or going first, does not favour one side.
 */
import { log, runLoad } from './load.js';
import { loadOf, withRelay } from './relay-setup.js';
import type { ThroughputResult } from './tasks.js';
import { bestInTurns, faster } from './turns.js';

const ROUNDS = 2;
const SCRAPE_EVERY_MS = 1_000;

export interface MetricsCost {
  readonly off: ThroughputResult;
  readonly on: ThroughputResult;
  /** Scrapes answered during the rounds with metrics on. */
  readonly scrapes: number;
}

export function measureMetricsCost(): Promise<MetricsCost> {
  return withRelay({ liaisons: 8 }, (on) =>
    withRelay({ metrics: false, liaisons: 8 }, async (off) => {
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
      const best = await bestInTurns(ROUNDS, { off: () => runLoad<ThroughputResult>(loadOf(off)), on: scraped }, faster);
      log(`metrics: off ${Math.round(best.off.perSecond)}/s, on ${Math.round(best.on.perSecond)}/s (${scrapes} scrapes)`);
      return { off: best.off, on: best.on, scrapes };
    }),
  );
}
