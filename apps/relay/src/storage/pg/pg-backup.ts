import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { BackupError } from '../backup.js';
import {
  asideDatabaseName,
  createScratchDatabase,
  databaseExists,
  dropDatabase,
  sessionsIn,
  withClient,
  withMaintenance,
} from './pg-databases.js';
import { head } from './pg-event-log.js';
import { runPgTool } from './pg-tools.js';
import { databaseName, withDatabase } from './pg-url.js';
import { verifyDatabase, type DatabaseReport } from './pg-verify.js';

/** A dump, once restored elsewhere and checked. */
export interface DumpReport extends DatabaseReport {
  readonly file: string;
  readonly bytes: number;
  readonly dumpMs: number;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A new database beside the one at `url` to restore a dump into; a role that may not create one is told what it lacks. */
async function scratchDatabase(url: string, prefix: string, nothingDone: string): Promise<string> {
  try {
    return await createScratchDatabase(url, prefix);
  } catch (error) {
    throw new BackupError(`cannot create a database to restore the dump into (the role needs CREATEDB): ${reason(error)}; ${nothingDone}`);
  }
}

/**
 * Restores a dump into the new database `scratch` and checks it there (chain, then projections).
 * On any failure the database is dropped and a `BackupError` says why; `keep` false drops it after
 * a success too.
 */
async function restoreChecked(scratch: string, file: string, keep: boolean): Promise<DatabaseReport> {
  let kept = false;
  try {
    // One transaction, stopped at the first error: a dump that does not restore whole leaves nothing.
    // --no-owner: the objects belong to the role restoring, the one the relay connects as.
    await runPgTool('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', file], scratch);
    const report = await verifyDatabase(scratch);
    kept = keep;
    return report;
  } catch (error) {
    throw new BackupError(reason(error));
  } finally {
    if (!kept) await dropDatabase(scratch);
  }
}

/**
 * `relay backup` on PostgreSQL: pg_dump's custom format of the whole database, taken in one
 * snapshot while the nodes go on writing, written beside the destination first. The dump is then
 * restored into a scratch database of the same server and checked there, the only proof that it
 * restores; only then does it get its name. A dump that fails is kept as `<file>.rejected`, never
 * under the name asked for: pg_dump copies what the database stores, so a copy whose chain breaks
 * says the database itself is damaged, and the dump is the evidence to hand over.
 */
export async function backupDatabase(url: string, destination: string): Promise<DumpReport> {
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; choose a new file name`);
  if (!existsSync(dirname(destination))) throw new BackupError(`the folder ${dirname(destination)} does not exist`);
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  const started = Date.now();
  try {
    await runPgTool('pg_dump', ['--format=custom', `--file=${partial}`], url);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`the dump failed: ${reason(error)}; nothing was written to ${destination}`);
  }
  const dumpMs = Date.now() - started;
  const scratch = await scratchDatabase(url, 'contact_desk_verify', `the unchecked dump is left as ${partial}`);
  try {
    const report = await restoreChecked(scratch, partial, false);
    renameSync(partial, destination);
    return { ...report, file: destination, bytes: statSync(destination).size, dumpMs };
  } catch (error) {
    const rejected = `${destination}.rejected`;
    renameSync(partial, rejected);
    throw new BackupError(
      `the dump fails its checks: ${reason(error)}; it is kept as ${rejected} for inspection, nothing was written to ${destination}`,
    );
  }
}

export interface DatabaseRestoreReport {
  readonly restored: DatabaseReport;
  /** The name the replaced database is kept under, if there was one. */
  readonly replacedBy: string | null;
  readonly restoreMs: number;
}

/** Refuses while a client is connected to the database: a running node, or anyone else. */
async function refuseIfConnected(url: string, name: string): Promise<void> {
  const sessions = await withMaintenance(url, (client) => sessionsIn(client, name));
  if (sessions.length > 0) {
    throw new BackupError(
      `sessions are connected to the database ${name} (${sessions.join(', ')}): stop every relay node first; nothing was changed`,
    );
  }
}

/**
 * In one transaction, the database `name` (if there is one) becomes `aside` and `incoming` becomes
 * `name`: whoever connects next finds either the old record or the new one, never neither.
 * Resolves to the name the old one is kept under.
 */
async function swapIn(url: string, name: string, incoming: string, aside: string): Promise<string | null> {
  return withMaintenance(url, async (client) => {
    const exists = await databaseExists(client, name);
    const rename = (from: string, to: string) =>
      client.query(`ALTER DATABASE ${client.escapeIdentifier(from)} RENAME TO ${client.escapeIdentifier(to)}`);
    await client.query('BEGIN');
    if (exists) await rename(name, aside);
    await rename(incoming, name);
    await client.query('COMMIT');
    return exists ? aside : null;
  });
}

/**
 * `relay restore` on PostgreSQL, every relay node stopped: the dump is restored into a new
 * database and checked there (chain, projections); only then is the current database renamed
 * `<name>_replaced_<UTC time>` and the new one given its name (`swapIn`), and the head found under
 * that name compared with the one checked — a rename moves no data, so the check holds for it.
 * Refused, nothing changed, while any client is connected to the database: a node still running
 * would keep serving the state it holds in memory, over a log that is gone.
 */
export async function restoreDatabase(url: string, backup: string, now = new Date()): Promise<DatabaseRestoreReport> {
  if (!existsSync(backup)) throw new BackupError(`${backup} does not exist`);
  const name = databaseName(url);
  const aside = asideDatabaseName(name, now);
  await refuseIfConnected(url, name);
  const started = Date.now();
  const incoming = await scratchDatabase(url, 'contact_desk_restore', 'nothing was changed');
  const report = await restoreChecked(incoming, backup, true).catch((error: unknown) => {
    throw new BackupError(`${backup} cannot be restored as it is: ${reason(error)}; nothing was changed`);
  });
  let replacedBy: string | null;
  try {
    await refuseIfConnected(url, name);
    replacedBy = await swapIn(url, name, databaseName(incoming), aside);
  } catch (error) {
    await dropDatabase(incoming);
    throw error instanceof BackupError
      ? error
      : new BackupError(`could not put the backup in place: ${reason(error)}; nothing was changed`);
  }
  const placed = await withClient(withDatabase(url, name), (client) => head(client));
  if (placed.seq !== report.headSeq || placed.hash !== report.headHash) {
    throw new BackupError(
      `the database ${name} ends at ${placed.seq}:${placed.hash}, not at the restored ${report.headSeq}:${report.headHash}`,
    );
  }
  return { restored: report, replacedBy, restoreMs: Date.now() - started };
}
