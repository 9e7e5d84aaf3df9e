import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drain,
  eachInSteps,
  mapInSteps,
  runInSlices,
  sortInSteps,
  STEP,
  type Work,
} from '../../src/renderer/src/features/common/sliced-work';

/** Pairs sorted by their first number only: the second tells whether equal ones kept their order. */
const byFirst = (a: readonly [number, number], b: readonly [number, number]) => a[0] - b[0];

describe('work in steps', () => {
  it('sorts as the native stable sort does, across runs and merges of any length', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 5 * STEP + 17 }), (keys) => {
        const pairs = keys.map((key, i) => [key, i] as const);
        expect(drain(sortInSteps(pairs, byFirst))).toEqual([...pairs].sort(byFirst));
      }),
      { numRuns: 60 },
    );
  });

  it('leaves the items given as they were, and pauses between runs', () => {
    const items = Array.from({ length: 3 * STEP }, (_, i) => 3 * STEP - i);
    const copy = [...items];
    const work = sortInSteps(items, (a, b) => a - b);
    let pauses = 0;
    for (let step = work.next(); !step.done; step = work.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(items).toEqual(copy);
  });

  it('maps every item with its index', () => {
    expect(drain(mapInSteps(['a', 'b', 'c'], (item, i) => `${item}${i}`))).toEqual(['a0', 'b1', 'c2']);
  });

  it('visits every item in order, with a pause after every few thousand', () => {
    const items = Array.from({ length: 2 * STEP + 1 }, (_, i) => i);
    const seen: number[] = [];
    const work = eachInSteps(new Set(items), (item) => seen.push(item));
    const seenAtPauses: number[] = [];
    for (let step = work.next(); !step.done; step = work.next()) seenAtPauses.push(seen.length);
    expect(seenAtPauses).toEqual([STEP, 2 * STEP]);
    expect(seen).toEqual(items);
  });

  it('in slices: runs nothing within the caller’s task, and nothing at all when aborted before its turn', async () => {
    let steps = 0;
    function* count(): Work<number> {
      steps++;
      yield;
      return ++steps;
    }
    const running = runInSlices(count(), new AbortController().signal);
    expect(steps).toBe(0);
    expect(await running).toBe(2);

    steps = 0;
    const controller = new AbortController();
    const dropped = runInSlices(count(), controller.signal);
    controller.abort();
    expect(await dropped).toBeUndefined();
    expect(steps).toBe(0);
  });

  it('in slices: hands the event loop back between slices, and drops the work once aborted', async () => {
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    function* spin(ms: number, slices: number): Work<string> {
      for (let i = 0; i < slices; i++) {
        const until = performance.now() + ms;
        while (performance.now() < until) yield;
      }
      return 'done';
    }
    try {
      expect(await runInSlices(spin(3, 20), new AbortController().signal, 2)).toBe('done');
      expect(turns).toBeGreaterThan(0);

      const controller = new AbortController();
      const running = runInSlices(spin(5, 1_000), controller.signal, 1);
      controller.abort();
      expect(await running).toBeUndefined();
    } finally {
      clearInterval(ticker);
    }
  });
});
