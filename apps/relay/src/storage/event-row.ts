import type { Audience, LoggedEvent } from '@contact-desk/shared';

/** A row of the `events` table. */
export interface EventRow {
  seq: number;
  server_time: number;
  type: string;
  actor: string;
  mutation_id: string | null;
  client_time: number | null;
  audience: Audience['kind'];
  platform_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

export const EVENT_COLUMNS =
  'seq, server_time, type, actor, mutation_id, client_time, audience, platform_id, payload, prev_hash, hash';

export function toEvent(row: EventRow): LoggedEvent {
  const audience: Audience =
    row.audience === 'platform' ? { kind: 'platform', platformId: row.platform_id ?? '' } : { kind: row.audience };
  return {
    seq: row.seq,
    serverTime: row.server_time,
    type: row.type,
    actor: JSON.parse(row.actor),
    mutationId: row.mutation_id,
    clientTime: row.client_time,
    audience,
    payload: JSON.parse(row.payload),
    prevHash: row.prev_hash,
    hash: row.hash,
  } as LoggedEvent;
}
