/**
 * Waits for `condition` to hold, checking it again every 20 ms, and fails naming `what` when it
 * has not held within `timeoutMs`: for what a test can only observe by looking (a relay's table,
 * an engine's status), never as a delay after which something is presumed done.
 */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
