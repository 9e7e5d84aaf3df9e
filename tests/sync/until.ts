import { waitFor } from '../../apps/relay/test/wait-for';

/**
 * The sync tests' bounded wait (the suites' one `waitFor`, checking every 20 ms): for what a test
 * can only observe by looking (a relay's table, an engine's status), never as a delay after which
 * something is presumed done.
 */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(condition, what, timeoutMs, 20);
}
