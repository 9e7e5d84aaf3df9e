import {
  DELIVERY_STATUSES,
  type DeliveriesRequest,
  type DeliveriesResponse,
  type DeliveryStatus,
  type DeliverySummary,
} from '@contact-desk/shared';
import type { DeliveryRecord, SealedSecret } from './outbox-store.js';

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

export function toRecord(row: DeliveryRow): DeliveryRecord {
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
export function toSummary(row: DeliveryRow): DeliverySummary {
  return { deliveryId: row.id, ...shownOf(row), nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null };
}

/** A row of the `webhook_secrets` table. */
export interface SecretRow {
  webhook_id: string;
  version: number;
  sealed: string;
  created_at: number;
}

export function toSecret(row: SecretRow): SealedSecret {
  return { webhookId: row.webhook_id, version: row.version, sealed: row.sealed, createdAt: row.created_at };
}

/** Counts by status, every status present (zero when no row has it). */
export function countsByStatus(rows: Iterable<{ status: DeliveryStatus; n: number }>): Record<DeliveryStatus, number> {
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as Record<DeliveryStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** The two reads the delivery log's paging needs from an engine, newest first, in planning order within a time. */
export interface DeliveryLogReads {
  /** Up to `limit` rows created before `before` (and with `status`, when not null). */
  newest(before: number, status: DeliveryStatus | null, limit: number): Promise<DeliveryRow[]> | DeliveryRow[];
  /** Every row created at `at` (and with `status`, when not null). */
  plannedAt(at: number, status: DeliveryStatus | null): Promise<DeliveryRow[]> | DeliveryRow[];
}

/**
 * One page of the delivery log, newest first. A page never ends inside a run of deliveries
 * planned at the same time, so that `before` (the last one's `createdAt`) misses none of them on
 * the next page; a run longer than the page comes whole.
 */
export async function deliveryLogPage(
  query: DeliveriesRequest,
  reads: DeliveryLogReads,
): Promise<Extract<DeliveriesResponse, { ok: true }>> {
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
