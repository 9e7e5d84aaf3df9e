import type { Migration } from './migration.js';

/**
 * The outbox (docs/decisions/0008). `planned` is the order deliveries were planned in (SQLite's
 * rowid): every write holds the log's write lock, so it is also the order they were committed in.
 */
export const OUTBOX: Migration = {
  version: 4,
  name: 'outbox',
  sql: `
CREATE TABLE deliveries (
  planned          BIGSERIAL PRIMARY KEY,
  id               TEXT    NOT NULL UNIQUE,
  channel          TEXT    NOT NULL CHECK (channel IN ('email', 'webhook')),
  target           TEXT    NOT NULL,
  target_name      TEXT,
  request_id       TEXT,
  ref              TEXT,
  platform_id      TEXT,
  level            INTEGER,
  trigger          TEXT    NOT NULL,
  topic            TEXT,
  cause_seq        BIGINT,
  body             TEXT    NOT NULL,
  path             TEXT,
  dedup_key        TEXT,
  order_key        TEXT,
  status           TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'abandoned')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  BIGINT,
  created_at       BIGINT  NOT NULL,
  last_attempt_at  BIGINT,
  last_detail      TEXT
);
-- Only deliveries planned once whatever happens (a deadline that is near) carry a dedup key.
CREATE UNIQUE INDEX deliveries_dedup ON deliveries (dedup_key) WHERE dedup_key IS NOT NULL;
CREATE INDEX deliveries_due ON deliveries (next_attempt_at, planned) WHERE status = 'pending';
CREATE INDEX deliveries_in_order ON deliveries (order_key, planned) WHERE status = 'pending' AND order_key IS NOT NULL;
CREATE INDEX deliveries_by_time ON deliveries (created_at, planned);
CREATE INDEX deliveries_by_status ON deliveries (status, created_at, planned);

-- A webhook's signing secret or pager key, sealed with the key file of the data folder.
CREATE TABLE webhook_secrets (
  webhook_id   TEXT    PRIMARY KEY,
  version      INTEGER NOT NULL,
  sealed       TEXT    NOT NULL,
  created_at   BIGINT  NOT NULL
);
`,
};
