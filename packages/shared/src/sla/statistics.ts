/**
 * Percentile by the nearest-rank method: the smallest value such that at least p% of the values
 * are at or below it. Chosen because every figure it gives is an observed time that both sides
 * can find in the log. Undefined for an empty list.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  // p × n first: (p / 100) × n rounds 7 × 100 to 7.000000000000001, a rank too far.
  const rank = Math.ceil((p * sorted.length) / 100);
  return sorted[rank - 1];
}

export function median(values: readonly number[]): number | undefined {
  return percentile(values, 50);
}
