import type { ProtocolError } from './errors.js';

/**
 * Socket.IO channel, client → relay with ack: `{}` → `RotateTokenResponse`. Replaces the device
 * token the socket connected with by a new one; the old one stops working in the same commit.
 */
export const ROTATE_TOKEN_CHANNEL = 'rotateToken';

export type RotateTokenResponse =
  | { readonly ok: true; readonly token: string; readonly issuedAt: number }
  | { readonly ok: false; readonly error: ProtocolError };

/**
 * A device token is `cdt_<issue time, ms, base 36>.<32 random bytes, base64url>`. The issue time
 * is part of what the relay hashes and checks, so it cannot be altered; it lets a device know
 * its token's age without asking. Tokens issued before the time was included (`cdt_<random>`)
 * have no known age.
 */
const TOKEN_PATTERN = /^cdt_([0-9a-z]{1,11})\.[A-Za-z0-9_-]{43}$/;

export function formatDeviceToken(issuedAt: number, random: string): string {
  return `cdt_${Math.max(0, Math.floor(issuedAt)).toString(36)}.${random}`;
}

/** When the relay issued this token (relay time), or null when the token does not say. */
export function deviceTokenIssuedAt(token: string): number | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match?.[1]) return null;
  const issuedAt = parseInt(match[1], 36);
  return Number.isSafeInteger(issuedAt) ? issuedAt : null;
}
