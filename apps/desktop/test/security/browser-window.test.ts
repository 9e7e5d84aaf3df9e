import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMainEntry } from '../support/main-entry';
import { fakeContents } from '../support/web-contents';

const electron = await vi.hoisted(async () => (await import('../main/electron-mock')).createElectronMock());
vi.mock('electron', () => electron);

/** A packaged app, with the dev-server address electron-vite sets in development: it must not follow it. */
const PACKAGED = { packaged: true, rendererUrl: 'http://localhost:5173' };

afterEach(() => {
  electron.app.isPackaged = false;
  vi.unstubAllEnvs();
});

function guardedContents() {
  const fake = fakeContents();
  const created = electron.appListeners.get('web-contents-created');
  if (created === undefined) throw new Error('no web-contents-created listener');
  created({}, fake.contents);
  return fake;
}

describe('main window webPreferences, as the app creates the window', () => {
  it('isolate, sandbox and strip Node from the renderer', async () => {
    await startMainEntry(electron, PACKAGED);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(1);
    const { webPreferences } = (electron.windows[0] as unknown as { options: { webPreferences: Record<string, unknown> } }).options;
    expect(webPreferences).toEqual({
      preload: expect.stringMatching(/[\\/]preload[\\/]index\.cjs$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    });
  });

  it('load the packaged renderer from app://, never the dev server', async () => {
    await startMainEntry(electron, PACKAGED);
    const window = electron.windows[0] as unknown as { loadURL: ReturnType<typeof vi.fn> };
    expect(window.loadURL).toHaveBeenCalledWith('app://contact-desk/index.html');
  });
});

describe('every web contents the app creates', () => {
  it('cannot navigate or be redirected away from the app, even to the dev server when packaged', async () => {
    await startMainEntry(electron, PACKAGED);
    const { prevented } = guardedContents();
    expect(prevented('will-navigate', 'app://contact-desk/index.html#/queue')).toBe(false);
    for (const url of ['https://evil.example/', 'http://localhost:5173/', 'file:///etc/passwd', 'app://contact-desk.evil/']) {
      expect(prevented('will-navigate', url), url).toBe(true);
      expect(prevented('will-redirect', url), url).toBe(true);
    }
  });

  it('cannot attach a <webview>', async () => {
    await startMainEntry(electron, PACKAGED);
    expect(guardedContents().prevented('will-attach-webview')).toBe(true);
  });

  it('opens no window; only http(s) links go to the browser', async () => {
    await startMainEntry(electron, PACKAGED);
    const { open } = guardedContents();
    for (const url of [
      'https://meet.example.org/room',
      'javascript:alert(1)',
      'file:///C:/Windows/system32/calc.exe',
      'smb://host/share',
    ]) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://meet.example.org/room']]);
  });
});

describe('permissions of the session', () => {
  it('grant notifications and clipboard writes to the app only, and refuse everything else', async () => {
    await startMainEntry(electron, PACKAGED);
    const session = electron.session.defaultSession;
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (...args: unknown[]) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    const contents = { getURL: () => 'app://contact-desk/index.html' };
    const decide = (permission: string, requestingUrl: string): boolean => {
      const callback = vi.fn();
      request(contents, permission, callback, { requestingUrl });
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0]?.[0] as boolean;
    };
    expect(decide('notifications', 'app://contact-desk/index.html')).toBe(true);
    expect(decide('clipboard-sanitized-write', 'app://contact-desk/index.html')).toBe(true);
    expect(decide('notifications', 'https://evil.example/')).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'display-capture',
      'openExternal',
      'fullscreen',
      'hid',
      'usb',
      'serial',
    ]) {
      expect(decide(permission, 'app://contact-desk/index.html'), permission).toBe(false);
      expect(check(contents, permission, 'app://contact-desk'), permission).toBe(false);
    }
  });
});

describe('packaged menu', () => {
  it('offers no developer tools or reload', async () => {
    await startMainEntry(electron, PACKAGED);
    const template = JSON.stringify(electron.Menu.buildFromTemplate.mock.calls[0]?.[0]);
    expect(template).not.toContain('toggleDevTools');
    expect(template).not.toContain('"reload"');
  });
});
