/**
 * The bounded wait of the test suites (the relay's, and the cross-package ones in tests/), on the
 * relay's own `waitUntil`: asks a probe until it gives a value, a few milliseconds apart, and fails
 * after `timeoutMs` naming what it waited for. It waits *for* something to become true; proving
 * that something did not happen takes an acknowledged barrier instead (a later answer on the same
 * connection, the log's head after an acknowledged write), never a wait that lets time pass.
 */
import { waitUntil } from '../src/storage/pg/server-process.js';

/** What a probe gives while the awaited thing is not there yet. */
type NotYet = undefined | false;

/**
 * Resolves with the first value `probe` gives other than undefined or false (it may answer
 * asynchronously: a fetch, a query). `what` names the awaited thing in the failure; given as a
 * function, it is asked then, to tell the last thing seen.
 */
export async function waitFor<T>(
  probe: () => T | NotYet | Promise<T | NotYet>,
  what: string | (() => string) = 'condition',
  timeoutMs = 10_000,
  everyMs = 5,
): Promise<Exclude<T, NotYet>> {
  let value: T | NotYet;
  const given = async () => {
    value = await probe();
    return value !== undefined && value !== false;
  };
  try {
    await waitUntil(given, typeof what === 'string' ? what : 'a condition', timeoutMs, everyMs);
  } catch (error) {
    if (typeof what === 'string') throw error;
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`, { cause: error });
  }
  return value as Exclude<T, NotYet>;
}
