import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/ipc/contract';
import { buildContentSecurityPolicy } from '../../src/main/content-security-policy';
import { createCredentialStore, type Encryption } from '../../src/main/credential-store';
import { createEnrollment } from '../../src/main/enrollment';
import { registerIpcHandlers } from '../../src/main/ipc-handlers';
import { createRelayOriginAllowList } from '../../src/main/relay-origin-allow-list';
import { parsePolicy } from '../security/csp-rules';
import { tempDirectory } from '../support/temp-directory';
import { APP_ORIGIN, MAIN_FRAME, fakeServices } from './ipc-contract-cases';

/**
 * Enrollment as the desktop app performs it: in the main process, with the real credential store
 * (on a temporary folder, `safeStorage` replaced by a reversible cipher), the real allow-list and
 * the real policy; only the network is a function answering as a relay would.
 */
const A = 'https://relay-a.interieur.gouv.fr';
const B = 'https://relay-b.interieur.gouv.fr:8443';
const ACTOR = { userId: 'u-1', name: 'Claire Vautrin', role: 'prefect', platformId: null, deviceId: 'd-1' };
const TOKEN = 'cdt_device-token-0123456789abcdef';

const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
const encryption = (available = true): Encryption => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => xor(Buffer.from(text, 'utf8')),
  decryptString: (data) => xor(data).toString('utf8'),
});

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status });

describe('enrollment in the main process', () => {
  const folder = tempDirectory('contact-desk-enroll-');
  /** Where the store keeps its files: a folder it makes itself. */
  const storeDir = () => join(folder(), 'credentials');

  function desk(post: (url: string, init: RequestInit) => Promise<Response>, available = true) {
    const relays = createRelayOriginAllowList();
    const credentials = createCredentialStore(storeDir(), encryption(available), (profile, urls) => relays.allow(profile, urls));
    const connectSources = (): readonly string[] =>
      parsePolicy(buildContentSecurityPolicy({ relayOrigins: relays.origins() })).get('connect-src') ?? [];
    return { enroll: createEnrollment(post, credentials, 1_000), credentials, connectSources };
  }

  it('posts the code to the first address that answers, keeps the credentials, and lets the next page reach those relays only', async () => {
    const post = vi.fn(async (url: string, _init: RequestInit) => {
      if (url.startsWith(A)) throw new TypeError('net::ERR_CONNECTION_REFUSED');
      return json({ ok: true, token: TOKEN, deviceId: 'd-1', actor: ACTOR });
    });
    const { enroll, credentials, connectSources } = desk(post);
    // Before: the page may reach no relay at all — which is why the page cannot enroll itself.
    expect(connectSources()).toEqual(["'self'"]);

    const answer = await enroll('ministere', { relayUrls: [A, B], code: 'ABCD-EFGH-JKLM', deviceLabel: 'Poste du cabinet' });

    expect(answer).toEqual({ ok: true, relayUrl: B, actor: ACTOR });
    expect(post.mock.calls.map(([url]) => url)).toEqual([`${A}/enroll`, `${B}/enroll`]);
    const [, init] = post.mock.calls[1]!;
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ code: 'ABCD-EFGH-JKLM', deviceLabel: 'Poste du cabinet' });
    expect(await credentials.get('ministere')).toEqual({ relayUrls: [A, B], token: TOKEN });
    expect(connectSources()).toEqual(["'self'", A, 'wss://relay-a.interieur.gouv.fr', B, 'wss://relay-b.interieur.gouv.fr:8443']);
  });

  it('keeps nothing and allows nothing when the relay refuses the code', async () => {
    const post = vi.fn(async () =>
      json({ ok: false, error: { code: 'unauthenticated', message: 'Invalid or expired enrollment code.' } }, 401),
    );
    const { enroll, credentials, connectSources } = desk(post);
    const answer = await enroll('ministere', { relayUrls: [A, B], code: 'ABCD-EFGH-JKLM', deviceLabel: 'Poste' });
    expect(answer).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'Invalid or expired enrollment code.' } });
    // A refusal is final: the second node would say the same, and the code must not be spent twice.
    expect(post).toHaveBeenCalledTimes(1);
    expect(await credentials.get('ministere')).toBeNull();
    expect(connectSources()).toEqual(["'self'"]);
  });

  it('takes an answer without a token for no answer at all', async () => {
    const { enroll, credentials, connectSources } = desk(async () => json({ ok: true, actor: ACTOR }));
    const answer = await enroll('ministere', { relayUrls: [A], code: 'ABCD-EFGH-JKLM', deviceLabel: 'Poste' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unreachable', message: `The relay at ${A} gave no answer.` } });
    expect(await credentials.get('ministere')).toBeNull();
    expect(connectSources()).toEqual(["'self'"]);
  });

  it('says so when the credentials cannot be kept, and allows nothing', async () => {
    const { enroll, connectSources } = desk(async () => json({ ok: true, token: TOKEN, deviceId: 'd-1', actor: ACTOR }), false);
    const answer = await enroll('ministere', { relayUrls: [A], code: 'ABCD-EFGH-JKLM', deviceLabel: 'Poste' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'credentials_not_stored' } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/OS encryption \(safeStorage\) is unavailable/);
    await expect(readdir(storeDir())).rejects.toThrow();
    expect(connectSources()).toEqual(["'self'"]);
  });

  it('through the bridge: addresses that are not origins are refused before any request, a valid call enrolls', async () => {
    const post = vi.fn(async () => json({ ok: true, token: TOKEN, deviceId: 'd-1', actor: ACTOR }));
    const { enroll, credentials, connectSources } = desk(post);
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: (channel: string, handler: never) => handlers.set(channel, handler) };
    registerIpcHandlers(ipcMain as never, APP_ORIGIN, { ...fakeServices(), credentials, enroll });
    const call = (...args: unknown[]) => handlers.get(IPC_CHANNELS.enroll)!({ senderFrame: MAIN_FRAME, sender: {} }, ...args);

    const request = { relayUrls: [A, `${B}/socket.io`], code: 'ABCD-EFGH-JKLM', deviceLabel: 'Poste' };
    await expect(call('ministere', request)).rejects.toMatchObject({ name: 'IpcRefusedError', reason: 'invalid-argument' });
    expect(post).not.toHaveBeenCalled();
    expect(connectSources()).toEqual(["'self'"]);

    expect(await call('ministere', { ...request, relayUrls: [A] })).toEqual({ ok: true, relayUrl: A, actor: ACTOR });
    expect(connectSources()).toContain('wss://relay-a.interieur.gouv.fr');
  });
});
