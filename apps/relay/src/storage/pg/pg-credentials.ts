import type { CommitBatch, DeviceCredential, EnrollmentCodeRecord, StoredMutationResult, TokenReplacement } from '../storage.js';
import type { Queryable } from './pg-connections.js';
import { columns, insertRows } from './pg-rows.js';

const MUTATION_WRITTEN = columns({
  mutation_id: 'text',
  user_id: 'text',
  received_at: 'bigint',
  status: 'text',
  result: 'text',
  request_hash: 'text',
});
const API_KEY_WRITTEN = columns({ api_key_id: 'text', key_hash: 'text' });
const CODE_WRITTEN = columns({ code_hash: 'text', user_id: 'text', expires_at: 'bigint' });
const TOKEN_WRITTEN = columns({ token_hash: 'text', device_id: 'text' });

/**
 * A batch's answers to mutations and its credentials, in SQLite's order: codes issued before codes
 * spent (a code issued and spent in one batch), spent before superseded ones are cancelled (a
 * code spent in the batch stays spent, not cancelled).
 */
export async function writeCredentials(db: Queryable, batch: CommitBatch): Promise<void> {
  const answers = [...batch.mutationResults].map(([mutationId, stored]) => [
    mutationId,
    stored.userId,
    stored.receivedAt,
    stored.result.status,
    JSON.stringify(stored.result),
    stored.requestHash ?? null,
  ]);
  await insertRows(db, 'mutations', MUTATION_WRITTEN, answers);
  await insertRows(
    db,
    'api_keys',
    API_KEY_WRITTEN,
    batch.apiKeys.map((key) => [key.apiKeyId, key.keyHash]),
  );
  await insertRows(
    db,
    'enrollment_codes',
    CODE_WRITTEN,
    batch.enrollmentCodes.map((code) => [code.codeHash, code.userId, code.expiresAt]),
  );
  await spendCodes(db, batch.usedEnrollmentCodes);
  await insertRows(
    db,
    'device_tokens',
    TOKEN_WRITTEN,
    batch.deviceTokens.map((token) => [token.tokenHash, token.deviceId]),
  );
  await cancelSupersededCodes(db, batch);
}

/** Marks codes used; one already used (or unknown, or spent twice in the batch) fails the whole transaction. */
async function spendCodes(db: Queryable, used: CommitBatch['usedEnrollmentCodes']): Promise<void> {
  if (used.length === 0) return;
  const { rowCount } = await db.query(
    `UPDATE enrollment_codes c SET used_at = u.used_at FROM unnest($1::text[], $2::bigint[]) AS u (code_hash, used_at)
     WHERE c.code_hash = u.code_hash AND c.used_at IS NULL`,
    [used.map((code) => code.codeHash), used.map((code) => code.usedAt)],
  );
  if (rowCount !== used.length) throw new Error('enrollment code already used');
}

/**
 * Issuing a code to a user cancels their older unused ones, so only the last code handed out
 * works. A cancelled code is marked as used at the time its successor was issued: both are
 * refused alike.
 */
async function cancelSupersededCodes(db: Queryable, batch: CommitBatch): Promise<void> {
  if (batch.enrollmentCodes.length === 0) return;
  const issuedAt = batch.events[0]?.serverTime ?? 0;
  const latest = new Map(batch.enrollmentCodes.map((code) => [code.userId, code.codeHash]));
  await db.query(
    `UPDATE enrollment_codes c SET used_at = $1 FROM unnest($2::text[], $3::text[]) AS l (user_id, code_hash)
     WHERE c.user_id = l.user_id AND c.code_hash <> l.code_hash AND c.used_at IS NULL`,
    [issuedAt, [...latest.keys()], [...latest.values()]],
  );
}

interface MutationRow {
  mutation_id: string;
  user_id: string;
  result: string;
  request_hash: string | null;
}

/** The recorded answers of the mutation ids that have one. */
export async function mutationResults(db: Queryable, mutationIds: readonly string[]): Promise<Map<string, StoredMutationResult>> {
  if (mutationIds.length === 0) return new Map();
  const { rows } = await db.query<MutationRow>(
    'SELECT mutation_id, user_id, result, request_hash FROM mutations WHERE mutation_id = ANY($1::text[])',
    [mutationIds],
  );
  return new Map(
    rows.map((row) => [row.mutation_id, { userId: row.user_id, result: JSON.parse(row.result), requestHash: row.request_hash }]),
  );
}

interface CodeRow {
  code_hash: string;
  user_id: string;
  expires_at: number;
  used_at: number | null;
}

/** The enrollment codes (by hash) that exist. */
export async function enrollmentCodes(db: Queryable, codeHashes: readonly string[]): Promise<Map<string, EnrollmentCodeRecord>> {
  if (codeHashes.length === 0) return new Map();
  const { rows } = await db.query<CodeRow>(
    'SELECT code_hash, user_id, expires_at, used_at FROM enrollment_codes WHERE code_hash = ANY($1::text[])',
    [codeHashes],
  );
  return new Map(rows.map((row) => [row.code_hash, { userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at }]));
}

export async function credential(db: Queryable, tokenHash: string): Promise<DeviceCredential | undefined> {
  const { rows } = await db.query<{ device: string; user: string }>(
    `SELECT d.doc AS device, u.doc AS user FROM device_tokens t
     JOIN devices d ON d.id = t.device_id JOIN users u ON u.id = d.user_id WHERE t.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  return row && { device: JSON.parse(row.device), user: JSON.parse(row.user) };
}

export async function apiKeyHash(db: Queryable, apiKeyId: string): Promise<string | undefined> {
  return (await db.query<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE api_key_id = $1', [apiKeyId])).rows[0]?.key_hash;
}

const UNIQUE_VIOLATION = '23505';

/** Swaps a device's token hash in one statement (see `Storage.replaceDeviceToken`). */
export async function replaceDeviceToken(db: Queryable, currentTokenHash: string, newTokenHash: string): Promise<TokenReplacement> {
  // `token_hash` is the primary key: a hash already stored (this device's or another's) fails the
  // UPDATE, so nothing changes. Setting a hash to itself would not fail, hence the first check.
  if (newTokenHash === currentTokenHash) return 'in_use';
  try {
    const { rowCount } = await db.query('UPDATE device_tokens SET token_hash = $1 WHERE token_hash = $2', [newTokenHash, currentTokenHash]);
    return rowCount === 1 ? 'replaced' : 'not_found';
  } catch (error) {
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return 'in_use';
    throw error;
  }
}
