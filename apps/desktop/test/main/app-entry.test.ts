import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy } from '../security/csp-rules';
import { startMainEntry } from '../support/main-entry';

const electron = await vi.hoisted(async () => (await import('./electron-mock')).createElectronMock());
vi.mock('electron', () => electron);

describe('app entry', () => {
  beforeEach(() => {
    vi.unstubAllEnvs();
  });

  it('quits when another instance holds the lock, creating nothing', async () => {
    await startMainEntry(electron, { lockGranted: false });
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('creates one secure window, menu, policy and handlers once ready', async () => {
    await startMainEntry(electron);
    expect(electron.app.quit).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(1);
    const window = electron.windows[0] as unknown as {
      options: { webPreferences: Record<string, unknown> };
      loadURL: ReturnType<typeof vi.fn>;
    };
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window.loadURL).toHaveBeenCalledWith('app://contact-desk/index.html');
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(8);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
  });

  it('focuses the existing window on a second instance', async () => {
    await startMainEntry(electron);
    const window = electron.windows[0]!;
    electron.appListeners.get('second-instance')?.();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('quits when all windows close, except on macOS', async () => {
    await startMainEntry(electron);
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      electron.appListeners.get('window-all-closed')?.();
      expect(electron.app.quit).not.toHaveBeenCalled();
      Object.defineProperty(process, 'platform', { value: 'linux' });
      electron.appListeners.get('window-all-closed')?.();
      expect(electron.app.quit).toHaveBeenCalled();
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('names every enrolled relay in the policy of the very first page it serves after a restart', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'contact-desk-restart-'));
    try {
      await mkdir(join(userData, 'credentials'));
      // The stand-in's safeStorage keeps text as it is.
      const stored = { relayUrls: ['https://relay.interieur.gouv.fr', 'http://10.0.0.5:4410'], token: 'a-long-device-token-0123' };
      await writeFile(join(userData, 'credentials', 'ministere.bin'), JSON.stringify(stored));
      electron.app.getPath.mockReturnValue(userData);
      await startMainEntry(electron);
      const serve = electron.protocol.handle.mock.calls[0]?.[1] as (request: { url: string }) => Promise<Response>;
      electron.net.fetch.mockResolvedValue(new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }));
      const policy = (await serve({ url: 'app://contact-desk/index.html' })).headers.get('content-security-policy') ?? '';
      expect(parsePolicy(policy).get('connect-src')).toEqual([
        "'self'",
        'http://10.0.0.5:4410',
        'ws://10.0.0.5:4410',
        'https://relay.interieur.gouv.fr',
        'wss://relay.interieur.gouv.fr',
      ]);
    } finally {
      electron.app.getPath.mockReturnValue('/tmp/contact-desk-test');
      await rm(userData, { recursive: true, force: true });
    }
  });
});
