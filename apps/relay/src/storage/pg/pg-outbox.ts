import type { DeliveriesRequest, DeliveriesResponse, DeliveryStatus } from '@contact-desk/shared';
import {
  countsByStatus,
  deliveryLogPage,
  SUMMARY_COLUMNS,
  toRecord,
  toSecret,
  type DeliveryLogReads,
  type DeliveryRow,
  type SecretRow,
} from '../delivery-rows.js';
import type { DeliveryRecord, OutboxStore, OutboxWrites, SealedSecret } from '../outbox-store.js';
import type { Queryable } from './pg-connections.js';
import { columns, insertRows, lastByKey, upsertRows } from './pg-rows.js';

const DELIVERY_WRITTEN = columns({
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
});
const SECRET_WRITTEN = columns({ webhook_id: 'text', version: 'integer', sealed: 'text', created_at: 'bigint' });

/** The outbox's part of a write, inside the write's transaction (docs/decisions/0008). */
export async function writeOutbox(db: Queryable, writes: OutboxWrites): Promise<void> {
  const planned = writes.deliveries.map((d) => [
    ...[d.id, d.channel, d.target, d.targetName, d.requestId, d.ref, d.platformId, d.level, d.trigger, d.topic],
    ...[d.causeSeq, d.body, d.path, d.dedupKey, d.orderKey, 'pending', 0, d.nextAttemptAt, d.createdAt],
  ]);
  // A delivery planned once whatever happens (its dedup key already taken) is not planned again.
  await insertRows(db, 'deliveries', DELIVERY_WRITTEN, planned, 'ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING');
  await updateDeliveries(db, writes.deliveryUpdates);
  const secrets = lastByKey(writes.webhookSecrets, (secret) => secret.webhookId);
  await upsertRows(
    db,
    'webhook_secrets',
    'webhook_id',
    SECRET_WRITTEN,
    secrets.map((s) => [s.webhookId, s.version, s.sealed, s.createdAt]),
  );
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

/** Reading the outbox's tables in PostgreSQL: the same answers as `SqliteOutbox`, `planned` standing for its rowid. */
export class PgOutbox implements OutboxStore {
  constructor(private readonly db: Queryable) {}

  async dueDeliveries(now: number, limit: number, skipIds: readonly string[], skipTargets: readonly string[]): Promise<DeliveryRecord[]> {
    const { rows } = await this.db.query<DeliveryRow>(
      `SELECT * FROM deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= $1
         AND d.id <> ALL($2::text[]) AND d.target <> ALL($3::text[])
         AND (d.order_key IS NULL OR NOT EXISTS (
           SELECT 1 FROM deliveries e WHERE e.status = 'pending' AND e.order_key = d.order_key AND e.planned < d.planned))
       ORDER BY d.next_attempt_at, d.planned LIMIT $4`,
      [now, skipIds, skipTargets, limit],
    );
    return rows.map(toRecord);
  }

  async webhookSecret(webhookId: string): Promise<SealedSecret | undefined> {
    const { rows } = await this.db.query<SecretRow>(
      'SELECT webhook_id, version, sealed, created_at FROM webhook_secrets WHERE webhook_id = $1',
      [webhookId],
    );
    return rows[0] && toSecret(rows[0]);
  }

  async deliveryCounts(): Promise<Record<DeliveryStatus, number>> {
    const { rows } = await this.db.query<{ status: DeliveryStatus; n: number }>(
      'SELECT status, count(*) AS n FROM deliveries GROUP BY status',
    );
    return countsByStatus(rows);
  }

  /** Newest first, never ending a page inside a run of deliveries planned at the same time (see `deliveryLogPage`). */
  deliveryPage(query: DeliveriesRequest): Promise<Extract<DeliveriesResponse, { ok: true }>> {
    const statusIs = '($2::text IS NULL OR status = $2)';
    const reads: DeliveryLogReads = {
      newest: async (before, status, limit) =>
        (
          await this.db.query<DeliveryRow>(
            `SELECT ${SUMMARY_COLUMNS} FROM deliveries WHERE created_at < $1 AND ${statusIs} ORDER BY created_at DESC, planned DESC LIMIT $3`,
            [before, status, limit],
          )
        ).rows,
      plannedAt: async (at, status) =>
        (
          await this.db.query<DeliveryRow>(
            `SELECT ${SUMMARY_COLUMNS} FROM deliveries WHERE created_at = $1 AND ${statusIs} ORDER BY planned DESC`,
            [at, status],
          )
        ).rows,
    };
    return deliveryLogPage(query, reads);
  }
}
