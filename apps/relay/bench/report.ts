import { table } from '../src/cli/admin-actions.js';
import type { ThroughputResult } from './tasks.js';

/** One line of the bench's table: a figure of the relay beside its baseline. */
export interface Row {
  readonly figure: string;
  readonly relay: string;
  readonly baseline: string;
  readonly ratio: number;
  readonly target: string;
  /** Null for a figure reported for information. */
  readonly pass: boolean | null;
}

export const fmtRate = (n: number) => `${Math.round(n).toLocaleString('en-US')} /s`;
export const fmtMs = (n: number) => `${n.toFixed(2)} ms`;

export function printTable(rows: readonly Row[], notes: readonly string[]): void {
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
        row.pass === null ? '' : row.pass ? 'meets' : 'MISSES',
      ]),
    ]),
  );
  for (const note of notes) console.log(`note: ${note}`);
}

/** Microseconds of the server's CPU per mutation over a throughput window (null when not timed). */
function cpuMicrosPerMutation(result: ThroughputResult): number | null {
  return result.serverCpuShare === null || result.perSecond === 0 ? null : (result.serverCpuShare / result.perSecond) * 1e6;
}

const fmtMicros = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(1)} us`);

/**
 * The server's CPU per mutation beside the bare server's per ack, for information: it does not
 * depend on how much of the machine the load process took, which the rates do.
 */
export function cpuPerMutationRow(figure: string, real: ThroughputResult, base: ThroughputResult): Row {
  const relay = cpuMicrosPerMutation(real);
  const bare = cpuMicrosPerMutation(base);
  return {
    figure,
    relay: fmtMicros(relay),
    baseline: fmtMicros(bare),
    ratio: relay === null || bare === null ? Number.NaN : relay / bare,
    target: '(info)',
    pass: null,
  };
}

/** The load process takes about a core of its own: above 0.9, a rate measures the load as much as the server. */
export function saturatedLoad(figure: string, results: Readonly<Record<string, ThroughputResult>>): string[] {
  return Object.entries(results).flatMap(([name, result]) =>
    result.loadCpuShare > 0.9
      ? [`${figure}: the load process was busy ${Math.round(result.loadCpuShare * 100)}% of a core against the ${name} server`]
      : [],
  );
}
