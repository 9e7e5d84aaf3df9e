import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDirectory } from '../support/temp-directory';
import {
  createCredentialStore,
  EncryptionUnavailableError,
  learnEnrolledRelays,
  RelaysNotEnrolledError,
  type Encryption,
} from '../../src/main/credential-store';

/** Reversible fake of safeStorage: byte-wise XOR, so the file never holds the token in clear. */
function fakeEncryption(available = true): Encryption {
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  return {
    isEncryptionAvailable: vi.fn(() => available),
    encryptString: vi.fn((text: string) => xor(Buffer.from(text, 'utf8'))),
    decryptString: vi.fn((data: Buffer) => xor(data).toString('utf8')),
  };
}

const credentials = {
  relayUrls: ['https://relay-a.example.fr:8443/', 'https://relay-b.example.fr'],
  token: 'a-long-device-token-0123456789',
};

describe('credential store', () => {
  const folder = tempDirectory('contact-desk-creds-');
  /** Where the store keeps its files: a folder it makes itself. */
  const storeDir = () => join(folder(), 'credentials');

  it('round-trips encrypted credentials per profile', async () => {
    const onRelay = vi.fn();
    const store = createCredentialStore(storeDir(), fakeEncryption(), onRelay);
    await store.saveEnrollment('ministere', credentials);
    expect(await readdir(storeDir())).toEqual(['ministere.bin']);
    const raw = await readFile(join(storeDir(), 'ministere.bin'));
    expect(raw.toString('utf8')).not.toContain(credentials.token);
    expect(await store.get('ministere')).toEqual(credentials);
    expect(await store.get('other')).toBeNull();
    expect(onRelay).toHaveBeenCalledWith('ministere', credentials.relayUrls);
    await store.clear('ministere');
    expect(await store.get('ministere')).toBeNull();
    expect(onRelay).toHaveBeenLastCalledWith('ministere', []);
  });

  it('round-trips a pending token, and clears it when credentials without one are stored', async () => {
    const store = createCredentialStore(storeDir(), fakeEncryption(), () => undefined);
    const pending = { ...credentials, pendingToken: 'cdt_mmk3b2c0.a-pending-device-token-0123456789' };
    await store.saveEnrollment('ministere', credentials);
    await store.set('ministere', pending);
    const raw = await readFile(join(storeDir(), 'ministere.bin'));
    expect(raw.toString('utf8')).not.toContain(pending.pendingToken);
    // Read back by another store on the same folder, as after a restart of the app.
    expect(await createCredentialStore(storeDir(), fakeEncryption(), () => undefined).get('ministere')).toEqual(pending);
    await store.set('ministere', { relayUrls: credentials.relayUrls, token: pending.pendingToken });
    expect(await store.get('ministere')).toEqual({ relayUrls: credentials.relayUrls, token: pending.pendingToken });
    await expect(store.set('ministere', { ...credentials, pendingToken: 'x' })).rejects.toThrow();
    expect(await store.get('ministere')).toEqual({ relayUrls: credentials.relayUrls, token: pending.pendingToken });
  });

  it('reads a file written before pending tokens and lists of addresses existed, as a list of one', async () => {
    const encryption = fakeEncryption();
    await mkdir(storeDir(), { recursive: true });
    const relayUrl = 'https://relay.example.fr:8443/';
    await writeFile(join(storeDir(), 'ancien.bin'), encryption.encryptString(JSON.stringify({ relayUrl, token: credentials.token })));
    const onRelay = vi.fn();
    const store = createCredentialStore(storeDir(), encryption, onRelay);
    const read = await store.get('ancien');
    expect(read).toEqual({ relayUrls: [relayUrl], token: credentials.token });
    expect(read && 'pendingToken' in read).toBe(false);
    expect(onRelay).toHaveBeenCalledWith('ancien', [relayUrl]);
    // A pending token of that time is kept; the next write stores the list.
    await writeFile(
      join(storeDir(), 'ancien.bin'),
      encryption.encryptString(JSON.stringify({ relayUrl, token: credentials.token, pendingToken: 'a-pending-device-token-0123' })),
    );
    expect(await store.get('ancien')).toEqual({
      relayUrls: [relayUrl],
      token: credentials.token,
      pendingToken: 'a-pending-device-token-0123',
    });
    await store.set('ancien', { relayUrls: [relayUrl], token: credentials.token });
    expect(JSON.parse(encryption.decryptString(await readFile(join(storeDir(), 'ancien.bin'))))).toEqual({
      relayUrls: [relayUrl],
      token: credentials.token,
    });
  });

  it('refuses a list of addresses that is empty, too long or repeats one', async () => {
    const store = createCredentialStore(storeDir(), fakeEncryption(), () => undefined);
    const urls = Array.from({ length: 9 }, (_, index) => `https://relay-${index}.example.fr`);
    for (const relayUrls of [[], urls, ['https://r.example', 'https://r.example'], ['javascript:alert(1)']]) {
      await expect(store.saveEnrollment('p', { relayUrls, token: credentials.token })).rejects.toThrow();
    }
    await expect(readdir(storeDir())).rejects.toThrow();
    await store.saveEnrollment('p', { relayUrls: urls.slice(0, 8), token: credentials.token });
    expect((await store.get('p'))?.relayUrls).toHaveLength(8);
  });

  it('reports the relays on read too, so the CSP knows them after a restart', async () => {
    await createCredentialStore(storeDir(), fakeEncryption(), () => undefined).saveEnrollment('p1', credentials);
    const onRelay = vi.fn();
    await createCredentialStore(storeDir(), fakeEncryption(), onRelay).get('p1');
    expect(onRelay).toHaveBeenCalledWith('p1', credentials.relayUrls);
  });

  it('refuses to store in plain text when encryption is unavailable', async () => {
    const encryption = fakeEncryption(false);
    const onRelay = vi.fn();
    const store = createCredentialStore(storeDir(), encryption, onRelay);
    await expect(store.saveEnrollment('ministere', credentials)).rejects.toThrow(EncryptionUnavailableError);
    await expect(store.saveEnrollment('ministere', credentials)).rejects.toThrow(/plain text/);
    expect(encryption.encryptString).not.toHaveBeenCalled();
    expect(onRelay).not.toHaveBeenCalled();
    await expect(readdir(storeDir())).rejects.toThrow();
  });

  it('rejects profiles that are not safe file names', async () => {
    const store = createCredentialStore(storeDir(), fakeEncryption(), () => undefined);
    await expect(store.set('../escape', credentials)).rejects.toThrow();
    await expect(store.saveEnrollment('../escape', credentials)).rejects.toThrow();
    await expect(store.get('a/b')).rejects.toThrow();
    await expect(store.clear('')).rejects.toThrow();
  });

  it('treats an undecryptable file as absent', async () => {
    await createCredentialStore(storeDir(), fakeEncryption(), () => undefined).saveEnrollment('p1', credentials);
    const broken: Encryption = { ...fakeEncryption(), decryptString: () => 'not json' };
    expect(await createCredentialStore(storeDir(), broken, () => undefined).get('p1')).toBeNull();
  });

  it('renews the tokens of the relays a profile enrolled with, and refuses any other relay, changing nothing', async () => {
    const onRelay = vi.fn();
    const store = createCredentialStore(storeDir(), fakeEncryption(), onRelay);
    await expect(store.set('ministere', credentials)).rejects.toThrow(RelaysNotEnrolledError);
    await expect(readdir(storeDir())).rejects.toThrow();

    await store.saveEnrollment('ministere', credentials);
    const renewed = { relayUrls: [...credentials.relayUrls].reverse(), token: 'a-renewed-device-token-0123456789' };
    await store.set('ministere', renewed);
    expect(await store.get('ministere')).toEqual(renewed);

    onRelay.mockClear();
    const elsewhere = [
      [...credentials.relayUrls, 'https://evil.example'],
      credentials.relayUrls.slice(0, 1),
      ['https://evil.example', credentials.relayUrls[1]!],
    ];
    for (const relayUrls of elsewhere) {
      const refusal = await store
        .set('ministere', { relayUrls, token: 'another-device-token-0123456789' })
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(RelaysNotEnrolledError);
      expect((refusal as Error).message).toMatch(/^Refused: profile ministere may only renew its tokens/);
    }
    expect(await store.get('ministere')).toEqual(renewed);
    expect(onRelay.mock.calls.every(([, urls]) => urls === renewed.relayUrls || !urls.includes('https://evil.example'))).toBe(true);
  });

  it('lists the profiles it holds, and learns every enrolled relay before a window loads', async () => {
    const store = createCredentialStore(storeDir(), fakeEncryption(), () => undefined);
    expect(await store.profiles()).toEqual([]);
    await store.saveEnrollment('ministere', credentials);
    await store.saveEnrollment('liaison-meta', { relayUrls: ['https://relay.meta.example'], token: credentials.token });
    await writeFile(join(storeDir(), 'notes.txt'), 'not credentials');
    await writeFile(join(storeDir(), 'Capitales.bin'), 'not a profile name');
    await writeFile(join(storeDir(), 'ministere.bin.1234.tmp'), 'an interrupted write');
    expect((await store.profiles()).sort()).toEqual(['liaison-meta', 'ministere']);

    const learnt = new Map<string, readonly string[]>();
    const report = vi.fn();
    await learnEnrolledRelays(
      createCredentialStore(storeDir(), fakeEncryption(), (profile, urls) => learnt.set(profile, urls)),
      report,
    );
    expect(Object.fromEntries(learnt)).toEqual({ ministere: credentials.relayUrls, 'liaison-meta': ['https://relay.meta.example'] });
    expect(report).not.toHaveBeenCalled();

    // Without OS encryption nothing can be read: each profile is reported, none learnt, nothing thrown.
    learnt.clear();
    await learnEnrolledRelays(
      createCredentialStore(storeDir(), fakeEncryption(false), (p, urls) => learnt.set(p, urls)),
      report,
    );
    expect(learnt.size).toBe(0);
    expect(report.mock.calls.map(([profile, error]) => [profile, (error as Error).name]).sort()).toEqual([
      ['liaison-meta', 'EncryptionUnavailableError'],
      ['ministere', 'EncryptionUnavailableError'],
    ]);
  });
});
