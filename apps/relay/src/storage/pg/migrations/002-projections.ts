import type { Migration } from './migration.js';

/**
 * The folded state, one JSON document per entity; the columns beside `doc` are there for indexes
 * and for people reading the database, never read back as state.
 */
export const PROJECTIONS: Migration = {
  version: 2,
  name: 'projections',
  sql: `
CREATE TABLE requests (
  id           TEXT    PRIMARY KEY,
  ref          TEXT    NOT NULL UNIQUE,
  platform_id  TEXT    NOT NULL,
  status       TEXT    NOT NULL,
  priority     TEXT    NOT NULL,
  created_at   BIGINT  NOT NULL,
  received_at  BIGINT,
  ack_at       BIGINT,
  answered_at  BIGINT,
  updated_at   BIGINT  NOT NULL,
  doc          TEXT    NOT NULL
);
CREATE INDEX requests_by_platform ON requests (platform_id, created_at);

CREATE TABLE comments (
  id           TEXT    PRIMARY KEY,
  request_id   TEXT    NOT NULL,
  created_at   BIGINT  NOT NULL,
  doc          TEXT    NOT NULL
);
CREATE INDEX comments_by_request ON comments (request_id, created_at);

CREATE TABLE platforms (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE users (id TEXT PRIMARY KEY, role TEXT NOT NULL, platform_id TEXT, doc TEXT NOT NULL);
CREATE TABLE devices (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE meeting_records (id TEXT PRIMARY KEY, type TEXT NOT NULL, meeting_id TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX meeting_records_by_meeting ON meeting_records (meeting_id);
-- Webhooks and API keys as the log describes them (never their secrets).
CREATE TABLE integrations (id TEXT PRIMARY KEY, type TEXT NOT NULL, platform_id TEXT, doc TEXT NOT NULL);
-- The ministry's campaigns: a crisis's requests are followed together.
CREATE TABLE campaigns (id TEXT PRIMARY KEY, status TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE ref_counters (year INTEGER PRIMARY KEY, counter INTEGER NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
};
