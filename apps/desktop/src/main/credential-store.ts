import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
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
  /** New tokens for the relays the profile enrolled with; other relays are refused (RelaysNotEnrolledError). */
  set(profile: string, credentials: StoredCredentials): Promise<void>;
  /** The credentials an enrollment earned, replacing whatever the profile had. */
  saveEnrollment(profile: string, credentials: StoredCredentials): Promise<void>;
  clear(profile: string): Promise<void>;
  /** The profiles with a credentials file, in no particular order. */
  profiles(): Promise<string[]>;
}

export class EncryptionUnavailableError extends Error {
  constructor() {
    super('Cannot store credentials: OS encryption (safeStorage) is unavailable; refusing to keep them in plain text.');
    this.name = 'EncryptionUnavailableError';
  }
}

/** The page asked to store credentials naming relays the profile did not enroll with. */
export class RelaysNotEnrolledError extends Error {
  constructor(profile: string) {
    super(`Refused: profile ${profile} may only renew its tokens for the relays it enrolled with; new relays come from an enrollment.`);
    this.name = 'RelaysNotEnrolledError';
  }
}

const FILE_SUFFIX = '.bin';

const sameAddresses = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && new Set([...a, ...b]).size === a.length;

/**
 * One encrypted file per profile, `<directory>/<profile>.bin`, holding the relay's addresses, the
 * device token and, while a token rotation is unsettled, the pending token (files written before
 * pending tokens existed have none and read back as they were; files naming one `relayUrl` read
 * back as a list of one, and the next `set` stores the list). Each write replaces the whole file,
 * so credentials stored without a pending token clear it. Only an enrollment brings new relay
 * addresses: `set`, which the page reaches, renews tokens for the addresses already stored.
 * `onRelayUrls` learns a profile's addresses whenever they are stored, read back or cleared (then
 * none), so the CSP lets the renderer connect to those and only those.
 */
export function createCredentialStore(
  directory: string,
  encryption: Encryption,
  onRelayUrls: (profile: string, relayUrls: readonly string[]) => void,
): CredentialStore {
  const fileOf = (profile: string): string => join(directory, `${profileSchema.parse(profile)}${FILE_SUFFIX}`);
  const requireEncryption = (): void => {
    if (!encryption.isEncryptionAvailable()) throw new EncryptionUnavailableError();
  };

  const get = async (profile: string): Promise<StoredCredentials | null> => {
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
  };

  const write = async (profile: string, credentials: StoredCredentials): Promise<void> => {
    const file = fileOf(profile);
    requireEncryption();
    const encrypted = encryption.encryptString(JSON.stringify(credentials));
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, encrypted, { mode: 0o600 });
    await rename(temporary, file);
    onRelayUrls(profile, credentials.relayUrls);
  };

  return {
    get,

    async set(profile, credentials) {
      profileSchema.parse(profile);
      const valid = credentialsSchema.parse(credentials);
      const stored = await get(profile);
      if (stored === null || !sameAddresses(stored.relayUrls, valid.relayUrls)) throw new RelaysNotEnrolledError(profile);
      await write(profile, valid);
    },

    async saveEnrollment(profile, credentials) {
      profileSchema.parse(profile);
      await write(profile, credentialsSchema.parse(credentials));
    },

    async clear(profile) {
      await rm(fileOf(profile), { force: true });
      onRelayUrls(profile, []);
    },

    async profiles() {
      let names: string[];
      try {
        names = await readdir(directory);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      return names
        .filter((name) => name.endsWith(FILE_SUFFIX))
        .map((name) => name.slice(0, -FILE_SUFFIX.length))
        .filter((profile) => profileSchema.safeParse(profile).success);
    },
  };
}

/**
 * Reads every profile's credentials once, so `onRelayUrls` knows each enrolled relay before the
 * window loads: the page's content security policy is fixed when it loads. A profile that cannot
 * be read (no OS encryption, a damaged file) is reported and skipped; it enrolls again.
 */
export async function learnEnrolledRelays(store: CredentialStore, report: (profile: string, error: unknown) => void): Promise<void> {
  for (const profile of await store.profiles()) {
    await store.get(profile).catch((error: unknown) => report(profile, error));
  }
}
