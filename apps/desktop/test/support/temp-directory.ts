import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/**
 * A new folder in the system's temporary one for each test of the calling `describe` (or, with
 * `perTest: false`, one for all of them), removed with its content afterwards. Returns how to
 * get the current one from inside a test.
 */
export function tempDirectory(prefix: string, { perTest = true } = {}): () => string {
  let directory: string | undefined;
  (perTest ? beforeEach : beforeAll)(async () => {
    directory = await mkdtemp(join(tmpdir(), prefix));
  });
  (perTest ? afterEach : afterAll)(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
    directory = undefined;
  });
  return () => {
    if (!directory) throw new Error(`no ${prefix} folder outside a test`);
    return directory;
  };
}
