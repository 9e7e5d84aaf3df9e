/**
 * What the deployment tests share: the relay bundle built as an operator builds it, relay
 * processes started from a command line with their JSON log kept, and a device enrolled and
 * connected through whatever stands in front of the relay.
 */
import { PROTOCOL_VERSION } from '@contact-desk/shared';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { stopProcess, type Stopped } from '../../apps/relay/test/stop-process';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `contact-desk-${prefix}-`));
}

/** The environment of a process that must not lean on this checkout or on a developer's settings. */
export function isolatedEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(CONTACT_DESK_|NODE_|LOG_LEVEL$)/.test(name)));
  return { ...kept, ...extra };
}

export interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(command, args, { ...options, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** `scripts/relay-bundle.mjs` into a new folder; resolves with the folder and how long it took. */
export async function buildBundle(): Promise<{ dir: string; ms: number }> {
  const dir = join(tempDir('bundle'), 'relay');
  const started = Date.now();
  const result = await run(process.execPath, [join(repoRoot, 'scripts', 'relay-bundle.mjs'), dir], { cwd: repoRoot });
  if (result.code !== 0) throw new Error(`relay-bundle failed: ${result.stderr}${result.stdout}`);
  return { dir, ms: Date.now() - started };
}

export type LogLine = Record<string, unknown> & { msg?: string };

/** A relay process started from a command line, once it logged "relay listening". */
export class LoggedRelay {
  readonly lines: LogLine[] = [];

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static start(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<LoggedRelay> {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve, reject) => {
      let text = '';
      let relay: LoggedRelay | undefined;
      const timer = setTimeout(() => reject(new Error(`the relay did not listen within 60 s: ${text}`)), 60_000);
      const read = (chunk: Buffer) => {
        text += chunk.toString();
        const lines = text.split('\n');
        text = lines.pop() ?? '';
        for (const line of lines) {
          let parsed: LogLine;
          try {
            parsed = JSON.parse(line) as LogLine;
          } catch {
            parsed = { msg: line };
          }
          if (!relay && parsed.msg === 'relay listening' && typeof parsed.url === 'string') {
            relay = new LoggedRelay(child, parsed.url);
            clearTimeout(timer);
            resolve(relay);
          }
          relay?.lines.push(parsed);
        }
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the relay exited (${code ?? signal}) before listening: ${text}`));
      });
    });
  }

  /** Sends the signal and resolves with the exit code and the time the relay took to exit. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<Stopped> {
    return stopProcess(this.child, signal);
  }
}

/** The enrollment code `relay user add` printed. */
export function enrollmentCode(output: string): string {
  const code = /enrollment code: (\S+)/.exec(output)?.[1];
  if (!code) throw new Error(`no enrollment code in: ${output}`);
  return code;
}

/** Exchanges a code for a device token at `url` (the relay, or a proxy in front of it). */
export async function enroll(url: string, code: string): Promise<string> {
  const response = await fetch(`${url}/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceLabel: 'deployment test' }),
  });
  const body = (await response.json()) as { ok: boolean; token?: string };
  if (!body.ok || !body.token) throw new Error(`enrollment answered ${response.status}: ${JSON.stringify(body)}`);
  return body.token;
}

/** Connects a device over WebSocket only, as the app does, and pulls once: resolves with what the pull said. */
export function connectAndPull(
  url: string,
  token: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<{ ok: boolean }> {
  const socket = io(url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...options,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
    socket.once('connect', () => {
      socket
        .timeout(10_000)
        .emitWithAck('pull', { afterSeq: 0 })
        .then((answer: { ok: boolean }) => resolve(answer), reject)
        .finally(() => socket.disconnect());
    });
  });
}
