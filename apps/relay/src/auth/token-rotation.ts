import { protocolError, type RotateTokenResponse } from '@contact-desk/shared';
import type { RelayCore } from '../core/relay-core.js';
import type { Session } from '../core/session.js';
import type { Storage } from '../storage/storage.js';
import { hashSecret, newDeviceToken } from './secrets.js';

export interface Rotation {
  readonly response: RotateTokenResponse;
  /** Hash of the token now in force, for the next rotation over the same connection. */
  readonly tokenHash?: string;
}

const REPLACED = protocolError(
  'unauthenticated',
  'This device token was revoked or already replaced; connect again with the current one.',
);

/**
 * Replaces the token a device connected with by a new one. The swap is one UPDATE keyed on the
 * current token's hash, so the old token stops working in the same transaction that makes the new
 * one valid, and of two rotations racing with the same token only one succeeds. A revoked device
 * or user gets nothing: its token stays refused whatever it sends.
 */
export function rotateDeviceToken(
  core: RelayCore,
  credentials: Pick<Storage, 'replaceDeviceToken'>,
  session: Session,
  currentTokenHash: string,
): Rotation {
  if (!core.refresh(session)) return { response: { ok: false, error: REPLACED } };
  const issuedAt = core.serverTime();
  const token = newDeviceToken(issuedAt);
  const tokenHash = hashSecret(token);
  let replaced: boolean;
  try {
    replaced = credentials.replaceDeviceToken(currentTokenHash, tokenHash);
  } catch {
    const error = protocolError('storage_unavailable', 'The relay could not store a new token; the current one still works.');
    return { response: { ok: false, error } };
  }
  if (!replaced) return { response: { ok: false, error: REPLACED } };
  return { response: { ok: true, token, issuedAt }, tokenHash };
}
