import Database from 'better-sqlite3';
import type { LogPosition } from '@contact-desk/shared';
import { migrate } from './migrate.js';
import { inTransaction, openPool, type Queryable } from './pg-connections.js';
import { head } from './pg-event-log.js';
import { copyTable, planTables, tablesWithRows, type TablePlan } from './table-copy.js';

/** A migration that cannot go ahead, or whose copy does not match its source; nothing was written. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

export interface CopyReport {
  /** Rows copied, by table, in the order they were copied. */
  readonly counts: ReadonlyMap<string, number>;
  readonly head: LogPosition;
  readonly copyMs: number;
}

/** Rows of each table, on both sides, that differ in number. */
async function countMismatches(sqlite: Database.Database, pg: Queryable, plans: readonly TablePlan[]) {
  const mismatches: string[] = [];
  for (const { table } of plans) {
    const source = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const copied = Number((await pg.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    if (source !== copied) mismatches.push(`${table}: ${source} in SQLite, ${copied} in PostgreSQL`);
  }
  return mismatches;
}

/**
 * Copies the whole record of a SQLite data file into an empty PostgreSQL database, in one
 * transaction: the schema is brought up to date first, then every table is locked against other
 * writers, found empty, filled, and compared with its source — row counts of every table, and the
 * head seq and hash with `expected` (the source's, as its chain check found it) — before COMMIT.
 * Any difference rolls everything back. The file is read in one read transaction; its owner
 * (the caller, holding the data folder's lock) keeps every writer away.
 */
export async function copyFromSqlite(file: string, url: string, expected: LogPosition): Promise<CopyReport> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const pool = openPool(url, { poolSize: 1 });
  const started = Date.now();
  try {
    await migrate(pool);
    return await inTransaction(pool, 'BEGIN', async (client) => {
      const plans = await planTables(sqlite, client);
      await client.query(`LOCK TABLE ${plans.map((plan) => plan.table).join(', ')} IN EXCLUSIVE MODE`);
      const held = await tablesWithRows(client, plans);
      if (held.length > 0) {
        const what = held.includes('events') ? `its log already holds ${(await head(client)).seq} events` : `${held.join(', ')} hold rows`;
        throw new MigrationError(`the database is not empty (${what}): migrate only into a new, empty database; nothing was written`);
      }
      sqlite.exec('BEGIN');
      try {
        const counts = new Map<string, number>();
        for (const plan of plans) counts.set(plan.table, await copyTable(sqlite, client, plan));
        const mismatches = await countMismatches(sqlite, client, plans);
        if (mismatches.length > 0) {
          throw new MigrationError(`the copy does not match its source: ${mismatches.join('; ')}; nothing was written`);
        }
        const copiedHead = await head(client);
        if (copiedHead.seq !== expected.seq || copiedHead.hash !== expected.hash) {
          throw new MigrationError(
            `the copy ends at ${copiedHead.seq}:${copiedHead.hash}, its source at ${expected.seq}:${expected.hash}; nothing was written`,
          );
        }
        return { counts, head: copiedHead, copyMs: Date.now() - started };
      } finally {
        sqlite.exec('COMMIT');
      }
    });
  } finally {
    sqlite.close();
    await pool.end();
  }
}
