/**
 * The write-ahead log is copied into the database file by a worker thread, never by the
 * connection that commits (docs/decisions/0023). Real files, a real worker: each test waits for
 * the worker's own report of a checkpoint, never for time to pass.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointReport } from '../src/storage/sqlite-checkpoint-worker.js';
import { BACKSTOP_FRAMES, INLINE_FRAMES, SqliteCheckpointer } from '../src/storage/sqlite-checkpointer.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'contact-desk-checkpoints-'));
  folders.push(dir);
  return dir;
}

/** A WAL database that never checkpoints by itself, with `rows` rows committed one by one. */
function walFile(rows: number): { file: string; db: Database.Database } {
  const file = join(folder(), 'data.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
  for (let i = 0; i < rows; i += 1) insert.run(`note ${i}`);
  return { file, db };
}

/** Rows the database file holds by itself, read from a copy without its log. */
function rowsInFileAlone(file: string): number {
  const copy = join(folder(), 'alone.sqlite');
  copyFileSync(file, copy);
  const db = new Database(copy);
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'notes'").get();
    return table ? (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

/** A checkpointer whose reports arrive in order, each awaited in turn. */
function watched(file: string, intervalMs = 0) {
  const reports: CheckpointReport[] = [];
  const waiting: ((report: CheckpointReport) => void)[] = [];
  const failures: Error[] = [];
  let failed: (error: Error) => void = () => undefined;
  const firstFailure = new Promise<Error>((resolve) => (failed = resolve));
  const checkpointer = new SqliteCheckpointer(file, {
    intervalMs,
    onFailure: (error) => {
      failures.push(error);
      failed(error);
    },
    onCheckpoint: (report) => {
      reports.push(report);
      waiting.shift()?.(report);
    },
  });
  const next = () => new Promise<CheckpointReport>((resolve) => waiting.push(resolve));
  return { checkpointer, reports, failures, firstFailure, next };
}

describe('the checkpoint worker', () => {
  it('copies every committed frame into the database file', async () => {
    const { file, db } = walFile(200);
    expect(rowsInFileAlone(file)).toBe(0);
    const { checkpointer, next, failures } = watched(file);
    const report = next();
    checkpointer.committed();
    const { logFrames, checkpointedFrames } = await report;
    expect(logFrames).toBeGreaterThan(0);
    expect(checkpointedFrames).toBe(logFrames);
    expect(rowsInFileAlone(file)).toBe(200);
    await checkpointer.stop();
    expect(failures).toEqual([]);
    db.close();
  });

  it('runs one more checkpoint for the commits made while one was running, not one per commit', async () => {
    const { file, db } = walFile(10);
    const { checkpointer, reports, next } = watched(file);
    const first = next();
    const second = next();
    checkpointer.committed();
    // Asked for while the first is still unanswered: they are covered by a single second one.
    db.prepare('INSERT INTO notes (body) VALUES (?)').run('later');
    checkpointer.committed();
    checkpointer.committed();
    await first;
    await second;
    // The worker's exit comes after every report it sent.
    await checkpointer.stop();
    expect(reports).toHaveLength(2);
    expect(rowsInFileAlone(file)).toBe(11);
    db.close();
  });

  it('reports a worker that cannot open the file, so that the writer checkpoints by itself again', async () => {
    const { checkpointer, failures, firstFailure } = watched(join(folder(), 'missing.sqlite'));
    expect((await firstFailure).message).toMatch(/unable to open database file/);
    await checkpointer.stop();
    expect(failures).toHaveLength(1);
  });
});

describe('the relay store', () => {
  it('leaves checkpoints to the worker and keeps SQLite’s own as a distant backstop', async () => {
    const file = join(folder(), 'relay.sqlite');
    const background = new SqliteStorage(file);
    expect(background.pragma('wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: BACKSTOP_FRAMES }]);
    await background.close();
    const inline = new SqliteStorage(file, { checkpoints: 'inline' });
    expect(inline.pragma('wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: INLINE_FRAMES }]);
    await inline.close();
  });

  it('closes as the file’s last connection: the log is folded in and removed', async () => {
    const file = join(folder(), 'relay.sqlite');
    const storage = new SqliteStorage(file);
    expect(existsSync(`${file}-wal`)).toBe(true);
    await storage.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
