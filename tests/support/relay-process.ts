import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const relayBin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps', 'relay', 'bin', 'relay.mjs');

/** A port free right now on loopback, so a restarted relay can come back at the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'contact-desk-sync-'));
}

/** Runs the relay's CLI on a data folder and returns what it printed. */
export function relayCli(dataDir: string, args: readonly string[]): string {
  const result = spawnSync(process.execPath, [relayBin, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`relay ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Creates a user with the CLI and returns their one-time enrollment code. */
export function addUser(dataDir: string, name: string, role: string, platform?: string): string {
  const output = relayCli(dataDir, ['user', 'add', '--name', name, '--role', role, ...(platform ? ['--platform', platform] : [])]);
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
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [relayBin, 'serve', '--data-dir', this.dataDir, '--port', String(this.port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'info', CONTACT_DESK_DEADLINE_CHECK_MS: '0' },
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('relay did not start within 15 s')), 15_000);
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('relay listening')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`relay exited with ${code}`));
      });
    });
  }

  /** Stops the relay the way an operator would (SIGTERM), or kills it (SIGKILL). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
    this.child = undefined;
  }
}
