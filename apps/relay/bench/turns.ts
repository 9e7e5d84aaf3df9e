import type { LatencyResult, ThroughputResult } from './tasks.js';

/** The faster of two throughput runs. */
export const faster = <T extends ThroughputResult>(a: T, b: T): T => (b.perSecond > a.perSecond ? b : a);

/** The run of lower p99. */
export const lowerP99 = (a: LatencyResult, b: LatencyResult): LatencyResult => (b.p99 < a.p99 ? b : a);

/**
 * Measures each side `rounds` times in turns, the side that goes first changing every round, and
 * keeps each side's best: noise on a shared machine, or going first, then favours neither side.
 */
export async function bestInTurns<K extends string, T>(
  rounds: number,
  sides: Readonly<Record<K, () => Promise<T>>>,
  best: (a: T, b: T) => T,
): Promise<Record<K, T>> {
  const names = Object.keys(sides) as K[];
  const kept = new Map<K, T>();
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const result = await sides[name]();
      const earlier = kept.get(name);
      kept.set(name, earlier === undefined ? result : best(earlier, result));
    }
  }
  return Object.fromEntries(kept) as Record<K, T>;
}
