/**
 * `relay serve` and the rest of the CLI as real processes, from the sources (so a test runs what
 * is in the tree, built or not), with the relay's JSON log lines kept for the test to wait on.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopProcess, type Stopped } from './stop-process.js';

export const relayDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliArgs = ['--conditions=@contact-desk/source', '--import', 'tsx', join(relayDir, 'src', 'cli', 'run.ts')];

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment a relay process gets: this one's, without the settings a developer may have exported. */
function cleanEnv(env: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CONTACT_DESK_')));
  return { ...inherited, LOG_LEVEL: 'info', CONTACT_DESK_DEADLINE_CHECK_MS: '0', ...env };
}

export function runCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...cliArgs, ...args], { cwd: relayDir, env: cleanEnv(env) }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

export type LogLine = Record<string, unknown> & { msg?: string };

export class ServeProcess {
  readonly lines: LogLine[] = [];
  private readonly waiters = new Set<() => void>();
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /** Starts `relay serve <args>` and resolves once it listens; rejects with its output if it exits first. */
  static start(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<ServeProcess> {
    const child = spawn(process.execPath, [...cliArgs, 'serve', ...args], {
      cwd: relayDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cleanEnv(env),
    });
    return new Promise((resolve, reject) => {
      let relay: ServeProcess | undefined;
      let text = '';
      child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const url = /"url":"(https?:\/\/[^"]+)".*"msg":"relay listening"/.exec(text)?.[1];
        if (url && !relay) {
          relay = new ServeProcess(child, url);
          relay.read(text);
          child.stdout?.on('data', (more: Buffer) => relay?.read(more.toString()));
          resolve(relay);
        }
      });
      child.once('exit', (code) => reject(new Error(`relay exited with ${code}: ${text}`)));
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  private read(text: string): void {
    this.output += text;
    const complete = this.output.split('\n');
    this.output = complete.pop() ?? '';
    for (const line of complete) {
      try {
        this.lines.push(JSON.parse(line) as LogLine);
      } catch {
        this.lines.push({ msg: line });
      }
    }
    for (const wake of this.waiters) wake();
  }

  /** The first log line (counting from `from`) with this message, once the relay writes it. */
  waitForLog(msg: string, from = 0, timeoutMs = 10_000): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.lines.slice(from).find((line) => line.msg === msg);
        if (!found) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no "${msg}" in the relay's log within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Sends SIGTERM (or another signal) and resolves with the exit code and how long the relay took. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<Stopped> {
    return stopProcess(this.child, signal);
  }
}
