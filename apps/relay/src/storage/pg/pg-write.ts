import type { LogPosition, LoggedEvent } from '@contact-desk/shared';
import type pg from 'pg';
import type { BuiltWrite, CommitBatch, WriteContext, WriteRequest } from '../storage.js';
import { advisoryKey, inTransaction } from './pg-connections.js';
import { enrollmentCodes, mutationResults, writeCredentials } from './pg-credentials.js';
import { allAfter, head, insertEvents } from './pg-event-log.js';
import { writeOutbox } from './pg-outbox.js';
import { writeProjections } from './pg-projections.js';

/** The channel every commit of events notifies, with the new head seq (see `NodeCoordination.onAppended`). */
export const LOG_CHANNEL = 'contact_desk_log';

/** The log's write lock: one writer at a time across every node sharing the database. */
const WRITE_LOCK = advisoryKey('event-log-writer');

/** A batch whose events do not continue the log: a bug in the caller, never written. */
export class BatchOutOfOrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchOutOfOrderError';
  }
}

/** The batch's events must follow the head and each other: consecutive seqs, each linked to the one before. */
function checkFollows(position: LogPosition, events: readonly LoggedEvent[]): void {
  let previous = position;
  for (const event of events) {
    if (event.seq !== previous.seq + 1 || event.prevHash !== previous.hash) {
      throw new BatchOutOfOrderError(
        `event ${event.seq} (after ${event.prevHash.slice(0, 12)}) does not follow the log at ${previous.seq} (${previous.hash.slice(0, 12)})`,
      );
    }
    previous = event;
  }
}

/** What the write needs to decide, read under the lock: the log as it is now, not as this node last saw it. */
async function readContext(client: pg.PoolClient, request: WriteRequest): Promise<WriteContext> {
  return {
    head: await head(client),
    missed: await allAfter(client, request.knownSeq),
    mutationResults: await mutationResults(client, request.mutationIds),
    enrollmentCodes: await enrollmentCodes(client, request.enrollmentCodeHashes),
  };
}

/** Everything a batch writes, in SQLite's order; the notification goes out with the COMMIT. */
async function writeBatch(client: pg.PoolClient, batch: CommitBatch): Promise<void> {
  await insertEvents(client, batch.events);
  await writeProjections(client, batch.writes);
  await writeCredentials(client, batch);
  if (batch.outbox) await writeOutbox(client, batch.outbox);
  const last = batch.events.at(-1);
  if (last) await client.query('SELECT pg_notify($1, $2)', [LOG_CHANNEL, String(last.seq)]);
}

/**
 * `Storage.write` on PostgreSQL: one transaction on one connection, holding the log's write lock
 * (a transaction-level advisory lock, released by COMMIT or ROLLBACK, or by the server when the
 * session dies). `build` runs under the lock, between the reads and the writes. Resolves after
 * COMMIT; on any failure the transaction is rolled back and the error passed on as it is — the
 * error `build` threw, `BatchOutOfOrderError`, or node-postgres's error for a failed statement or
 * a lost connection.
 */
export function writeUnderLock<T>(pool: pg.Pool, request: WriteRequest, build: (context: WriteContext) => BuiltWrite<T>): Promise<T> {
  return inTransaction(pool, 'BEGIN', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const context = await readContext(client, request);
    const { batch, value } = build(context);
    if (batch) {
      checkFollows(context.head, batch.events);
      await writeBatch(client, batch);
    }
    return value;
  });
}
