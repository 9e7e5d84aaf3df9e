import { apiKeyActorId, type ApiKey, type DomainState, type User } from '@contact-desk/shared';
import type { Session } from '../core/session.js';
import type { Storage } from '../storage/storage.js';
import { apiKeyIdOf, isLiveApiKey, keyMatches } from './api-keys.js';

/** Who calls the API: an API key of one platform, and the session its mutations are decided under. */
export interface ApiCaller {
  readonly key: ApiKey;
  readonly session: Session;
}

/** Why a caller is refused: no usable key, or the store could not be read to check it. */
export type CallerRefusal = 'refused' | 'unreadable';

/** `Bearer <key>`: the scheme is case-insensitive (RFC 7235), one or more spaces before the key. */
const BEARER = /^bearer +(\S{1,200})$/i;

/**
 * The session an API key acts under: a liaison of the key's platform named after the key, with no
 * device. The log's actor is `{ userId: apikey:<id>, name: <key name>, role: liaison, platformId,
 * deviceId: null }`; a receipt it proves names `apikey:<id>` as the device.
 */
export function apiKeySession(key: ApiKey): Session {
  const id = apiKeyActorId(key.id);
  const user: User = {
    id,
    name: key.name,
    email: null,
    role: 'liaison',
    platformId: key.platformId,
    team: null,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
  };
  return {
    user,
    device: { id, userId: id, label: key.name, enrolledAt: key.createdAt, revokedAt: key.revokedAt },
    actor: { userId: id, name: key.name, role: 'liaison', platformId: key.platformId, deviceId: null },
    apiKeyId: key.id,
  };
}

/**
 * The caller named by an `Authorization` header, checked against the stored hash and the key's
 * record as the relay holds it now. Every refusal — no header, another scheme, a malformed,
 * unknown, wrong or revoked key — is the same `refused`.
 */
export async function authenticateCaller(
  header: string | undefined,
  state: Pick<DomainState, 'integrations'>,
  store: Pick<Storage, 'apiKeyHash'>,
): Promise<ApiCaller | CallerRefusal> {
  const key = BEARER.exec(header ?? '')?.[1] ?? '';
  const apiKeyId = apiKeyIdOf(key);
  let storedHash: string | undefined;
  try {
    storedHash = apiKeyId === undefined ? undefined : await store.apiKeyHash(apiKeyId);
  } catch {
    return 'unreadable';
  }
  // The comparison runs whatever came before, so a malformed key costs what a wrong one does.
  const matches = keyMatches(storedHash, key);
  const record = apiKeyId === undefined ? undefined : state.integrations.get(apiKeyId);
  if (!matches || record?.type !== 'apiKey' || !isLiveApiKey(record)) return 'refused';
  return { key: record, session: apiKeySession(record) };
}
