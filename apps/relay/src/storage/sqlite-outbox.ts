import type Database from 'better-sqlite3';
import {
  DELIVERY_STATUSES,
  type DeliveriesRequest,
  type DeliveriesResponse,
  type DeliveryStatus,
  type DeliverySummary,
} from '@contact-desk/shared';
import type { DeliveryRecord, OutboxStore, OutboxWrites, SealedSecret } from './outbox-store.js';

interface DeliveryRow {
  id: string;
  channel: DeliveryRecord['channel'];
  target: string;
  target_name: string | null;
  request_id: string | null;
  ref: string | null;
  platform_id: string | null;
  level: number | null;
  trigger: DeliveryRecord['trigger'];
  topic: string | null;
  cause_seq: number | null;
  body: string;
  path: string | null;
  dedup_key: string | null;
  order_key: string | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number | null;
  created_at: number;
  last_attempt_at: number | null;
  last_detail: string | null;
}

/** A row's columns that the delivery log shows, under their protocol names. */
function shownOf(row: DeliveryRow): Omit<DeliverySummary, 'deliveryId' | 'nextAttemptAt'> {
  return {
    channel: row.channel,
    target: row.target,
    targetName: row.target_name,
    requestId: row.request_id,
    ref: row.ref,
    platformId: row.platform_id,
    trigger: row.trigger,
    topic: row.topic,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    lastAttemptAt: row.last_attempt_at,
    lastDetail: row.last_detail,
  };
}

function toRecord(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    ...shownOf(row),
    level: row.level,
    causeSeq: row.cause_seq,
    body: row.body,
    path: row.path,
    dedupKey: row.dedup_key,
    orderKey: row.order_key,
    nextAttemptAt: row.next_attempt_at ?? 0,
  };
}

/** What the delivery log shows of a row: never its content. */
function toSummary(row: DeliveryRow): DeliverySummary {
  return { deliveryId: row.id, ...shownOf(row), nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null };
}

const SUMMARY_COLUMNS =
  'id, channel, target, target_name, request_id, ref, platform_id, trigger, topic, status, attempts, created_at, last_attempt_at, next_attempt_at, last_detail';

/** The outbox's tables in the relay's SQLite file; `write` runs inside the storage's commit. */
export class SqliteOutbox implements OutboxStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO deliveries (id, channel, target, target_name, request_id, ref, platform_id, level, trigger, topic,
           cause_seq, body, path, dedup_key, order_key, status, attempts, next_attempt_at, created_at)
         VALUES (@id, @channel, @target, @targetName, @requestId, @ref, @platformId, @level, @trigger, @topic,
           @causeSeq, @body, @path, @dedupKey, @orderKey, 'pending', 0, @nextAttemptAt, @createdAt)
         ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING`,
      ),
      update: db.prepare(
        `UPDATE deliveries SET status = @status, attempts = @attempts, next_attempt_at = @nextAttemptAt,
           last_attempt_at = @lastAttemptAt, last_detail = @lastDetail WHERE id = @id`,
      ),
      upsertSecret: db.prepare(
        `INSERT INTO webhook_secrets (webhook_id, version, sealed, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (webhook_id) DO UPDATE SET version = excluded.version, sealed = excluded.sealed, created_at = excluded.created_at`,
      ),
      secret: db.prepare('SELECT webhook_id, version, sealed, created_at FROM webhook_secrets WHERE webhook_id = ?'),
      due: db.prepare(
        `SELECT * FROM deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= @now
           AND d.id NOT IN (SELECT value FROM json_each(@skipIds))
           AND d.target NOT IN (SELECT value FROM json_each(@skipTargets))
           AND (d.order_key IS NULL OR NOT EXISTS (
             SELECT 1 FROM deliveries e WHERE e.status = 'pending' AND e.order_key = d.order_key AND e.rowid < d.rowid))
         ORDER BY d.next_attempt_at, d.rowid LIMIT @limit`,
      ),
      counts: db.prepare('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status'),
      page: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM deliveries WHERE created_at < @before AND (@status IS NULL OR status = @status)
         ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
      ),
      at: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM deliveries WHERE created_at = @at AND (@status IS NULL OR status = @status)
         ORDER BY rowid DESC`,
      ),
    };
  }

  write(writes: OutboxWrites): void {
    const s = this.statements;
    for (const delivery of writes.deliveries) s.insert.run(delivery);
    for (const update of writes.deliveryUpdates) {
      if (s.update.run(update).changes !== 1) throw new Error(`no delivery ${update.id} to update`);
    }
    for (const secret of writes.webhookSecrets) s.upsertSecret.run(secret.webhookId, secret.version, secret.sealed, secret.createdAt);
  }

  async dueDeliveries(now: number, limit: number, skipIds: readonly string[], skipTargets: readonly string[]): Promise<DeliveryRecord[]> {
    const rows = this.statements.due.all({
      now,
      limit,
      skipIds: JSON.stringify(skipIds),
      skipTargets: JSON.stringify(skipTargets),
    }) as DeliveryRow[];
    return rows.map(toRecord);
  }

  async webhookSecret(webhookId: string): Promise<SealedSecret | undefined> {
    const row = this.statements.secret.get(webhookId) as
      | { webhook_id: string; version: number; sealed: string; created_at: number }
      | undefined;
    return row && { webhookId: row.webhook_id, version: row.version, sealed: row.sealed, createdAt: row.created_at };
  }

  async deliveryCounts(): Promise<Record<DeliveryStatus, number>> {
    const counts = Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as Record<DeliveryStatus, number>;
    for (const row of this.statements.counts.all() as { status: DeliveryStatus; n: number }[]) counts[row.status] = row.n;
    return counts;
  }

  /**
   * Newest first. A page never ends inside a run of deliveries planned at the same time, so that
   * `before` (the last one's `createdAt`) misses none of them on the next page; a run longer than
   * the page comes whole.
   */
  async deliveryPage(query: DeliveriesRequest): Promise<Extract<DeliveriesResponse, { ok: true }>> {
    const status = query.status ?? null;
    const rows = this.statements.page.all({
      before: query.before ?? Number.MAX_SAFE_INTEGER,
      status,
      limit: query.limit + 1,
    }) as DeliveryRow[];
    if (rows.length <= query.limit) return { ok: true, deliveries: rows.map(toSummary), hasMore: false };
    const cut = rows[query.limit - 1]?.created_at;
    let page = rows.slice(0, query.limit);
    if (rows[query.limit]?.created_at === cut) {
      page = page.filter((row) => row.created_at !== cut);
      if (page.length === 0) {
        const run = this.statements.at.all({ at: cut, status }) as DeliveryRow[];
        const older = this.statements.page.all({ before: cut, status, limit: 1 }).length > 0;
        return { ok: true, deliveries: run.map(toSummary), hasMore: older };
      }
    }
    return { ok: true, deliveries: page.map(toSummary), hasMore: true };
  }
}
