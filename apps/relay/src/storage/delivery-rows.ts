/**
 * The outbox's rows as every engine stores them, and what they are read as: the sender's due
 * deliveries, the prefect's delivery log (paged the same way whatever the engine), the sealed secrets.
 */
import {
  DELIVERY_STATUSES,
  type DeliveriesRequest,
  type DeliveriesResponse,
  type DeliveryStatus,
  type DeliverySummary,
} from '@contact-desk/shared';
import type { DeliveryRecord, OutboxStore, SealedSecret } from './outbox-store.js';

/** A row of the `deliveries` table, in every engine. */
export interface DeliveryRow {
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

/** The columns the delivery log shows (never a delivery's content). */
export const SUMMARY_COLUMNS =
  'id, channel, target, target_name, request_id, ref, platform_id, trigger, topic, status, attempts, created_at, last_attempt_at, next_attempt_at, last_detail';

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

/** A row of the `webhook_secrets` table. */
export interface SecretRow {
  webhook_id: string;
  version: number;
  sealed: string;
  created_at: number;
}

function toSecret(row: SecretRow): SealedSecret {
  return { webhookId: row.webhook_id, version: row.version, sealed: row.sealed, createdAt: row.created_at };
}

/** Counts by status, every status present (zero when no row has it). */
function countsByStatus(rows: Iterable<{ status: DeliveryStatus; n: number }>): Record<DeliveryStatus, number> {
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as Record<DeliveryStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** An engine's answer: at once (SQLite) or later (a server). */
type Answer<T> = T | Promise<T>;

/**
 * The reads of the outbox's tables, as each engine writes them in its SQL; rows come back as
 * stored. Within one `created_at`, and among deliveries sharing an order key, the order is the
 * order of planning (SQLite's rowid, PostgreSQL's `planned`).
 */
export interface OutboxQueries {
  /** Pending rows due at `now`, oldest due first, each the first of its order key still pending, without the skipped. */
  due(now: number, limit: number, skipIds: readonly string[], skipTargets: readonly string[]): Answer<DeliveryRow[]>;
  secret(webhookId: string): Answer<SecretRow | undefined>;
  counts(): Answer<{ status: DeliveryStatus; n: number }[]>;
  /** Up to `limit` rows created before `before` (and with `status`, when not null), newest first. */
  newest(before: number, status: DeliveryStatus | null, limit: number): Answer<DeliveryRow[]>;
  /** Every row created at `at` (and with `status`, when not null), newest first. */
  plannedAt(at: number, status: DeliveryStatus | null): Answer<DeliveryRow[]>;
}

/**
 * One page of the delivery log, newest first. A page never ends inside a run of deliveries
 * planned at the same time, so that `before` (the last one's `createdAt`) misses none of them on
 * the next page; a run longer than the page comes whole.
 */
async function deliveryLogPage(query: DeliveriesRequest, reads: OutboxQueries): Promise<Extract<DeliveriesResponse, { ok: true }>> {
  const status = query.status ?? null;
  const rows = await reads.newest(query.before ?? Number.MAX_SAFE_INTEGER, status, query.limit + 1);
  if (rows.length <= query.limit) return { ok: true, deliveries: rows.map(toSummary), hasMore: false };
  const cut = rows[query.limit - 1]?.created_at;
  let page = rows.slice(0, query.limit);
  if (cut !== undefined && rows[query.limit]?.created_at === cut) {
    page = page.filter((row) => row.created_at !== cut);
    if (page.length === 0) {
      const run = await reads.plannedAt(cut, status);
      const older = (await reads.newest(cut, status, 1)).length > 0;
      return { ok: true, deliveries: run.map(toSummary), hasMore: older };
    }
  }
  return { ok: true, deliveries: page.map(toSummary), hasMore: true };
}

/** Reading the outbox, the same in every engine: the engine's queries, their rows turned into what the sender and the delivery log see. */
export class OutboxReads implements OutboxStore {
  constructor(private readonly queries: OutboxQueries) {}

  async dueDeliveries(now: number, limit: number, skipIds: readonly string[], skipTargets: readonly string[]): Promise<DeliveryRecord[]> {
    return (await this.queries.due(now, limit, skipIds, skipTargets)).map(toRecord);
  }

  async webhookSecret(webhookId: string): Promise<SealedSecret | undefined> {
    const row = await this.queries.secret(webhookId);
    return row && toSecret(row);
  }

  async deliveryCounts(): Promise<Record<DeliveryStatus, number>> {
    return countsByStatus(await this.queries.counts());
  }

  deliveryPage(query: DeliveriesRequest): Promise<Extract<DeliveriesResponse, { ok: true }>> {
    return deliveryLogPage(query, this.queries);
  }
}
