import type Database from 'better-sqlite3';
import { GENESIS_HASH, visibilityClass, type LogPosition, type LoggedEvent, type Viewer } from '@contact-desk/shared';
import { eventColumns } from './commit-rows.js';
import { EVENT_COLUMNS, EVENT_ROW_NAMES, toEvent, type EventRow } from './event-row.js';

/**
 * The log's rows: appending an event (with the platforms of a `platforms` audience) and the
 * indexed reads — a viewer's page after a seq, one request's own events, the head.
 */
export class SqliteEventLog {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insertEvent: db.prepare(
        `INSERT INTO events (seq, server_time, type, actor_id, actor, mutation_id, client_time, audience, platform_id, payload, prev_hash, hash)
         VALUES (@seq, @server_time, @type, @actor_id, @actor, @mutation_id, @client_time, @audience, @platform_id, @payload, @prev_hash, @hash)`,
      ),
      insertEventPlatform: db.prepare('INSERT INTO event_platforms (platform_id, seq) VALUES (?, ?)'),
      // A request's own events: created (the request in the payload), comments, and every step.
      requestEvents: db.prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE platform_id = @platformId AND seq > @afterSeq
           AND coalesce(json_extract(payload, '$.requestId'), json_extract(payload, '$.request.id'), json_extract(payload, '$.comment.requestId')) = @requestId
         ORDER BY seq LIMIT @limit`,
      ),
      head: db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1'),
      hashAt: db.prepare('SELECT hash FROM events WHERE seq = ?'),
      serverTimeAt: db.prepare('SELECT server_time FROM events WHERE seq = ?'),
      eventsAll: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT ?`),
      eventsMinistry: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE seq > ? AND audience != 'admin' ORDER BY seq LIMIT ?`),
      // A platform's page: its own audience, `all`, and the `platforms` audiences that name it,
      // each through its index.
      eventsPlatform: db.prepare(
        `SELECT ${EVENT_ROW_NAMES} FROM (
           SELECT ${EVENT_COLUMNS} FROM events WHERE platform_id IS NOT NULL AND platform_id = @platformId AND seq > @afterSeq
           UNION ALL
           SELECT ${EVENT_COLUMNS} FROM events WHERE audience = 'all' AND seq > @afterSeq
           UNION ALL
           SELECT ${EVENT_COLUMNS} FROM events
             WHERE seq IN (SELECT seq FROM event_platforms WHERE platform_id = @platformId AND seq > @afterSeq)
         ) ORDER BY seq LIMIT @limit`,
      ),
    };
  }

  insert(event: LoggedEvent): void {
    const { audience } = event;
    // The request's id is a column of PostgreSQL's log only (its timeline index); SQLite reads the payload.
    const { request_id: _requestId, ...columns } = eventColumns(event);
    this.statements.insertEvent.run(columns);
    if (audience.kind === 'platforms') {
      for (const platformId of audience.platformIds) this.statements.insertEventPlatform.run(platformId, event.seq);
    }
  }

  head(): LogPosition {
    const row = this.statements.head.get() as LogPosition | undefined;
    return row ?? { seq: 0, hash: GENESIS_HASH };
  }

  hashAt(seq: number): string | undefined {
    return (this.statements.hashAt.get(seq) as { hash: string } | undefined)?.hash;
  }

  serverTimeAt(seq: number): number {
    return (this.statements.serverTimeAt.get(seq) as { server_time: number } | undefined)?.server_time ?? 0;
  }

  /** Every event after a seq, whatever its audience. */
  eventsAfterAll(afterSeq: number, limit: number): LoggedEvent[] {
    return (this.statements.eventsAll.all(afterSeq, limit) as EventRow[]).map(toEvent);
  }

  requestEvents(platformId: string, requestId: string, afterSeq: number, limit: number): LoggedEvent[] {
    return (this.statements.requestEvents.all({ platformId, afterSeq, requestId, limit }) as EventRow[]).map(toEvent);
  }

  eventsAfter(viewer: Viewer, afterSeq: number, limit: number): LoggedEvent[] {
    const visibility = visibilityClass(viewer);
    const s = this.statements;
    let rows: EventRow[];
    if (visibility === 'admin') rows = s.eventsAll.all(afterSeq, limit) as EventRow[];
    else if (visibility === 'ministry') rows = s.eventsMinistry.all(afterSeq, limit) as EventRow[];
    else rows = s.eventsPlatform.all({ platformId: viewer.platformId, afterSeq, limit }) as EventRow[];
    return rows.map(toEvent);
  }
}
