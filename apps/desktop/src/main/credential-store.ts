import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredCredentials } from '../ipc/contract';
import { credentialsSchema, profileSchema, storedCredentialsSchema } from '../ipc/validation';

/** The part of Electron's safeStorage the store needs (the OS keychain / DPAPI / libsecret). */
export interface Encryption {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface CredentialStore {
  get(profile: string): Promise<StoredCredentials | null>;
  set(profile: string, credentials: StoredCredentials): Promise<void>;
  clear(profile: string): Promise<void>;
}

export class EncryptionUnavailableError extends Error {
  constructor() {
    super('Cannot store credentials: OS encryption (safeStorage) is unavailable; refusing to keep them in plain text.');
    this.name = 'EncryptionUnavailableError';
  }
}

/**
 * One encrypted file per profile, `<directory>/<profile>.bin`, holding the relay's addresses, the
 * device token and, while a token rotation is unsettled, the pending token (files written before
 * pending tokens existed have none and read back as they were; files naming one `relayUrl` read
 * back as a list of one, and the next `set` stores the list). Each `set` replaces the whole file,
 * so credentials stored without a pending token clear it. `onRelayUrls` learns a profile's
 * addresses whenever they are stored, read back or cleared (then none), so the CSP lets the
 * renderer connect to those and only those.
 */
export function createCredentialStore(
  directory: string,
  encryption: Encryption,
  onRelayUrls: (profile: string, relayUrls: readonly string[]) => void,
): CredentialStore {
  const fileOf = (profile: string): string => join(directory, `${profileSchema.parse(profile)}.bin`);
  const requireEncryption = (): void => {
    if (!encryption.isEncryptionAvailable()) throw new EncryptionUnavailableError();
  };

  return {
    async get(profile) {
      const file = fileOf(profile);
      let encrypted: Buffer;
      try {
        encrypted = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      requireEncryption();
      let decoded: unknown;
      try {
        decoded = JSON.parse(encryption.decryptString(encrypted));
      } catch {
        return null; // unreadable (e.g. keychain reset): the device enrolls again
      }
      const parsed = storedCredentialsSchema.safeParse(decoded);
      if (!parsed.success) return null;
      onRelayUrls(profile, parsed.data.relayUrls);
      return parsed.data;
    },

    async set(profile, credentials) {
      const file = fileOf(profile);
      const valid = credentialsSchema.parse(credentials);
      requireEncryption();
      const encrypted = encryption.encryptString(JSON.stringify(valid));
      await mkdir(directory, { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, encrypted, { mode: 0o600 });
      await rename(temporary, file);
      onRelayUrls(profile, valid.relayUrls);
    },

    async clear(profile) {
      await rm(fileOf(profile), { force: true });
      onRelayUrls(profile, []);
    },
  };
}
