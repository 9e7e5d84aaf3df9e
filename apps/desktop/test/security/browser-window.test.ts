import { afterEach, describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => (await import('../main/electron-mock')).createElectronMock());
vi.mock('electron', () => electron);

/** Starts the real main-process entry against the Electron stand-in, packaged or not. */
async function startApp(packaged: boolean): Promise<void> {
  electron.reset();
  electron.app.isPackaged = packaged;
  // Set in development by electron-vite; a packaged app must not follow it.
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
  vi.resetModules();
  await import('../../src/main/index');
  // Once ready, the app reads the stored credentials before it opens its window.
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
}

afterEach(() => {
  electron.app.isPackaged = false;
  vi.unstubAllEnvs();
});

/** Web contents as the `web-contents-created` listener sees them. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: vi.fn((name: string, listener: (event: { preventDefault: () => void }, url?: string) => void) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: typeof openHandler) => {
      openHandler = handler;
    }),
    getURL: () => 'app://contact-desk/index.html',
  };
  const prevented = (name: string, url?: string): boolean => {
    const listener = listeners.get(name);
    if (listener === undefined) throw new Error(`no ${name} listener`);
    const event = { preventDefault: vi.fn() };
    listener(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  const open = (url: string): { action: string } => {
    if (openHandler === undefined) throw new Error('no window-open handler');
    return openHandler({ url });
  };
  return { contents, prevented, open };
}

function guardedContents() {
  const fake = fakeContents();
  const created = electron.appListeners.get('web-contents-created');
  if (created === undefined) throw new Error('no web-contents-created listener');
  created({}, fake.contents);
  return fake;
}

describe('main window webPreferences, as the app creates the window', () => {
  it('isolate, sandbox and strip Node from the renderer', async () => {
    await startApp(true);
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
    await startApp(true);
    const window = electron.windows[0] as unknown as { loadURL: ReturnType<typeof vi.fn> };
    expect(window.loadURL).toHaveBeenCalledWith('app://contact-desk/index.html');
  });
});

describe('every web contents the app creates', () => {
  it('cannot navigate or be redirected away from the app, even to the dev server when packaged', async () => {
    await startApp(true);
    const { prevented } = guardedContents();
    expect(prevented('will-navigate', 'app://contact-desk/index.html#/queue')).toBe(false);
    for (const url of ['https://evil.example/', 'http://localhost:5173/', 'file:///etc/passwd', 'app://contact-desk.evil/']) {
      expect(prevented('will-navigate', url), url).toBe(true);
      expect(prevented('will-redirect', url), url).toBe(true);
    }
  });

  it('cannot attach a <webview>', async () => {
    await startApp(true);
    expect(guardedContents().prevented('will-attach-webview')).toBe(true);
  });

  it('opens no window; only http(s) links go to the browser', async () => {
    await startApp(true);
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
    await startApp(true);
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
    await startApp(true);
    const template = JSON.stringify(electron.Menu.buildFromTemplate.mock.calls[0]?.[0]);
    expect(template).not.toContain('toggleDevTools');
    expect(template).not.toContain('"reload"');
  });
});
