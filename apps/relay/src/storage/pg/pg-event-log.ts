import { GENESIS_HASH, visibilityClass, type LogPosition, type LoggedEvent, type Viewer } from '@contact-desk/shared';
import { eventColumns } from '../commit-rows.js';
import { toEvent, type EventRow } from '../event-row.js';
import type { Queryable } from './pg-connections.js';
import { insertRows, type Columns } from './pg-rows.js';

/** The columns of an `EventRow`, from `events e` (a `platforms` audience's ids read from event_platforms). */
const EVENT_COLUMNS = `e.seq, e.server_time, e.type, e.actor, e.mutation_id, e.client_time, e.audience, e.platform_id,
  CASE e.audience WHEN 'platforms' THEN (SELECT json_agg(p.platform_id)::text FROM event_platforms p WHERE p.seq = e.seq) END AS platform_ids,
  e.payload, e.prev_hash, e.hash`;

const EVENT_WRITTEN: Columns = {
  seq: 'bigint',
  server_time: 'bigint',
  type: 'text',
  actor_id: 'text',
  actor: 'text',
  mutation_id: 'text',
  client_time: 'bigint',
  audience: 'text',
  platform_id: 'text',
  request_id: 'text',
  payload: 'text',
  prev_hash: 'text',
  hash: 'text',
};

/** Appends events (and the platforms of their `platforms` audiences): two statements whatever their number. */
export async function insertEvents(db: Queryable, events: readonly LoggedEvent[]): Promise<void> {
  await insertRows(db, 'events', EVENT_WRITTEN, events.map(eventColumns));
  const platforms = events.flatMap(({ audience, seq }) =>
    audience.kind === 'platforms' ? audience.platformIds.map((platformId) => ({ platform_id: platformId, seq })) : [],
  );
  await insertRows(db, 'event_platforms', { platform_id: 'text', seq: 'bigint' }, platforms);
}

async function events(db: Queryable, sql: string, values: unknown[]): Promise<LoggedEvent[]> {
  return (await db.query<EventRow>(sql, values)).rows.map(toEvent);
}

export async function head(db: Queryable): Promise<LogPosition> {
  const { rows } = await db.query<LogPosition>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1');
  return rows[0] ?? { seq: 0, hash: GENESIS_HASH };
}

export async function hashAt(db: Queryable, seq: number): Promise<string | undefined> {
  return (await db.query<{ hash: string }>('SELECT hash FROM events WHERE seq = $1', [seq])).rows[0]?.hash;
}

/** Every event after a seq, every audience: what a write missed of other nodes' appends. */
export function allAfter(db: Queryable, afterSeq: number): Promise<LoggedEvent[]> {
  return events(db, `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.seq > $1 ORDER BY e.seq`, [afterSeq]);
}

/** A request's own events that its platform sees: created (the request in the payload), comments, every step. */
export function requestEvents(db: Queryable, platformId: string, requestId: string, afterSeq: number, limit: number) {
  return events(
    db,
    `SELECT ${EVENT_COLUMNS} FROM events e
     WHERE e.platform_id = $1 AND e.request_id = $2 AND e.seq > $3 ORDER BY e.seq LIMIT $4`,
    [platformId, requestId, afterSeq, limit],
  );
}

/**
 * A liaison's page: its platform's audience, `all`, and the `platforms` audiences that name it,
 * each through its own index and cut at the page's size before they are merged.
 */
const PLATFORM_PAGE = `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.seq IN (
    (SELECT seq FROM events WHERE platform_id = $1 AND seq > $2 ORDER BY seq LIMIT $3)
    UNION ALL (SELECT seq FROM events WHERE audience = 'all' AND seq > $2 ORDER BY seq LIMIT $3)
    UNION ALL (SELECT seq FROM event_platforms WHERE platform_id = $1 AND seq > $2 ORDER BY seq LIMIT $3)
  ) ORDER BY e.seq LIMIT $3`;

/** Next page of events the viewer may see, after a seq: one query per visibility class. */
export function eventsAfter(db: Queryable, viewer: Viewer, afterSeq: number, limit: number): Promise<LoggedEvent[]> {
  const visibility = visibilityClass(viewer);
  if (visibility === 'admin')
    return events(db, `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`, [afterSeq, limit]);
  if (visibility === 'ministry') {
    return events(db, `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.seq > $1 AND e.audience <> 'admin' ORDER BY e.seq LIMIT $2`, [
      afterSeq,
      limit,
    ]);
  }
  return events(db, PLATFORM_PAGE, [viewer.platformId, afterSeq, limit]);
}
