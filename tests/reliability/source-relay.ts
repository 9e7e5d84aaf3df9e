import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const relayDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps', 'relay');
/** The relay from its sources: the process runs what is in the tree, built or not. */
const relayArgs = ['--conditions=@contact-desk/source', '--import', 'tsx', join(relayDir, 'src', 'cli', 'run.ts')];

/** Load tests push far faster than a person: the per-device rate limit is raised out of the way. */
const LOAD_ENV = {
  LOG_LEVEL: 'info',
  CONTACT_DESK_DEADLINE_CHECK_MS: '0',
  CONTACT_DESK_MUTATIONS_PER_SECOND: '100000',
  CONTACT_DESK_MUTATION_BURST: '100000',
};

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `relay <args> --data-dir <dataDir>` without blocking the test's event loop. */
export function relayCli(dataDir: string, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...relayArgs, ...args, '--data-dir', dataDir], { cwd: relayDir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

export async function relayCliOk(dataDir: string, args: readonly string[]): Promise<string> {
  const result = await relayCli(dataDir, args);
  if (result.code !== 0) throw new Error(`relay ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Creates a user with the CLI and returns their one-time enrollment code. */
export async function addUser(dataDir: string, name: string, role: string, platform?: string): Promise<string> {
  const output = await relayCliOk(dataDir, ['user', 'add', '--name', name, '--role', role, ...(platform ? ['--platform', platform] : [])]);
  const code = /enrollment code: (\S+)/.exec(output)?.[1];
  if (!code) throw new Error(`no enrollment code in: ${output}`);
  return code;
}

/** `relay serve` as its own process, on a fixed port so clients find it again after a restart. */
export class SourceRelay {
  private child: ChildProcess | undefined;

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [...relayArgs, 'serve', '--data-dir', this.dataDir, '--port', String(this.port)], {
      cwd: relayDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...LOAD_ENV },
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

  /** SIGTERM stops it as an operator would; SIGKILL is a crash: no flush, no cleanup. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
    this.child = undefined;
  }
}
