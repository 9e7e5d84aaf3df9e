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
  /** The platforms of a `platforms` audience, as a JSON array; null for every other audience. */
  platform_ids: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** The columns of an `EventRow`, for a select over `events` (a `platforms` audience's ids read from event_platforms). */
export const EVENT_COLUMNS = `seq, server_time, type, actor, mutation_id, client_time, audience, platform_id,
  CASE audience WHEN 'platforms' THEN (SELECT json_group_array(p.platform_id) FROM event_platforms p WHERE p.seq = events.seq) END AS platform_ids,
  payload, prev_hash, hash`;

/** The same names, for a select over a subquery that already has them. */
export const EVENT_ROW_NAMES =
  'seq, server_time, type, actor, mutation_id, client_time, audience, platform_id, platform_ids, payload, prev_hash, hash';

function audienceOf(row: EventRow): Audience {
  switch (row.audience) {
    case 'platform':
      return { kind: 'platform', platformId: row.platform_id ?? '' };
    case 'platforms':
      // Sorted as `platformsAudience` wrote them: the audience hashed with the event.
      return { kind: 'platforms', platformIds: (JSON.parse(row.platform_ids ?? '[]') as string[]).sort() };
    default:
      return { kind: row.audience };
  }
}

export function toEvent(row: EventRow): LoggedEvent {
  const audience = audienceOf(row);
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
