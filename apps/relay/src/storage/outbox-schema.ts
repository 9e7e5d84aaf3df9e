/**
 * Tables of the outbox (schema version 4). The rowid is the order deliveries were planned in:
 * deliveries sharing an order key go out in that order, and the delivery log pages by it.
 */
export const OUTBOX_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS deliveries (
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
  cause_seq        INTEGER,
  body             TEXT    NOT NULL,
  path             TEXT,
  dedup_key        TEXT,
  order_key        TEXT,
  status           TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'abandoned')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER,
  created_at       INTEGER NOT NULL,
  last_attempt_at  INTEGER,
  last_detail      TEXT
);
-- Only deliveries planned once whatever happens (a deadline that is near) carry a dedup key.
CREATE UNIQUE INDEX IF NOT EXISTS deliveries_dedup ON deliveries (dedup_key) WHERE dedup_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS deliveries_in_order ON deliveries (order_key) WHERE status = 'pending' AND order_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS deliveries_by_time ON deliveries (created_at);
CREATE INDEX IF NOT EXISTS deliveries_by_status ON deliveries (status, created_at);

-- A webhook's signing secret or pager key, sealed with the key file of the data folder.
CREATE TABLE IF NOT EXISTS webhook_secrets (
  webhook_id   TEXT PRIMARY KEY,
  version      INTEGER NOT NULL,
  sealed       TEXT    NOT NULL,
  created_at   INTEGER NOT NULL
) WITHOUT ROWID;
`;
