import { table } from '../src/cli/admin-actions.js';

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
