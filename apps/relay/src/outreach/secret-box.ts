import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

/** The key that seals webhook secrets at rest: beside the data file, never inside it. */
export function secretKeyFile(dataDir: string): string {
  return join(dataDir, 'webhook-secrets.key');
}

/** Seals and opens secrets; `context` binds a sealed value to its place (a webhook and version). */
export interface SecretSealer {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

/**
 * AES-256-GCM with a 256-bit key read from a file of the data folder, created on first use with
 * owner-only permissions. A copy of the SQLite file alone (a backup, a stolen disk image of the
 * file) does not give away the secrets; the key file must be kept apart (docs/security.md).
 */
export class SecretBox implements SecretSealer {
  private key: Buffer | undefined;

  constructor(private readonly keyFile: string) {}

  static forDataDir(dataDir: string): SecretBox {
    return new SecretBox(secretKeyFile(dataDir));
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.loadKey(), iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(sealed: string, context: string): string {
    const [format, encoded] = sealed.split(':');
    if (format !== FORMAT || encoded === undefined) throw new Error('unknown sealed secret format');
    const raw = Buffer.from(encoded, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.loadKey(), raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  private loadKey(): Buffer {
    if (this.key) return this.key;
    if (!existsSync(this.keyFile)) createKeyFile(this.keyFile);
    const key = Buffer.from(readFileSync(this.keyFile, 'utf8').trim(), 'base64');
    if (key.length !== KEY_BYTES) throw new Error(`${this.keyFile} does not hold a ${KEY_BYTES}-byte key`);
    this.key = key;
    return key;
  }
}

/**
 * Writes a new key whole, then links it into place: of two processes creating it at once (the
 * relay and the CLI), one key wins and neither ever reads a half-written file.
 */
function createKeyFile(keyFile: string): void {
  const draft = `${keyFile}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
}
