// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createElectronServices } from '../../src/renderer/src/native/electron-services';
import {
  CredentialDatabase,
  createWebServices,
  downloadFile,
  notificationPermissionOnce,
  titleWithBadge,
} from '../../src/renderer/src/native/web-services';

describe('web client services', () => {
  it('prefixes the title with the badge count', () => {
    expect(titleWithBadge('Contact Desk', 3)).toBe('(3) Contact Desk');
    expect(titleWithBadge('(3) Contact Desk', 12)).toBe('(12) Contact Desk');
    expect(titleWithBadge('(3) Contact Desk', 0)).toBe('Contact Desk');
  });

  it('asks for notification permission once', async () => {
    const ask = vi.fn(async () => 'granted' as NotificationPermission);
    const allowed = notificationPermissionOnce(ask);
    expect(await allowed()).toBe(true);
    expect(await allowed()).toBe(true);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(await notificationPermissionOnce(async () => Promise.reject(new Error('no')))()).toBe(false);
  });

  it('downloads through a temporary link', () => {
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('export.csv');
      expect(this.href).toBe('blob:x');
    });
    downloadFile(document, 'export.csv', 'text/csv', new Uint8Array([65]));
    expect(click).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });

  it('keeps credentials per profile in IndexedDB', async () => {
    const native = createWebServices(new CredentialDatabase(`test-${Math.random()}`));
    const credentials = { relayUrls: ['https://relay-a.example.fr', 'https://relay-b.example.fr'], token: 'a-long-device-token-123' };
    expect(await native.getCredentials('p1')).toBeNull();
    await native.setCredentials('p1', credentials);
    expect(await native.getCredentials('p1')).toEqual(credentials);
    expect(await native.getCredentials('p2')).toBeNull();
    await native.clearCredentials('p1');
    expect(await native.getCredentials('p1')).toBeNull();
  });

  it('keeps a pending token until credentials without one replace it; rows from before read as they were', async () => {
    const database = new CredentialDatabase(`test-${Math.random()}`);
    const native = createWebServices(database);
    const relayUrls = ['https://relay.example.fr'];
    const pending = { relayUrls, token: 'a-long-device-token-123', pendingToken: 'a-pending-device-token-456' };
    await native.setCredentials('p1', pending);
    expect(await createWebServices(database).getCredentials('p1')).toEqual(pending);
    await native.setCredentials('p1', { relayUrls, token: pending.pendingToken });
    expect(await native.getCredentials('p1')).toEqual({ relayUrls, token: pending.pendingToken });
    expect(await database.credentials.get('p1')).toEqual({ profile: 'p1', relayUrls, token: pending.pendingToken });

    // Rows written before devices kept a list of relay addresses name one: they read back as a list of one.
    await database.credentials.put({ profile: 'old', relayUrl: relayUrls[0], token: pending.token });
    const old = await native.getCredentials('old');
    expect(old).toEqual({ relayUrls, token: pending.token });
    expect(old && 'pendingToken' in old).toBe(false);
    await database.credentials.put({ profile: 'old', relayUrl: relayUrls[0], token: pending.token, pendingToken: pending.pendingToken });
    expect(await native.getCredentials('old')).toEqual(pending);
    await native.setCredentials('old', { relayUrls, token: pending.token });
    expect(await database.credentials.get('old')).toEqual({ profile: 'old', relayUrls, token: pending.token });
  });

  it('enrolls from the page and keeps what the relay gave; a refusal keeps nothing', async () => {
    const native = createWebServices(new CredentialDatabase(`test-${Math.random()}`));
    const actor = { userId: 'u1', name: 'Claire Vautrin', role: 'prefect', platformId: null, deviceId: 'd1' };
    const relayUrls = ['https://relay-a.interieur.gouv.fr', 'https://relay-b.interieur.gouv.fr'];
    const fetch = vi.fn(async (url: string) => {
      if (url.startsWith(relayUrls[0]!)) throw new TypeError('fetch failed');
      return new Response(JSON.stringify({ ok: true, token: 'a-long-device-token-789', deviceId: 'd1', actor }));
    });
    vi.stubGlobal('fetch', fetch);
    try {
      const answer = await native.enroll('p1', { relayUrls, code: 'ABCD-EFGH', deviceLabel: 'Navigateur' });
      expect(answer).toEqual({ ok: true, relayUrl: relayUrls[1], actor });
      expect(await native.getCredentials('p1')).toEqual({ relayUrls, token: 'a-long-device-token-789' });
      expect(native.reloadAfterEnrollment()).toBe(false);

      fetch.mockImplementation(
        async () =>
          new Response(JSON.stringify({ ok: false, error: { code: 'unauthenticated', message: 'Invalid code.' } }), { status: 401 }),
      );
      const refused = await native.enroll('p2', { relayUrls, code: 'ABCD-EFGH', deviceLabel: 'Navigateur' });
      expect(refused).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'Invalid code.' } });
      expect(await native.getCredentials('p2')).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('sets the document title badge', () => {
    document.title = 'Contact Desk';
    createWebServices(new CredentialDatabase('t-badge')).setBadge(2);
    expect(document.title).toBe('(2) Contact Desk');
  });
});

describe('Electron app services', () => {
  it('forwards to the bridge', async () => {
    const api = {
      saveFile: vi.fn(async () => ({ saved: true })),
      printToPdf: vi.fn(async () => ({ saved: false })),
      notify: vi.fn(async () => undefined),
      setBadge: vi.fn(async () => undefined),
      getCredentials: vi.fn(async () => null),
      setCredentials: vi.fn(async () => undefined),
      clearCredentials: vi.fn(async () => undefined),
      enroll: vi.fn(async () => ({ ok: false as const, error: { code: 'unreachable' as const, message: 'none' } })),
    };
    const reload = vi.fn();
    const native = createElectronServices(api, reload);
    expect(native.kind).toBe('electron');
    expect(await native.saveFile('a.csv', 'text/csv', new Uint8Array([1]))).toBe(true);
    expect(api.saveFile).toHaveBeenCalledWith({ suggestedName: 'a.csv', data: new Uint8Array([1]) });
    expect(await native.printToPdf('m.pdf')).toBe(false);
    native.setBadge(5);
    expect(api.setBadge).toHaveBeenCalledWith(5);
    const request = { relayUrls: ['https://relay.interieur.gouv.fr'], code: 'ABCD-EFGH', deviceLabel: 'Poste' };
    expect(await native.enroll('p1', request)).toEqual({ ok: false, error: { code: 'unreachable', message: 'none' } });
    expect(api.enroll).toHaveBeenCalledWith('p1', request);
    // Its page policy is fixed at load: a newly enrolled relay is reachable after a reload only.
    expect(reload).not.toHaveBeenCalled();
    expect(native.reloadAfterEnrollment()).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
