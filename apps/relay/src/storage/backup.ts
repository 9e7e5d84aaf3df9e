import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { verifyChain, type ChainReport } from '../audit/verify-chain.js';
import { SCHEMA_VERSION } from './sqlite-schema.js';

/** A backup or restore that cannot go ahead; nothing was changed. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** What a data file holds, once checked. */
export interface DataFileReport {
  readonly file: string;
  readonly bytes: number;
  readonly schemaVersion: number;
  readonly events: number;
  readonly headSeq: number;
  readonly headHash: string;
}

/** The sidecar files SQLite keeps next to a database in WAL mode. */
const SIDECARS = ['-wal', '-shm'] as const;

/**
 * Checks a data file before anyone relies on it: SQLite's own integrity check, a schema this
 * relay knows, and the hash chain of its log from the first event to the head.
 */
export function verifyDataFile(file: string): DataFileReport {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  let schemaVersion: number;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = integrity.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    if (problems.length > 0) throw new BackupError(`${file} is damaged: ${problems.slice(0, 3).join('; ')}`);
    schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('events', 'mutations')").all();
    if (tables.length !== 2) throw new BackupError(`${file} is not a relay data file`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a readable SQLite file: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db?.close();
  }
  if (schemaVersion > SCHEMA_VERSION) {
    throw new BackupError(`${file} has schema version ${schemaVersion}; this relay knows up to ${SCHEMA_VERSION}`);
  }
  const chain: ChainReport = verifyChain(file);
  if (!chain.ok) throw new BackupError(`${file}: the log's hash chain breaks at event ${chain.brokenSeq}: ${chain.reason}`);
  return {
    file,
    bytes: statSync(file).size,
    schemaVersion,
    events: chain.events,
    headSeq: chain.headSeq,
    headHash: chain.headHash,
  };
}

/**
 * Copies a live data file with SQLite's online backup, in a single step: the copy is one read
 * transaction of the source, so it is consistent even while a relay keeps committing (WAL lets
 * the writer go on meanwhile). Written beside the destination first, checked, then renamed into
 * place, so a destination that exists is always a complete, verified copy.
 */
export async function backupDataFile(source: string, destination: string): Promise<DataFileReport> {
  if (!existsSync(source)) throw new BackupError(`no data file at ${source}`);
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; choose a new file name`);
  if (!existsSync(dirname(destination))) throw new BackupError(`the folder ${dirname(destination)} does not exist`);
  const partial = `${destination}.partial`;
  removeWithSidecars(partial);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // A step copies this many pages at most: all of them, so the copy never restarts under load.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    removeWithSidecars(partial);
    throw new BackupError(`the backup failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }
  try {
    intoSingleFile(partial);
    const report = verifyDataFile(partial);
    renameSync(partial, destination);
    return { ...report, file: destination };
  } catch (error) {
    removeWithSidecars(partial);
    const reason = error instanceof Error ? error.message.replaceAll(partial, 'the copy') : String(error);
    throw new BackupError(
      `the copy of ${source} fails its checks, so the data file itself is damaged: ${reason}; nothing was written to ${destination}`,
    );
  }
}

/**
 * Folds the write-ahead log into the file and leaves WAL mode, so the file alone is the whole
 * database (the relay turns WAL on again when it opens it). Needs the file to itself.
 */
function intoSingleFile(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new BackupError(`could not fold the write-ahead log into ${file}`);
  } finally {
    db.close();
  }
}

function removeWithSidecars(file: string): void {
  rmSync(file, { force: true });
  for (const suffix of SIDECARS) rmSync(`${file}${suffix}`, { force: true });
}

/** A name for the replaced file that sorts by time: `contact-desk.sqlite.replaced-20260310T090000Z`. */
export function asideName(file: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${file}.replaced-${stamp}`;
}

export interface RestoreReport {
  readonly restored: DataFileReport;
  /** Where the file that was replaced now is, if there was one. */
  readonly replacedBy: string | null;
}

/**
 * Puts a verified backup in place of a data file. The caller holds the data folder's lock. The
 * backup is copied (through SQLite, so a backup still carrying a write-ahead log is copied whole)
 * and checked beside the target first; only then is the current file (its write-ahead log folded
 * in) moved aside under a timestamped name, and the copy renamed into place.
 */
export async function restoreDataFile(backup: string, target: string, now = new Date()): Promise<RestoreReport> {
  verifyDataFile(backup);
  const incoming = `${target}.restoring`;
  removeWithSidecars(incoming);
  const restored = await backupDataFile(backup, incoming);
  let replacedBy: string | null = null;
  if (existsSync(target)) {
    replacedBy = asideName(target, now);
    if (existsSync(replacedBy)) throw new BackupError(`${replacedBy} already exists`);
    try {
      // After a crash the last commits may be in the write-ahead log only: fold them in, so the
      // file kept aside is whole by itself and no log of it is left behind for the new file.
      intoSingleFile(target);
    } catch {
      // A file SQLite cannot open is kept aside as it is, its log beside it under the same name.
    }
    renameSync(target, replacedBy);
    for (const suffix of SIDECARS) {
      if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${replacedBy}${suffix}`);
    }
  }
  renameSync(incoming, target);
  return { restored: { ...restored, file: target }, replacedBy };
}
