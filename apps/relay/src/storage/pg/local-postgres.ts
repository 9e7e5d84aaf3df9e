import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findServerBinaries, serverAccount, type Account } from './server-binaries.js';
import { childrenOf, freePort, isRunning, signal, waitUntil } from './server-process.js';

export interface LocalPostgresOptions {
  /** The folder of initdb and postgres (default: `findServerBinaries()`). */
  readonly binDir?: string;
  /** How long the server may take to accept connections (default 30 s). */
  readonly readyTimeoutMs?: number;
  /** Server settings (`-c name=value`) beside the defaults, e.g. `{ max_connections: '200' }`. */
  readonly settings?: Readonly<Record<string, string>>;
}

/** The superuser role initdb creates; it connects with trust authentication on 127.0.0.1. */
const SUPERUSER = 'postgres';

/**
 * A real, throwaway PostgreSQL server for tests, benchmarks and local runs: a fresh cluster in a
 * temp folder, listening on 127.0.0.1 on a free port, its Unix socket inside the folder. Durability
 * settings stay PostgreSQL's defaults (fsync and synchronous_commit on), so that what the relay
 * is tested against is what it runs against. `kill()` and `restart()` let a test crash the
 * server and bring it back on the same data and port.
 */
export class LocalPostgres {
  private process: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly cleanUpOnExit = () => this.emergencyStop();

  private constructor(
    readonly binDir: string,
    /** The temp folder: `data` (the cluster), `run` (the socket), `server.log`. */
    readonly dir: string,
    readonly port: number,
    private readonly account: Account | undefined,
    private readonly options: LocalPostgresOptions,
  ) {}

  /** Creates a cluster in a new temp folder and starts its server; resolves once it accepts connections. */
  static async start(options: LocalPostgresOptions = {}): Promise<LocalPostgres> {
    const binDir = options.binDir ?? findServerBinaries();
    const account = serverAccount();
    const dir = mkdtempSync(join(tmpdir(), 'contact-desk-pg-'));
    mkdirSync(join(dir, 'run'));
    if (account) for (const path of [dir, join(dir, 'run')]) chownSync(path, account.uid, account.gid);
    try {
      // --no-sync: initdb's own files are not flushed (a throwaway cluster outlives no power cut);
      // the server it starts keeps fsync on.
      execFileSync(
        join(binDir, 'initdb'),
        ['-D', join(dir, 'data'), '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'],
        { stdio: ['ignore', 'ignore', 'pipe'], uid: account?.uid, gid: account?.gid },
      );
      const server = new LocalPostgres(binDir, dir, await freePort(), account, options);
      process.on('exit', server.cleanUpOnExit);
      try {
        await server.launch();
      } catch (error) {
        process.off('exit', server.cleanUpOnExit);
        throw error;
      }
      return server;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The superuser's URL to the `postgres` database. */
  get url(): string {
    return this.databaseUrl(SUPERUSER);
  }

  databaseUrl(database: string): string {
    return `postgres://${SUPERUSER}@127.0.0.1:${this.port}/${encodeURIComponent(database)}`;
  }

  /** The postmaster's pid while it runs. */
  get pid(): number | undefined {
    return this.process?.exitCode === null && this.process.signalCode === null ? this.process.pid : undefined;
  }

  /** Creates an empty database; resolves to its URL. */
  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', () => undefined); // a lost connection rejects the calls below
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
    return this.databaseUrl(name);
  }

  /** Fast shutdown (open transactions roll back), then the temp folder is removed. */
  async stop(): Promise<void> {
    await this.shutDown();
    process.off('exit', this.cleanUpOnExit);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Kills the server as a crash would: the postmaster and every backend at once, with SIGKILL,
   * nothing flushed beyond what was committed. `restart()` then recovers from the WAL.
   */
  async kill(): Promise<void> {
    const pid = this.pid;
    if (pid === undefined) return;
    // Frozen first, so that it forks no backend between the listing and the kill.
    signal(pid, 'SIGSTOP');
    const backends = childrenOf(pid);
    signal(pid, 'SIGKILL');
    for (const backend of backends) signal(backend, 'SIGKILL');
    await this.exited;
    await waitUntil(() => !backends.some(isRunning), 'the backends of the killed server to exit', 10_000);
  }

  /** Starts the server again on the same data and port (after a fast shutdown if it still runs). */
  async restart(): Promise<void> {
    await this.shutDown();
    await this.launch();
  }

  /** The last lines the server logged, for error messages. */
  logTail(lines = 20): string {
    try {
      return readFileSync(join(this.dir, 'server.log'), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no server log)';
    }
  }

  private async launch(): Promise<void> {
    const settings = { listen_addresses: '127.0.0.1', ...this.options.settings };
    const args = ['-D', join(this.dir, 'data'), '-p', String(this.port), '-k', join(this.dir, 'run')];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    const log = openSync(join(this.dir, 'server.log'), 'a');
    try {
      this.process = spawn(join(this.binDir, 'postgres'), args, {
        stdio: ['ignore', log, log],
        uid: this.account?.uid,
        gid: this.account?.gid,
      });
    } finally {
      closeSync(log);
    }
    const child = this.process;
    this.exited = new Promise((resolve) => {
      child.once('exit', () => resolve());
      // Could not be started at all (no such program): there will be no exit.
      child.once('error', () => resolve());
    });
    await this.waitReady(child);
  }

  /** Resolves once a connection succeeds; fails at once if the server exits, with its log. */
  private async waitReady(child: ChildProcess): Promise<void> {
    const timeoutMs = this.options.readyTimeoutMs ?? 30_000;
    let failedToStart: Error | undefined;
    child.once('error', (error) => (failedToStart = error));
    const gone = () => failedToStart !== undefined || child.exitCode !== null || child.signalCode !== null;
    const ready = async () => {
      if (failedToStart) throw new Error(`PostgreSQL could not be started: ${failedToStart.message}`);
      if (gone()) throw new Error(`PostgreSQL exited (${child.exitCode ?? child.signalCode}) while starting`);
      return this.accepts();
    };
    try {
      await waitUntil(ready, 'PostgreSQL to accept connections', timeoutMs, 50);
    } catch (error) {
      if (!gone() && child.pid !== undefined) signal(child.pid, 'SIGKILL');
      throw new Error(`${(error as Error).message}; its log ends with:\n${this.logTail()}`);
    }
  }

  private async accepts(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** Fast shutdown (SIGINT), waited for; SIGKILL if it has not stopped within 30 s. */
  private async shutDown(): Promise<void> {
    const pid = this.pid;
    if (pid === undefined) return;
    signal(pid, 'SIGINT');
    const timer = setTimeout(() => signal(pid, 'SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** The test process is exiting without `stop()`: an immediate shutdown, so no server outlives it. */
  private emergencyStop(): void {
    const pid = this.pid;
    if (pid !== undefined) signal(pid, 'SIGQUIT');
  }
}
