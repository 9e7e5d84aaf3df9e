import type Database from 'better-sqlite3';
import type { DeliveryStatus } from '@contact-desk/shared';
import { OutboxReads, SUMMARY_COLUMNS, type DeliveryRow, type SecretRow } from './delivery-rows.js';
import type { OutboxWrites } from './outbox-store.js';

/** The outbox's tables in the relay's SQLite file; `write` runs inside the storage's commit, the reads are `OutboxReads`'. */
export class SqliteOutbox extends OutboxReads {
  private readonly statements;

  constructor(db: Database.Database) {
    const statements = {
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
    super({
      due: (now, limit, skipIds, skipTargets) =>
        statements.due.all({ now, limit, skipIds: JSON.stringify(skipIds), skipTargets: JSON.stringify(skipTargets) }) as DeliveryRow[],
      secret: (webhookId) => statements.secret.get(webhookId) as SecretRow | undefined,
      counts: () => statements.counts.all() as { status: DeliveryStatus; n: number }[],
      newest: (before, status, limit) => statements.page.all({ before, status, limit }) as DeliveryRow[],
      plannedAt: (at, status) => statements.at.all({ at, status }) as DeliveryRow[],
    });
    this.statements = statements;
  }

  write(writes: OutboxWrites): void {
    const s = this.statements;
    for (const delivery of writes.deliveries) s.insert.run(delivery);
    for (const update of writes.deliveryUpdates) {
      if (s.update.run(update).changes !== 1) throw new Error(`no delivery ${update.id} to update`);
    }
    for (const secret of writes.webhookSecrets) s.upsertSecret.run(secret.webhookId, secret.version, secret.sealed, secret.createdAt);
  }
}
