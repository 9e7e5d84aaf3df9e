import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCredentialStore, EncryptionUnavailableError, type Encryption } from '../../src/main/credential-store';

/** Reversible fake of safeStorage: byte-wise XOR, so the file never holds the token in clear. */
function fakeEncryption(available = true): Encryption {
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  return {
    isEncryptionAvailable: vi.fn(() => available),
    encryptString: vi.fn((text: string) => xor(Buffer.from(text, 'utf8'))),
    decryptString: vi.fn((data: Buffer) => xor(data).toString('utf8')),
  };
}

const credentials = { relayUrl: 'https://relay.example.fr:8443/', token: 'a-long-device-token-0123456789' };

describe('credential store', () => {
  let directory: string;
  beforeEach(async () => {
    directory = join(await mkdtemp(join(tmpdir(), 'contact-desk-creds-')), 'credentials');
  });
  afterEach(async () => {
    await rm(join(directory, '..'), { recursive: true, force: true });
  });

  it('round-trips encrypted credentials per profile', async () => {
    const onRelay = vi.fn();
    const store = createCredentialStore(directory, fakeEncryption(), onRelay);
    await store.set('ministere', credentials);
    expect(await readdir(directory)).toEqual(['ministere.bin']);
    const raw = await readFile(join(directory, 'ministere.bin'));
    expect(raw.toString('utf8')).not.toContain(credentials.token);
    expect(await store.get('ministere')).toEqual(credentials);
    expect(await store.get('other')).toBeNull();
    expect(onRelay).toHaveBeenCalledWith(credentials.relayUrl);
    await store.clear('ministere');
    expect(await store.get('ministere')).toBeNull();
  });

  it('round-trips a pending token, and clears it when credentials without one are stored', async () => {
    const store = createCredentialStore(directory, fakeEncryption(), () => undefined);
    const pending = { ...credentials, pendingToken: 'cdt_mmk3b2c0.a-pending-device-token-0123456789' };
    await store.set('ministere', pending);
    const raw = await readFile(join(directory, 'ministere.bin'));
    expect(raw.toString('utf8')).not.toContain(pending.pendingToken);
    // Read back by another store on the same folder, as after a restart of the app.
    expect(await createCredentialStore(directory, fakeEncryption(), () => undefined).get('ministere')).toEqual(pending);
    await store.set('ministere', { relayUrl: credentials.relayUrl, token: pending.pendingToken });
    expect(await store.get('ministere')).toEqual({ relayUrl: credentials.relayUrl, token: pending.pendingToken });
    await expect(store.set('ministere', { ...credentials, pendingToken: 'x' })).rejects.toThrow();
    expect(await store.get('ministere')).toEqual({ relayUrl: credentials.relayUrl, token: pending.pendingToken });
  });

  it('reads a file written before pending tokens existed', async () => {
    const encryption = fakeEncryption();
    await mkdir(directory, { recursive: true });
    await writeFile(join(directory, 'ancien.bin'), encryption.encryptString(JSON.stringify({ relayUrl: credentials.relayUrl, token: credentials.token })));
    const read = await createCredentialStore(directory, encryption, () => undefined).get('ancien');
    expect(read).toEqual(credentials);
    expect(read && 'pendingToken' in read).toBe(false);
  });

  it('reports the relay on read too, so the CSP knows it after a restart', async () => {
    await createCredentialStore(directory, fakeEncryption(), () => undefined).set('p1', credentials);
    const onRelay = vi.fn();
    await createCredentialStore(directory, fakeEncryption(), onRelay).get('p1');
    expect(onRelay).toHaveBeenCalledWith(credentials.relayUrl);
  });

  it('refuses to store in plain text when encryption is unavailable', async () => {
    const encryption = fakeEncryption(false);
    const onRelay = vi.fn();
    const store = createCredentialStore(directory, encryption, onRelay);
    await expect(store.set('ministere', credentials)).rejects.toThrow(EncryptionUnavailableError);
    await expect(store.set('ministere', credentials)).rejects.toThrow(/plain text/);
    expect(encryption.encryptString).not.toHaveBeenCalled();
    expect(onRelay).not.toHaveBeenCalled();
    await expect(readdir(directory)).rejects.toThrow();
  });

  it('rejects profiles that are not safe file names', async () => {
    const store = createCredentialStore(directory, fakeEncryption(), () => undefined);
    await expect(store.set('../escape', credentials)).rejects.toThrow();
    await expect(store.get('a/b')).rejects.toThrow();
    await expect(store.clear('')).rejects.toThrow();
  });

  it('treats an undecryptable file as absent', async () => {
    await createCredentialStore(directory, fakeEncryption(), () => undefined).set('p1', credentials);
    const broken: Encryption = { ...fakeEncryption(), decryptString: () => 'not json' };
    expect(await createCredentialStore(directory, broken, () => undefined).get('p1')).toBeNull();
  });
});
