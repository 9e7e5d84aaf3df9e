import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, percentile } from '../src/index.js';

describe('percentile (nearest rank)', () => {
  it('is undefined for no values', () => {
    expect(percentile([], 90)).toBeUndefined();
    expect(median([])).toBeUndefined();
  });

  it('gives the only value of a one-value list at any rank', () => {
    expect(percentile([42], 1)).toBe(42);
    expect(percentile([42], 50)).toBe(42);
    expect(percentile([42], 100)).toBe(42);
  });

  it('follows the textbook example', () => {
    const values = [50, 15, 40, 20, 35];
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
    expect(values).toEqual([50, 15, 40, 20, 35]);
  });

  it('takes the lower middle value as the median of an even list', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  it('counts duplicates', () => {
    expect(percentile([1, 1, 1, 9], 75)).toBe(1);
    expect(percentile([1, 1, 1, 9], 76)).toBe(9);
  });

  it('is exact where p × n / 100 is a whole number (no floating-point rounding up)', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(hundred, 7)).toBe(7);
    expect(percentile(hundred, 55)).toBe(55);
    const fifty = Array.from({ length: 50 }, (_, index) => index + 1);
    expect(percentile(fifty, 14)).toBe(7);
  });

  it.each([0, -1, 100.5, 101, Number.NaN])('refuses p = %s', (p) => {
    expect(() => percentile([1, 2, 3], p)).toThrow(RangeError);
  });

  it('on 1..n, the p-th percentile is the rank ⌈p × n / 100⌉ computed in whole numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 100 }), (n, p) => {
        const values = Array.from({ length: n }, (_, index) => n - index);
        expect(percentile(values, p)).toBe(Math.floor((p * n + 99) / 100));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the smallest observed value with at least p% of the values at or below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const result = percentile(values, p);
          expect(values).toContain(result);
          const atOrBelow = values.filter((value) => value <= result!).length;
          const below = values.filter((value) => value < result!).length;
          expect(atOrBelow * 100).toBeGreaterThanOrEqual(p * values.length);
          expect(below * 100).toBeLessThan(p * values.length);
        },
      ),
    );
  });
});
