/**
 * Work over the whole queue (100k requests) split so the page never freezes: a computation is a
 * generator that yields at points where it may pause; `runInSlices` runs it for a few
 * milliseconds at a time and hands the event loop back in between (input, paint), `drain` runs
 * it at once when it is small.
 */
export type Work<T> = Generator<void, T, void>;

/**
 * Up to this many requests, work over the whole desk runs at once: a small desk (and the
 * end-to-end tests) sees every change in the same render. Beyond, it runs in slices.
 */
export const AT_ONCE = 5_000;

/** Whether work over these requests runs at once (see `AT_ONCE`). */
export const fewRequests = (input: { readonly requests: ReadonlyMap<string, unknown> }): boolean => input.requests.size <= AT_ONCE;

/** How long a slice runs before the page gets the event loop back. */
export const SLICE_MS = 8;

/** Runs the work to its end, without pausing. */
export function drain<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Resolves on the next turn of the event loop, after input and rendering (not clamped like timers). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Runs the work in slices of about `sliceMs`, the first one on the next turn too (not within the
 * caller's task: a render that starts several of them stays short); resolves with its result, or
 * with undefined once `signal` is aborted (the work is then dropped at its next pause).
 */
export async function runInSlices<T>(work: Work<T>, signal: AbortSignal, sliceMs = SLICE_MS): Promise<T | undefined> {
  for (;;) {
    await nextTurn();
    const until = performance.now() + sliceMs;
    for (;;) {
      if (signal.aborted) return undefined;
      const step = work.next();
      if (step.done) return step.value;
      if (performance.now() >= until) break;
    }
  }
}

/** How many elements a step handles between two possible pauses. */
export const STEP = 2_048;

/** `items` mapped, with a possible pause every few thousand. */
export function* mapInSteps<T, U>(items: readonly T[], map: (item: T, index: number) => U): Work<U[]> {
  const out: U[] = new Array(items.length);
  for (let from = 0; from < items.length; from += STEP) {
    const to = Math.min(items.length, from + STEP);
    for (let i = from; i < to; i++) out[i] = map(items[i]!, i);
    yield;
  }
  return out;
}

/** Visits every item in order, with a possible pause every few thousand. */
export function* eachInSteps<T>(items: Iterable<T>, visit: (item: T) => void): Work<void> {
  let visited = 0;
  for (const item of items) {
    visit(item);
    if (++visited % STEP === 0) yield;
  }
}

/**
 * A stable sort in steps: runs of a few thousand sorted natively, then merged pairwise, with a
 * possible pause between runs and within merges. Same order as `[...items].sort(compare)`.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Work<T[]> {
  let from: T[] = items.slice();
  for (let start = 0; start < from.length; start += STEP) {
    const run = from.slice(start, start + STEP).sort(compare);
    for (let i = 0; i < run.length; i++) from[start + i] = run[i]!;
    yield;
  }
  let to: T[] = new Array(from.length);
  for (let width = STEP; width < from.length; width *= 2) {
    for (let left = 0; left < from.length; left += 2 * width) {
      const middle = Math.min(left + width, from.length);
      const end = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = middle;
      for (let k = left; k < end; k++) {
        // Stable: on a tie the element of the left run goes first.
        to[k] = j >= end || (i < middle && compare(from[i]!, from[j]!) <= 0) ? from[i++]! : from[j++]!;
        if ((k - left) % STEP === STEP - 1) yield;
      }
    }
    [from, to] = [to, from];
    yield;
  }
  return from;
}
