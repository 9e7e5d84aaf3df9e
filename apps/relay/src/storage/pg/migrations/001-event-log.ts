import type { Migration } from './migration.js';

/**
 * The hash-chained log, and the answers given to mutations. `request_id` is taken from the payload when the event is written (its
 * `requestId`, or its request's or comment's id) so that a request's timeline is one index range.
 * Rows are never updated nor deleted: triggers refuse it, whoever asks.
 */
export const EVENT_LOG: Migration = {
  version: 1,
  name: 'event log',
  sql: `
CREATE TABLE events (
  seq          BIGINT  PRIMARY KEY CHECK (seq > 0),
  server_time  BIGINT  NOT NULL,
  type         TEXT    NOT NULL,
  actor_id     TEXT    NOT NULL,
  actor        TEXT    NOT NULL,
  mutation_id  TEXT,
  client_time  BIGINT,
  audience     TEXT    NOT NULL CHECK (audience IN ('all', 'ministry', 'admin', 'platform', 'platforms')),
  -- The platform of a 'platform' audience; those of a 'platforms' audience are in event_platforms.
  platform_id  TEXT,
  request_id   TEXT,
  -- The event's payload and actor as JSON text, byte for byte as written (the chain hashes the event).
  payload      TEXT    NOT NULL,
  prev_hash    TEXT    NOT NULL,
  hash         TEXT    NOT NULL
);
-- A liaison's pull: its platform's events, those for all, and the 'platforms' audiences naming it.
CREATE INDEX events_by_platform ON events (platform_id, seq) WHERE platform_id IS NOT NULL;
CREATE INDEX events_for_all ON events (seq) WHERE audience = 'all';
-- A request's timeline as its platform sees it (the REST API).
CREATE INDEX events_by_request ON events (platform_id, request_id, seq) WHERE platform_id IS NOT NULL AND request_id IS NOT NULL;

CREATE TABLE event_platforms (
  platform_id  TEXT    NOT NULL,
  seq          BIGINT  NOT NULL REFERENCES events (seq),
  PRIMARY KEY (platform_id, seq)
);
CREATE INDEX event_platforms_by_seq ON event_platforms (seq);

-- The answer recorded for each mutation, written with its events: a mutation sent again gets it.
CREATE TABLE mutations (
  mutation_id  TEXT    PRIMARY KEY,
  user_id      TEXT    NOT NULL,
  received_at  BIGINT  NOT NULL,
  status       TEXT    NOT NULL CHECK (status IN ('accepted', 'rejected')),
  result       TEXT    NOT NULL,
  -- What was asked, for mutations sent through the REST API: the same id for another request is refused.
  request_hash TEXT
);

CREATE FUNCTION refuse_log_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION refuse_log_rewrite();
CREATE TRIGGER events_not_truncated BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_rewrite();
CREATE TRIGGER event_platforms_append_only BEFORE UPDATE OR DELETE ON event_platforms
  FOR EACH ROW EXECUTE FUNCTION refuse_log_rewrite();
CREATE TRIGGER event_platforms_not_truncated BEFORE TRUNCATE ON event_platforms
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_rewrite();
`,
};
