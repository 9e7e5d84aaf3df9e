import { formatDeviceToken } from '@contact-desk/shared';

/**
 * A new device token made on the device, in the relay's format: `issuedAt` (the device's
 * estimate of relay time) then 256 random bits from WebCrypto, base64url. Works alike in the
 * browser, Electron's renderer and Node 20.
 */
export function newDeviceToken(issuedAt: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return formatDeviceToken(issuedAt, base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
}

/** SHA-256 of the token's UTF-8 bytes, lowercase hex: what the relay stores and compares. */
export async function deviceTokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
