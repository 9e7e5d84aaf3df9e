import type { DeliveryStatus } from '@contact-desk/shared';
import { OutboxReads, SUMMARY_COLUMNS, type DeliveryRow, type OutboxQueries, type SecretRow } from '../delivery-rows.js';
import type { NewDelivery, OutboxWrites } from '../outbox-store.js';
import type { Queryable } from './pg-connections.js';
import { insertRows, lastByKey, upsertRows, type Columns, type Row } from './pg-rows.js';

const DELIVERY_WRITTEN: Columns = {
  id: 'text',
  channel: 'text',
  target: 'text',
  target_name: 'text',
  request_id: 'text',
  ref: 'text',
  platform_id: 'text',
  level: 'integer',
  trigger: 'text',
  topic: 'text',
  cause_seq: 'bigint',
  body: 'text',
  path: 'text',
  dedup_key: 'text',
  order_key: 'text',
  status: 'text',
  attempts: 'integer',
  next_attempt_at: 'bigint',
  created_at: 'bigint',
};
const SECRET_WRITTEN: Columns = { webhook_id: 'text', version: 'integer', sealed: 'text', created_at: 'bigint' };

/** A delivery as planned: pending, never tried. */
function plannedRow(delivery: NewDelivery): Row {
  return {
    id: delivery.id,
    channel: delivery.channel,
    target: delivery.target,
    target_name: delivery.targetName,
    request_id: delivery.requestId,
    ref: delivery.ref,
    platform_id: delivery.platformId,
    level: delivery.level,
    trigger: delivery.trigger,
    topic: delivery.topic,
    cause_seq: delivery.causeSeq,
    body: delivery.body,
    path: delivery.path,
    dedup_key: delivery.dedupKey,
    order_key: delivery.orderKey,
    status: 'pending',
    attempts: 0,
    next_attempt_at: delivery.nextAttemptAt,
    created_at: delivery.createdAt,
  };
}

/** The outbox's part of a write, inside the write's transaction (docs/decisions/0008). */
export async function writeOutbox(db: Queryable, writes: OutboxWrites): Promise<void> {
  // A delivery planned once whatever happens (its dedup key already taken) is not planned again.
  await insertRows(
    db,
    'deliveries',
    DELIVERY_WRITTEN,
    writes.deliveries.map(plannedRow),
    'ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING',
  );
  await updateDeliveries(db, writes.deliveryUpdates);
  const secrets = lastByKey(writes.webhookSecrets, (secret) => secret.webhookId).map((secret) => ({
    webhook_id: secret.webhookId,
    version: secret.version,
    sealed: secret.sealed,
    created_at: secret.createdAt,
  }));
  await upsertRows(db, 'webhook_secrets', 'webhook_id', SECRET_WRITTEN, secrets);
}

/** Where deliveries stand after attempts; an update of a delivery that does not exist fails the write. */
async function updateDeliveries(db: Queryable, updates: OutboxWrites['deliveryUpdates']): Promise<void> {
  const last = lastByKey(updates, (update) => update.id);
  if (last.length === 0) return;
  const column = <K extends keyof (typeof last)[number]>(key: K) => last.map((update) => update[key]);
  const { rows } = await db.query<{ id: string }>(
    `UPDATE deliveries d SET status = u.status, attempts = u.attempts, next_attempt_at = u.next_attempt_at,
       last_attempt_at = u.last_attempt_at, last_detail = u.last_detail
     FROM unnest($1::text[], $2::text[], $3::integer[], $4::bigint[], $5::bigint[], $6::text[])
       AS u (id, status, attempts, next_attempt_at, last_attempt_at, last_detail)
     WHERE d.id = u.id RETURNING d.id`,
    [column('id'), column('status'), column('attempts'), column('nextAttemptAt'), column('lastAttemptAt'), column('lastDetail')],
  );
  const updated = new Set(rows.map((row) => row.id));
  const missing = last.find((update) => !updated.has(update.id));
  if (missing) throw new Error(`no delivery ${missing.id} to update`);
}

/** The outbox's reads in PostgreSQL's SQL: SQLite's, with `planned` standing for its rowid. */
function outboxQueries(db: Queryable): OutboxQueries {
  const rows = async <R extends object>(sql: string, values: unknown[]) => (await db.query<R>(sql, values)).rows;
  const statusIs = '($2::text IS NULL OR status = $2)';
  return {
    due: (now, limit, skipIds, skipTargets) =>
      rows<DeliveryRow>(
        `SELECT * FROM deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= $1
           AND d.id <> ALL($2::text[]) AND d.target <> ALL($3::text[])
           AND (d.order_key IS NULL OR NOT EXISTS (
             SELECT 1 FROM deliveries e WHERE e.status = 'pending' AND e.order_key = d.order_key AND e.planned < d.planned))
         ORDER BY d.next_attempt_at, d.planned LIMIT $4`,
        [now, skipIds, skipTargets, limit],
      ),
    secret: async (webhookId) =>
      (await rows<SecretRow>('SELECT webhook_id, version, sealed, created_at FROM webhook_secrets WHERE webhook_id = $1', [webhookId]))[0],
    counts: () => rows<{ status: DeliveryStatus; n: number }>('SELECT status, count(*) AS n FROM deliveries GROUP BY status', []),
    newest: (before, status, limit) =>
      rows<DeliveryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM deliveries WHERE created_at < $1 AND ${statusIs} ORDER BY created_at DESC, planned DESC LIMIT $3`,
        [before, status, limit],
      ),
    plannedAt: (at, status) =>
      rows<DeliveryRow>(`SELECT ${SUMMARY_COLUMNS} FROM deliveries WHERE created_at = $1 AND ${statusIs} ORDER BY planned DESC`, [
        at,
        status,
      ]),
  };
}

/** Reading the outbox's tables in PostgreSQL: the same answers as `SqliteOutbox`. */
export class PgOutbox extends OutboxReads {
  constructor(db: Queryable) {
    super(outboxQueries(db));
  }
}
