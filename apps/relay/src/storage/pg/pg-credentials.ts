import { mutationColumns } from '../commit-rows.js';
import type { CommitBatch, DeviceCredential, EnrollmentCodeRecord, StoredMutationResult, TokenReplacement } from '../storage.js';
import type { Queryable } from './pg-connections.js';
import { insertRows, type Columns } from './pg-rows.js';

const MUTATION_WRITTEN: Columns = {
  mutation_id: 'text',
  user_id: 'text',
  received_at: 'bigint',
  status: 'text',
  result: 'text',
  request_hash: 'text',
};

/**
 * A batch's answers to mutations and its credentials, in SQLite's order: codes issued before codes
 * spent (a code issued and spent in one batch), spent before superseded ones are cancelled (a
 * code spent in the batch stays spent, not cancelled).
 */
export async function writeCredentials(db: Queryable, batch: CommitBatch): Promise<void> {
  const answers = [...batch.mutationResults].map(([mutationId, stored]) => mutationColumns(mutationId, stored));
  await insertRows(db, 'mutations', MUTATION_WRITTEN, answers);
  const apiKeys = batch.apiKeys.map((key) => ({ api_key_id: key.apiKeyId, key_hash: key.keyHash }));
  await insertRows(db, 'api_keys', { api_key_id: 'text', key_hash: 'text' }, apiKeys);
  const codes = batch.enrollmentCodes.map((code) => ({ code_hash: code.codeHash, user_id: code.userId, expires_at: code.expiresAt }));
  await insertRows(db, 'enrollment_codes', { code_hash: 'text', user_id: 'text', expires_at: 'bigint' }, codes);
  await spendCodes(db, batch.usedEnrollmentCodes);
  const tokens = batch.deviceTokens.map((token) => ({ token_hash: token.tokenHash, device_id: token.deviceId }));
  await insertRows(db, 'device_tokens', { token_hash: 'text', device_id: 'text' }, tokens);
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

/** Rows of `table` whose `key` is one of `keys`, by key (none asked: no query). */
async function rowsByKey<R extends Record<string, unknown>>(db: Queryable, table: string, key: keyof R & string, keys: readonly string[]) {
  if (keys.length === 0) return new Map<string, R>();
  const { rows } = await db.query<R>(`SELECT * FROM ${table} WHERE ${key} = ANY($1::text[])`, [keys]);
  return new Map(rows.map((row) => [row[key] as string, row]));
}

/** The recorded answers of the mutation ids that have one. */
export async function mutationResults(db: Queryable, mutationIds: readonly string[]): Promise<Map<string, StoredMutationResult>> {
  type MutationRow = { mutation_id: string; user_id: string; result: string; request_hash: string | null };
  const rows = await rowsByKey<MutationRow>(db, 'mutations', 'mutation_id', mutationIds);
  return new Map(
    [...rows].map(([id, row]) => [id, { userId: row.user_id, result: JSON.parse(row.result), requestHash: row.request_hash }]),
  );
}

/** The enrollment codes (by hash) that exist. */
export async function enrollmentCodes(db: Queryable, codeHashes: readonly string[]): Promise<Map<string, EnrollmentCodeRecord>> {
  type CodeRow = { code_hash: string; user_id: string; expires_at: number; used_at: number | null };
  const rows = await rowsByKey<CodeRow>(db, 'enrollment_codes', 'code_hash', codeHashes);
  return new Map([...rows].map(([hash, row]) => [hash, { userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at }]));
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
