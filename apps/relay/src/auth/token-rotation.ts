import { protocolError, type RotateTokenResponse } from '@contact-desk/shared';
import type { RelayCore } from '../core/relay-core.js';
import type { Session } from '../core/session.js';
import type { Storage, TokenReplacement } from '../storage/storage.js';

export interface Rotation {
  readonly response: RotateTokenResponse;
  /** Hash of the token now in force, for the next rotation over the same connection. */
  readonly tokenHash?: string;
}

const REPLACED = protocolError('unauthenticated', 'This device token was revoked or already replaced; connect again with the current one.');

const IN_USE = protocolError('conflict', 'This token hash is already in use; make another token. The current one still works.');

/**
 * Replaces the token a device connected with by the one whose hash it sends. The device made that
 * token and stored it before asking, so losing this answer cannot lock it out: it connects with
 * whichever of its two tokens the relay accepts. The swap is one UPDATE keyed on the current
 * token's hash, so the old token stops working in the same transaction that makes the new one
 * valid, and of two rotations racing with the same token only one succeeds. A revoked device or
 * user changes nothing: its token stays refused whatever it sends.
 */
export async function rotateDeviceToken(
  core: RelayCore,
  credentials: Pick<Storage, 'replaceDeviceToken'>,
  session: Session,
  currentTokenHash: string,
  newTokenHash: string,
): Promise<Rotation> {
  if (!core.refresh(session)) return { response: { ok: false, error: REPLACED } };
  const issuedAt = core.serverTime();
  let outcome: TokenReplacement;
  try {
    outcome = await credentials.replaceDeviceToken(currentTokenHash, newTokenHash);
  } catch {
    const error = protocolError('storage_unavailable', 'The relay could not store the new token; the current one still works.');
    return { response: { ok: false, error } };
  }
  if (outcome === 'not_found') return { response: { ok: false, error: REPLACED } };
  if (outcome === 'in_use') return { response: { ok: false, error: IN_USE } };
  return { response: { ok: true, issuedAt }, tokenHash: newTokenHash };
}
