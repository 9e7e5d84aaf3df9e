import { z } from 'zod';
import type { ProtocolError } from './errors.js';

/**
 * Socket.IO channel, client → relay with ack: `RotateTokenRequest` → `RotateTokenResponse`.
 * Replaces the device token the socket connected with (or last rotated to) by one the device
 * made itself; only its hash travels. The old token stops working in the same commit.
 */
export const ROTATE_TOKEN_CHANNEL = 'rotateToken';

/**
 * The new token's SHA-256, hex, of the token string's UTF-8 bytes: exactly what the relay stores.
 * The device keeps the token itself (as a pending token) before sending this, so an answer lost
 * on the way back can never leave it without a token the relay accepts.
 */
export const rotateTokenRequestSchema = z
  .object({ tokenHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be 64 lowercase hex digits' }) })
  .strict();

export type RotateTokenRequest = z.output<typeof rotateTokenRequestSchema>;

/** `issuedAt` is the relay time of the swap. No token travels back: the device already has it. */
export type RotateTokenResponse = { readonly ok: true; readonly issuedAt: number } | { readonly ok: false; readonly error: ProtocolError };

/**
 * A device token is `cdt_<issue time, ms, base 36>.<32 random bytes, base64url>`. Its issue time
 * lets a device know the token's age without asking: the relay writes its own time into the
 * tokens it issues at enrollment, and a device rotating its token writes its estimate of relay
 * time. The relay keeps only the hash, so the time cannot be altered once the token is in use.
 * Tokens issued before the time was included (`cdt_<random>`) have no known age.
 */
const TOKEN_PATTERN = /^cdt_([0-9a-z]{1,11})\.[A-Za-z0-9_-]{43}$/;

export function formatDeviceToken(issuedAt: number, random: string): string {
  return `cdt_${Math.max(0, Math.floor(issuedAt)).toString(36)}.${random}`;
}

/** When this token was issued (relay time), or null when the token does not say. */
export function deviceTokenIssuedAt(token: string): number | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match?.[1]) return null;
  const issuedAt = parseInt(match[1], 36);
  return Number.isSafeInteger(issuedAt) ? issuedAt : null;
}
