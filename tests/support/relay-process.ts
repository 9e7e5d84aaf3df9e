import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopProcess } from '../../apps/relay/test/stop-process';

export const relayBin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps', 'relay', 'bin', 'relay.mjs');

// A port free right now on loopback, so a restarted relay can come back at the same address.
export { freePort } from '../../apps/relay/src/storage/pg/server-process';

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'contact-desk-sync-'));
}

/** Runs the relay's CLI on a data folder and returns what it printed. */
export function relayCli(dataDir: string, args: readonly string[]): string {
  const result = spawnSync(process.execPath, [relayBin, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`relay ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the relay's CLI without blocking the test's event loop (clients keep running meanwhile). */
export function runRelayCli(dataDir: string, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [relayBin, ...args, '--data-dir', dataDir], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** `runRelayCli` that throws unless the command succeeded; resolves to what it printed. */
export async function relayCliOk(dataDir: string, args: readonly string[]): Promise<string> {
  const result = await runRelayCli(dataDir, args);
  if (result.code !== 0) throw new Error(`relay ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Creates a user with the CLI and returns their one-time enrollment code. */
export function addUser(dataDir: string, name: string, role: string, platform?: string): string {
  return enrollmentCodeIn(relayCli(dataDir, userAddArgs(name, role, platform)));
}

/** `addUser` without blocking the test's event loop. */
export async function addUserAsync(dataDir: string, name: string, role: string, platform?: string): Promise<string> {
  return enrollmentCodeIn(await relayCliOk(dataDir, userAddArgs(name, role, platform)));
}

function userAddArgs(name: string, role: string, platform?: string): string[] {
  return ['user', 'add', '--name', name, '--role', role, ...(platform ? ['--platform', platform] : [])];
}

function enrollmentCodeIn(output: string): string {
  const code = /enrollment code: (\S+)/.exec(output)?.[1];
  if (!code) throw new Error(`no enrollment code in: ${output}`);
  return code;
}

/** A real relay process (`relay serve`) on a data folder. */
export class RelayProcess {
  private child: ChildProcess | undefined;

  constructor(
    readonly dataDir: string,
    readonly port: number,
    /** Extra `CONTACT_DESK_*` settings, e.g. limits raised for a load test. */
    private readonly env: Readonly<Record<string, string>> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [relayBin, 'serve', '--data-dir', this.dataDir, '--port', String(this.port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'info', CONTACT_DESK_DEADLINE_CHECK_MS: '0', ...this.env },
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('relay did not start within 30 s')), 30_000);
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('relay listening')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`relay exited with ${code}: ${output}`));
      });
    });
  }

  /** Stops the relay the way an operator would (SIGTERM), or kills it (SIGKILL: no flush, no cleanup). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child) await stopProcess(this.child, signal);
    this.child = undefined;
  }
}
