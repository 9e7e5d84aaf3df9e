import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secret that lets the CLI, run by whoever owns the data folder, administer a running relay
 * over loopback. Written with owner-only permissions at each start.
 */
export function adminSecretFile(dataDir: string): string {
  return join(dataDir, 'admin.secret');
}

export function writeAdminSecret(dataDir: string): string {
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(adminSecretFile(dataDir), `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function readAdminSecret(dataDir: string): string {
  return readFileSync(adminSecretFile(dataDir), 'utf8').trim();
}

/** The secret an `Authorization: Bearer <secret>` header presents, written exactly so; empty otherwise. */
export function presentedSecret(authorization: string | undefined): string {
  return /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '';
}

/** Compares in constant time, whatever the lengths: both are hashed first, so not even the expected length shows. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
