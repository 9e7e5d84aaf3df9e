import { OUTBOX_SCHEMA_SQL } from './outbox-schema.js';

/**
 * Schema of the relay's SQLite file. Versioned through `PRAGMA user_version`: 3 adds the
 * integrations, 4 the API keys' hashes and the requests' digests of mutations, 5 the outbox,
 * 6 the `platforms` audience (the ministry and several platforms: a meeting's invitees), 7 the
 * campaigns.
 */
export const SCHEMA_VERSION = 7;

/** The log's table, under a name (a migration builds it anew beside the old one). */
export function eventsTableSql(name: string): string {
  return `
CREATE TABLE IF NOT EXISTS ${name} (
  seq          INTEGER PRIMARY KEY,
  server_time  INTEGER NOT NULL,
  type         TEXT    NOT NULL,
  actor_id     TEXT    NOT NULL,
  actor        TEXT    NOT NULL,
  mutation_id  TEXT,
  client_time  INTEGER,
  audience     TEXT    NOT NULL CHECK (audience IN ('all', 'ministry', 'admin', 'platform', 'platforms')),
  -- The platform of a 'platform' audience; those of a 'platforms' audience are in event_platforms.
  platform_id  TEXT,
  payload      TEXT    NOT NULL,
  -- The hash chain (see packages/shared/src/protocol/chain.ts), written in the event's transaction.
  prev_hash    TEXT    NOT NULL,
  hash         TEXT    NOT NULL
);`;
}

export const SCHEMA_SQL = `${eventsTableSql('events')}
-- The platforms of each event addressed to the ministry and several platforms, keyed for a
-- liaison's pull (platform, then seq) and read back by seq.
CREATE TABLE IF NOT EXISTS event_platforms (
  platform_id  TEXT    NOT NULL,
  seq          INTEGER NOT NULL,
  PRIMARY KEY (platform_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_platforms_by_seq ON event_platforms (seq);
-- Partial indexes: only the rows a liaison's pull looks up are indexed, so most appends touch
-- one index at most.
CREATE INDEX IF NOT EXISTS events_by_platform ON events (platform_id, seq) WHERE platform_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_for_all ON events (seq) WHERE audience = 'all';

CREATE TABLE IF NOT EXISTS mutations (
  mutation_id  TEXT PRIMARY KEY,
  user_id      TEXT    NOT NULL,
  received_at  INTEGER NOT NULL,
  status       TEXT    NOT NULL CHECK (status IN ('accepted', 'rejected')),
  result       TEXT    NOT NULL,
  -- What was asked, for mutations sent through the REST API: the same id for another request is refused.
  request_hash TEXT
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS requests (
  id           TEXT PRIMARY KEY,
  ref          TEXT    NOT NULL UNIQUE,
  platform_id  TEXT    NOT NULL,
  status       TEXT    NOT NULL,
  priority     TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  received_at  INTEGER,
  ack_at       INTEGER,
  answered_at  INTEGER,
  updated_at   INTEGER NOT NULL,
  doc          TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS requests_by_platform ON requests (platform_id, created_at);

CREATE TABLE IF NOT EXISTS comments (
  id           TEXT PRIMARY KEY,
  request_id   TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  doc          TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS comments_by_request ON comments (request_id, created_at);

CREATE TABLE IF NOT EXISTS platforms (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, role TEXT NOT NULL, platform_id TEXT, doc TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, doc TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meeting_records (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, meeting_id TEXT NOT NULL, doc TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS meeting_records_by_meeting ON meeting_records (meeting_id);
-- Webhooks and API keys as the log describes them (never their secrets).
CREATE TABLE IF NOT EXISTS integrations (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, platform_id TEXT, doc TEXT NOT NULL
) WITHOUT ROWID;
-- The ministry's campaigns: a crisis's requests are followed together.
CREATE TABLE IF NOT EXISTS campaigns (id TEXT PRIMARY KEY, status TEXT NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ref_counters (year INTEGER PRIMARY KEY, counter INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- Credentials: only hashes of secrets are stored.
CREATE TABLE IF NOT EXISTS enrollment_codes (
  code_hash    TEXT PRIMARY KEY,
  user_id      TEXT    NOT NULL,
  expires_at   INTEGER NOT NULL,
  used_at      INTEGER
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS device_tokens (
  token_hash   TEXT PRIMARY KEY,
  device_id    TEXT    NOT NULL UNIQUE
) WITHOUT ROWID;
-- The SHA-256 of each API key, looked up by the key's id (the key itself is shown once, never stored).
CREATE TABLE IF NOT EXISTS api_keys (
  api_key_id   TEXT PRIMARY KEY,
  key_hash     TEXT    NOT NULL
) WITHOUT ROWID;
${OUTBOX_SCHEMA_SQL}`;
