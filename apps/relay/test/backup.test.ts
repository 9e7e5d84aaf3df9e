/**
 * `relay backup` and `relay restore` through the real CLI process, beside a real `relay serve`
 * process under load.
 */
import Database from 'better-sqlite3';
import { newId, PROTOCOL_VERSION, type MutationResult } from '@contact-desk/shared';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/verify-chain.js';
import { databaseFile } from '../src/config.js';
import { Client, createRequestArgs, mutation } from './harness.js';
import { waitFor } from './wait-for.js';

const relayDir = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The CLI from its sources, so the test runs what is in the tree, built or not. */
const cliArgs = ['--conditions=@contact-desk/source', '--import', 'tsx', join(relayDir, 'src', 'cli', 'run.ts')];

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `relay <args> -d <dataDir>` without blocking this process (its load keeps running). */
function cli(dataDir: string, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...cliArgs, ...args, '--data-dir', dataDir], { cwd: relayDir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function cliOk(dataDir: string, args: readonly string[]): Promise<string> {
  const result = await cli(dataDir, args);
  if (result.code !== 0) throw new Error(`relay ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const started: ChildProcess[] = [];
const folders: string[] = [];

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relay-backup-'));
  folders.push(dir);
  return dir;
}

/** `relay serve` on a free port; resolves with its address once it listens. */
async function serve(dataDir: string): Promise<{ url: string; stop: (signal?: NodeJS.Signals) => Promise<void> }> {
  const child = spawn(process.execPath, [...cliArgs, 'serve', '--data-dir', dataDir, '--port', '0'], {
    cwd: relayDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Load tests push far faster than a person: the per-device rate limit is raised out of the way.
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      CONTACT_DESK_DEADLINE_CHECK_MS: '0',
      CONTACT_DESK_MUTATIONS_PER_SECOND: '100000',
      CONTACT_DESK_MUTATION_BURST: '100000',
    },
  });
  started.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}: ${output}`)));
  });
  return {
    url,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function addUser(dataDir: string, role: string, platform?: string): Promise<string> {
  const output = await cliOk(dataDir, [
    'user',
    'add',
    '--name',
    `${role} ${newId().slice(-6)}`,
    '--role',
    role,
    ...(platform ? ['--platform', platform] : []),
  ]);
  const code = /enrollment code: (\S+)/.exec(output)?.[1];
  if (!code) throw new Error(`no enrollment code in ${output}`);
  return code;
}

async function device(url: string, code: string): Promise<Client> {
  const response = await fetch(`${url}/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceLabel: 'test laptop' }),
  });
  const body = (await response.json()) as { ok: boolean; token: string };
  if (!body.ok) throw new Error('enrollment failed');
  const socket = io(url, {
    auth: { token: body.token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const client = new Client(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('session', () => resolve());
  });
  return client;
}

async function headOf(url: string): Promise<number> {
  return ((await (await fetch(`${url}/healthz`)).json()) as { headSeq: number }).headSeq;
}

/** A relay with an operator and a liaison connected, on a fresh data folder. */
async function servedFolder() {
  const dataDir = folder();
  await cliOk(dataDir, ['platform', 'add', 'alpha', '--name', 'Alpha']);
  const operatorCode = await addUser(dataDir, 'operator');
  const liaisonCode = await addUser(dataDir, 'liaison', 'alpha');
  const relay = await serve(dataDir);
  const operator = await device(relay.url, operatorCode);
  const liaison = await device(relay.url, liaisonCode);
  return { dataDir, relay, operator, liaison };
}

/** Pushes batches (requests, comments on them, acknowledgements) until stopped; counts answers. */
function startLoad(operator: Client, liaison: Client) {
  let running = true;
  let accepted = 0;
  const results: MutationResult[] = [];
  const loop = (async () => {
    while (running) {
      const creates = Array.from({ length: 10 }, () => mutation('request.create', createRequestArgs('alpha')));
      const ids = creates.map((create) => (create.args as { requestId: string }).requestId);
      const comments = ids.map((requestId) => mutation('comment.add', { commentId: newId(), requestId, body: 'Seen.' }));
      const created = await operator.push([...creates, ...comments]);
      const acked = await liaison.push(ids.map((requestId) => mutation('request.acknowledge', { requestId })));
      for (const response of [created, acked]) {
        if (!response.ok) throw new Error(response.error.message);
        results.push(...response.results);
        accepted += response.results.filter((result) => result.status === 'accepted').length;
      }
    }
  })();
  return {
    get accepted() {
      return accepted;
    },
    results,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** What a copy holds, read independently of the CLI. */
function inspect(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const seqs = (db.prepare('SELECT seq FROM events ORDER BY seq').all() as { seq: number }[]).map((row) => row.seq);
    const answers = db.prepare("SELECT result FROM mutations WHERE status = 'accepted'").all() as { result: string }[];
    const answeredSeqs = answers.flatMap((row) => (JSON.parse(row.result) as { seqs: number[] }).seqs);
    const logged = db.prepare('SELECT mutation_id, seq FROM events WHERE mutation_id IS NOT NULL').all() as {
      mutation_id: string;
      seq: number;
    }[];
    const answered = new Set(
      (db.prepare('SELECT mutation_id FROM mutations').all() as { mutation_id: string }[]).map((row) => row.mutation_id),
    );
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      head: seqs.at(-1) ?? 0,
      contiguous: seqs.every((seq, index) => seq === index + 1),
      /** Events of a mutation whose answer is not in the file: a torn copy. */
      eventsWithoutAnswer: logged.filter((row) => !answered.has(row.mutation_id)).length,
      answersWithoutEvents: answeredSeqs.filter((seq) => seq > (seqs.at(-1) ?? 0)).length,
      requests: count('SELECT COUNT(*) AS n FROM requests'),
      createdEvents: count("SELECT COUNT(*) AS n FROM events WHERE type = 'request.created'"),
      comments: count('SELECT COUNT(*) AS n FROM comments'),
      commentEvents: count("SELECT COUNT(*) AS n FROM events WHERE type = 'comment.added'"),
      acknowledged: count('SELECT COUNT(*) AS n FROM requests WHERE ack_at IS NOT NULL'),
      ackEvents: count("SELECT COUNT(*) AS n FROM events WHERE type = 'request.acknowledged'"),
    };
  } finally {
    db.close();
  }
}

const REPORT = /: (\d+) events, head (\d+) ([0-9a-f]{64}), (\d+) bytes, integrity ok, chain ok/;

describe('relay backup', () => {
  it('copies the data file while the relay serves and writes, consistently, and verifies the copy', async () => {
    const { dataDir, relay, operator, liaison } = await servedFolder();
    const load = startLoad(operator, liaison);
    await waitFor(() => load.accepted >= 300, 'some load', 20_000);
    const headBefore = await headOf(relay.url);
    const copy = join(folder(), 'copy.sqlite');
    const started = Date.now();
    const result = await cli(dataDir, ['backup', copy]);
    const took = Date.now() - started;
    const headAfter = await headOf(relay.url);
    await load.stop();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [, events, head, hash] = REPORT.exec(result.stdout) ?? [];
    // The relay kept committing during the copy: the copy is a snapshot somewhere in between.
    expect(headAfter).toBeGreaterThan(headBefore);
    expect(Number(head)).toBeGreaterThanOrEqual(headBefore);
    expect(Number(head)).toBeLessThanOrEqual(headAfter);
    expect(Number(events)).toBe(Number(head));

    const copied = inspect(copy);
    expect(copied).toMatchObject({
      integrity: 'ok',
      head: Number(head),
      contiguous: true,
      eventsWithoutAnswer: 0,
      answersWithoutEvents: 0,
    });
    expect(copied.requests).toBe(copied.createdEvents);
    expect(copied.comments).toBe(copied.commentEvents);
    expect(copied.acknowledged).toBe(copied.ackEvents);
    expect(verifyChain(copy)).toEqual({ ok: true, events: Number(head), headSeq: Number(head), headHash: hash });
    // No sidecar files: the copy is one self-contained file.
    expect(readdirSync(dirname(copy))).toEqual(['copy.sqlite']);
    console.info(
      `backup under load: ${head} events (relay head ${headBefore} → ${headAfter} meanwhile), ${load.accepted} mutations accepted in all, ${took} ms`,
    );

    // A second backup never overwrites the first.
    const before = readFileSync(copy);
    const again = await cli(dataDir, ['backup', copy]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(copy).equals(before)).toBe(true);
    await relay.stop();
  }, 120_000);

  it('refuses to back up a damaged data file, and writes nothing', async () => {
    const dataDir = folder();
    await cliOk(dataDir, ['platform', 'add', 'alpha', '--name', 'Alpha']);
    for (let index = 0; index < 5; index += 1) await addUser(dataDir, 'operator');
    const file = databaseFile({ dataDir });
    const bytes = readFileSync(file);
    const pageSize = 4096;
    expect(bytes.length).toBeGreaterThan(4 * pageSize);
    bytes.fill(0x5a, 2 * pageSize, 3 * pageSize);
    writeFileSync(file, bytes);
    const target = folder();
    const result = await cli(dataDir, ['backup', join(target, 'copy.sqlite')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /the copy of .*contact-desk\.sqlite fails its checks, so the data file itself is damaged: .*; nothing was written to .*copy\.sqlite/,
    );
    expect(readdirSync(target)).toEqual([]);
    // Seven runs of the command line: as long as its siblings may take on a loaded machine.
  }, 120_000);
});

describe('relay restore', () => {
  it('refuses while the relay serves or when the backup is damaged, keeps the replaced file, and the relay serves the backup', async () => {
    const { dataDir, relay, operator, liaison } = await servedFolder();
    const load = startLoad(operator, liaison);
    await waitFor(() => load.accepted >= 100, 'some load', 20_000);
    await load.stop();
    const copy = join(folder(), 'copy.sqlite');
    const [, , backupHead, backupHash] = REPORT.exec(await cliOk(dataDir, ['backup', copy])) ?? [];
    const later = startLoad(operator, liaison);
    await waitFor(() => later.accepted >= 60, 'more load', 20_000);
    await later.stop();
    const currentHead = await headOf(relay.url);
    expect(currentHead).toBeGreaterThan(Number(backupHead));

    const whileServing = await cli(dataDir, ['restore', copy]);
    expect(whileServing.code).toBe(1);
    expect(whileServing.stderr).toMatch(/a relay serving http:\/\/127\.0\.0\.1:\d+ \(pid \d+\) is using .*; stop it before restoring/);
    expect(await headOf(relay.url)).toBe(currentHead);
    operator.close();
    liaison.close();
    // A crash, not a clean stop: the last commits are still in the write-ahead log only, and the
    // dead relay's lock file is left behind.
    await relay.stop('SIGKILL');
    const file = databaseFile({ dataDir });
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['contact-desk.sqlite-wal', 'relay.lock']));
    expect(inspect(file).head).toBe(currentHead);

    // A damaged backup (a run of bytes overwritten in the middle) is refused before anything moves.
    const damaged = join(folder(), 'damaged.sqlite');
    copyFileSync(copy, damaged);
    const bytes = readFileSync(damaged);
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
    writeFileSync(damaged, bytes);
    const refused = await cli(dataDir, ['restore', damaged]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/damaged|not a readable SQLite file|hash chain breaks/);
    expect(readdirSync(dataDir).filter((name) => name.includes('replaced') || name.includes('restoring'))).toEqual([]);
    expect(inspect(file).head).toBe(currentHead);

    const restored = await cli(dataDir, ['restore', copy]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`head ${backupHead} ${backupHash}`);
    const aside = /kept as (\S+)/.exec(restored.stdout)?.[1] ?? '';
    expect(aside).toMatch(/contact-desk\.sqlite\.replaced-\d{8}T\d{6}Z$/);
    // The replaced file is whole by itself: the commits that were only in its log are folded in,
    // and no log is left beside it or beside the restored file.
    expect(readdirSync(dataDir).filter((name) => name.endsWith('-wal') || name.endsWith('-shm'))).toEqual([]);
    expect(inspect(aside)).toMatchObject({ integrity: 'ok', head: currentHead, contiguous: true });
    expect(inspect(file)).toMatchObject({ integrity: 'ok', head: Number(backupHead) });
    expect(await cliOk(dataDir, ['audit', 'verify'])).toContain(`head ${backupHash}`);

    // The relay comes back on the restored file and serves exactly the backup's log.
    const back = await serve(dataDir);
    expect(await headOf(back.url)).toBe(Number(backupHead));
    const operatorAgain = await device(back.url, await addUser(dataDir, 'operator'));
    const served = [];
    for (let after = 0, more = true; more;) {
      const page = await operatorAgain.pull(after, 1000);
      if (!page.ok) throw new Error(page.error.message);
      served.push(...page.events);
      after = page.upToSeq;
      more = page.hasMore;
    }
    const copyDb = new Database(copy, { readonly: true });
    const backupEvents = copyDb.prepare("SELECT seq, hash FROM events WHERE audience != 'admin' ORDER BY seq").all();
    copyDb.close();
    expect(served.slice(0, backupEvents.length).map((event) => ({ seq: event.seq, hash: (event as { hash?: string }).hash }))).toEqual(
      backupEvents,
    );
    // A device that had seen the later events is told to resynchronise.
    const ahead = await operatorAgain.pull(currentHead);
    expect(ahead.ok === false && ahead.error.code).toBe('conflict');
    operatorAgain.close();
    await back.stop();
  }, 120_000);
});
