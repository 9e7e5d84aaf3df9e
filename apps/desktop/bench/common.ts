/** Small helpers shared by the figures: timing, bounded waits, statistics. */
export const now = (): number => performance.now();

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Polls `condition` every `everyMs` until true, or throws after `timeoutMs` (bounded in time and count). */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 5): Promise<void> {
  const start = Date.now();
  const maxPolls = Math.ceil(timeoutMs / everyMs) + 10;
  for (let i = 0; i < maxPolls; i++) {
    if (await condition()) return;
    if (Date.now() - start > timeoutMs) break;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

export interface Figure {
  readonly figure: string;
  /** Contact Desk's figure, in ms (or null when it could not be measured). */
  readonly value: number | null;
  readonly baseline: number | null;
  readonly baselineLabel: string;
  /** Target in ms for `value` (lower is better), or null when there is none. */
  readonly targetMs: number | null;
  readonly note?: string;
}

export const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};
