import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { secretSetting, SettingError, type Environment } from '../config-setting.js';

const VARIABLE = 'CONTACT_DESK_ADMIN_SECRET';
const MIN_LENGTH = 32;

/**
 * The secret that lets the CLI, run by whoever owns the data folder, administer a running relay
 * over loopback. Written with owner-only permissions at each start.
 */
export function adminSecretFile(dataDir: string): string {
  return join(dataDir, 'admin.secret');
}

/**
 * The admin secret an operator gave (`CONTACT_DESK_ADMIN_SECRET`, or the file
 * `CONTACT_DESK_ADMIN_SECRET_FILE` names), for a data folder that should hold no secret; the
 * CLI then needs the same variable.
 */
export function configuredAdminSecret(env: Environment = process.env): string | undefined {
  const secret = secretSetting(env, VARIABLE);
  if (secret !== undefined && secret.length < MIN_LENGTH) {
    throw new SettingError(VARIABLE, `${VARIABLE} must be at least ${MIN_LENGTH} characters (e.g. openssl rand -base64 32)`);
  }
  return secret;
}

/** The secret `relay serve` uses: the configured one, else a new one written to the data folder (owner-only). */
export function writeAdminSecret(dataDir: string, env: Environment = process.env): string {
  const configured = configuredAdminSecret(env);
  if (configured !== undefined) {
    rmSync(adminSecretFile(dataDir), { force: true }); // a previous start's, which no longer opens anything
    return configured;
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(adminSecretFile(dataDir), `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function readAdminSecret(dataDir: string, env: Environment = process.env): string {
  const configured = configuredAdminSecret(env);
  if (configured !== undefined) return configured;
  try {
    return readFileSync(adminSecretFile(dataDir), 'utf8').trim();
  } catch {
    throw new SettingError(
      VARIABLE,
      `${adminSecretFile(dataDir)} cannot be read: run the CLI as the relay's user, or with the ${VARIABLE}(_FILE) the relay was given`,
    );
  }
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
