/**
 * A real `relay serve` process from the sources, with its metrics listener on a free port, and
 * what a scraper does with it: fetch `/metrics` over HTTP and read the exposition.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { stopProcess } from '../stop-process.js';
import { waitFor } from '../wait-for.js';
import { Exposition } from './exposition.js';

const relayDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliArgs = ['--conditions=@contact-desk/source', '--import', 'tsx', join(relayDir, 'src', 'cli', 'run.ts')];

export class ServedRelay {
  private constructor(
    private readonly child: ChildProcess,
    readonly dataDir: string,
    /** The main port's address. */
    readonly url: string,
    /** The metrics listener's `…/metrics`. */
    readonly metricsUrl: string,
  ) {}

  /** `relay serve --port 0 --metrics-port 0` on a new data folder; resolves once it listens. */
  static async start(env: Readonly<Record<string, string>> = {}): Promise<ServedRelay> {
    const dataDir = mkdtempSync(join(tmpdir(), 'relay-metrics-'));
    const child = spawn(process.execPath, [...cliArgs, 'serve', '--data-dir', dataDir, '--port', '0', '--metrics-port', '0'], {
      cwd: relayDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'info', CONTACT_DESK_DEADLINE_CHECK_MS: '0', ...env },
    });
    const listening = await new Promise<{ url: string; metricsUrl: string }>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`relay did not start within 30 s: ${output}`)), 30_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((text) => text.includes('"relay listening"'));
        if (!line) return;
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string; metricsUrl: string });
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`relay exited with ${code}: ${output}`));
      });
    });
    return new ServedRelay(child, dataDir, listening.url, listening.metricsUrl);
  }

  /** Scrapes the metrics listener. */
  async scrape(): Promise<Exposition> {
    const response = await fetch(this.metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return Exposition.parse(await response.text());
  }

  /** Scrapes until `check` holds for an exposition, or fails after `timeoutMs`. */
  scrapeUntil(check: (metrics: Exposition) => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<Exposition> {
    return waitFor(
      async () => {
        const metrics = await this.scrape();
        return (await check(metrics)) && metrics;
      },
      `metrics showing ${what}`,
      timeoutMs,
      20,
    );
  }

  async stop(): Promise<void> {
    await stopProcess(this.child);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
