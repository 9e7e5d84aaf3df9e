import { apiKeyPrefix, canonicalJson, protocolError, type Integration, type LoggedEvent, type Mutation } from '@contact-desk/shared';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hashSecret } from '../auth/secrets.js';

/**
 * API keys: `cdk_<the key id's 32 hex digits>_<43 characters of base64url: 256 random bits>`.
 * The id in the key finds its record; only the SHA-256 of the whole key is stored, and the
 * presented key's digest is compared with it in constant time. The key starts with the prefix
 * lists show (`apiKeyPrefix`), so a person can tell their keys apart without the secret.
 */
const KEY_PATTERN = /^cdk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const KEY_LENGTH = 80;

/** A new key for an API key id (a UUID). */
export function newApiKey(apiKeyId: string): string {
  const key = `cdk_${apiKeyId.replaceAll('-', '').toLowerCase()}_${randomBytes(32).toString('base64url')}`;
  if (!key.startsWith(apiKeyPrefix(apiKeyId))) throw new Error('an API key must start with its prefix');
  return key;
}

/** The id a presented key names, or undefined when it is not shaped like a key at all. */
export function apiKeyIdOf(key: string): string | undefined {
  if (key.length !== KEY_LENGTH) return undefined;
  const hex = KEY_PATTERN.exec(key)?.[1];
  if (hex === undefined) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function hashApiKey(key: string): string {
  return hashSecret(key);
}

/** What an unknown id is compared with, so that every refusal does the same work. */
const NO_KEY_HASH = hashSecret('no such API key');

/**
 * Whether a presented key matches the stored digest. Digests of equal length are compared with
 * `timingSafeEqual`: the time taken says nothing about how much of the key was right.
 */
export function keyMatches(storedHash: string | undefined, presented: string): boolean {
  const expected = Buffer.from(storedHash ?? NO_KEY_HASH, 'hex');
  const actual = Buffer.from(hashApiKey(presented), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual) && storedHash !== undefined;
}

/** An API key that may still be used: issued and not revoked. */
export function isLiveApiKey(integration: Integration | undefined): boolean {
  return integration?.type === 'apiKey' && integration.revokedAt === null;
}

/** The one answer to a missing, malformed, unknown or revoked key: they are not told apart. */
export const KEY_REFUSED = protocolError('unauthenticated', 'Missing, unknown or revoked API key.');

/**
 * Makes the key of every `apiKey.issued` event of a mutation: its hash goes into the batch (written
 * in the same transaction as the event), the key itself back to the author, once.
 */
export function issueApiKeys(events: readonly LoggedEvent[], hashes: { apiKeyId: string; keyHash: string }[]): string | undefined {
  let issued: string | undefined;
  for (const event of events) {
    if (event.type !== 'apiKey.issued') continue;
    issued = newApiKey(event.payload.apiKey.id);
    hashes.push({ apiKeyId: event.payload.apiKey.id, keyHash: hashApiKey(issued) });
  }
  return issued;
}

/**
 * The digest of what a mutation sent through the API asks (its type and arguments, which the API
 * builds from the route, the path and the body): the same Idempotency-Key for another request is
 * told apart from a replay.
 */
export function requestHashOf(mutation: Mutation): string {
  return hashSecret(canonicalJson({ type: mutation.type, args: mutation.args }));
}
