import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CLIENT_PROGRAMS, findPgPrograms } from './server-binaries.js';
import { programConnection, redact } from './pg-url.js';

/** How the dumps and restores of the relay's commands show in `pg_stat_activity`. */
export const TOOLS_APPLICATION_NAME = 'contact-desk-backup';

/**
 * Runs pg_dump or pg_restore (from CONTACT_DESK_PG_BIN, or the newest PostgreSQL installed) on
 * the database at `url`. The password goes in the child's environment, never on its command line;
 * whatever the program says on failure comes back with the URL and password masked.
 */
export async function runPgTool(program: 'pg_dump' | 'pg_restore', args: readonly string[], url: string): Promise<void> {
  const binDir = findPgPrograms(CLIENT_PROGRAMS);
  const { dbname, env } = programConnection(url);
  const child = spawn(join(binDir, program), [...args, `--dbname=${dbname}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env, PGAPPNAME: TOOLS_APPLICATION_NAME },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | string>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode, signal) => resolve(exitCode ?? signal ?? 'unknown'));
  });
  if (code !== 0) {
    const said = stderr.trim().split('\n').slice(0, 5).join(' / ');
    throw new Error(`${program} failed (${code}): ${redact(said, url) || 'no message'}`);
  }
}
