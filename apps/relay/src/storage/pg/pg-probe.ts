import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { inTransaction } from './pg-connections.js';

/** Thrown inside the probe's transaction so that it is rolled back. */
const PROBE_ROLLBACK = Symbol('readiness probe rollback');

/**
 * `Storage.probeWrite` on PostgreSQL: a transaction on a pooled connection that writes a scratch
 * row into `meta` (never the log, and under a key of its own, so that probes of several nodes never
 * wait for each other), then rolls back. A read-only database (`default_transaction_read_only`, a
 * hot standby) refuses the INSERT with SQLSTATE 25006; a statement or a lock that waits longer than
 * `timeoutMs` is cancelled by the server.
 */
export async function probeWrite(pool: pg.Pool, timeoutMs: number): Promise<void> {
  const limit = Math.max(1, Math.round(timeoutMs));
  try {
    await inTransaction(pool, 'BEGIN', async (client) => {
      await client.query(`SET LOCAL statement_timeout = ${limit}`);
      await client.query(`SET LOCAL lock_timeout = ${limit}`);
      await client.query("INSERT INTO meta (key, value) VALUES ($1, repeat('.', current_setting('block_size')::int))", [
        `readiness-probe:${randomUUID()}`,
      ]);
      throw PROBE_ROLLBACK;
    });
  } catch (error) {
    if (error !== PROBE_ROLLBACK) throw error;
  }
}
