import { formatDeviceToken } from '@contact-desk/shared';
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Crockford's base32 without I, L, O, U: easy to read aloud and to type. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/** A one-time enrollment code such as `7KQ3-M9XD-2HFW` (60 bits). */
export function newEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Codes are compared case-insensitively, without dashes or spaces, O read as 0 and I/L as 1. */
export function canonicalCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** A device token: 256 random bits, prefixed by the relay time it was issued at (see `formatDeviceToken`). */
export function newDeviceToken(issuedAt: number): string {
  return formatDeviceToken(issuedAt, randomBytes(32).toString('base64url'));
}

/** Only this hash of a secret is stored. Secrets are random, so a plain SHA-256 suffices. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function hashEnrollmentCode(code: string): string {
  return hashSecret(`enroll:${canonicalCode(code)}`);
}
