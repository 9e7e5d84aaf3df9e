import type { Migration } from './migration.js';

/** Credentials: only hashes of secrets are stored. */
export const CREDENTIALS: Migration = {
  version: 3,
  name: 'credentials',
  sql: `
CREATE TABLE enrollment_codes (
  code_hash    TEXT    PRIMARY KEY,
  user_id      TEXT    NOT NULL,
  expires_at   BIGINT  NOT NULL,
  used_at      BIGINT
);
-- Issuing a code cancels the user's older unused ones.
CREATE INDEX enrollment_codes_unused_by_user ON enrollment_codes (user_id) WHERE used_at IS NULL;
CREATE TABLE device_tokens (
  token_hash   TEXT    PRIMARY KEY,
  device_id    TEXT    NOT NULL UNIQUE
);
-- The SHA-256 of each API key, looked up by the key's id (the key itself is shown once, never stored).
CREATE TABLE api_keys (
  api_key_id   TEXT    PRIMARY KEY,
  key_hash     TEXT    NOT NULL
);
`,
};
