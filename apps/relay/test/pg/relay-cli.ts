/** The relay's command line from its sources, as a separate process, for the tests of the operations commands. */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const relayDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CLI from its sources, so the test runs what is in the tree, built or not. */
const cliArgs = ['--conditions=@contact-desk/source', '--import', 'tsx', join(relayDir, 'src', 'cli', 'run.ts')];

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `relay <args>` without blocking this process; the database URL only when `env` gives it. */
export function relayCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  const { CONTACT_DESK_DATABASE_URL: _inherited, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [...cliArgs, ...args], { cwd: relayDir, env: { ...inherited, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** `relayCli` that must succeed: its output. */
export async function relayCliOk(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<string> {
  const result = await relayCli(args, env);
  if (result.code !== 0) throw new Error(`relay ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}
