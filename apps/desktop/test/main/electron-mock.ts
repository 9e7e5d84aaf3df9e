import { vi } from 'vitest';

/** A stand-in for the parts of `electron` the main process uses; Electron cannot run here. */
export function createElectronMock() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  const app = {
    isPackaged: false,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    on: vi.fn((name: string, listener: (...args: unknown[]) => unknown) => {
      appListeners.set(name, listener);
      return app;
    }),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => '/tmp/contact-desk-test'),
    setBadgeCount: vi.fn(),
  };
  const windows: { focus: ReturnType<typeof vi.fn>; restore: ReturnType<typeof vi.fn>; isMinimized: () => boolean }[] = [];
  class BrowserWindow {
    static getAllWindows = vi.fn(() => windows);
    static fromWebContents = vi.fn(() => null);
    options: unknown;
    focus = vi.fn();
    restore = vi.fn();
    show = vi.fn();
    isMinimized = vi.fn(() => true);
    isDestroyed = vi.fn(() => false);
    once = vi.fn();
    loadURL = vi.fn(() => Promise.resolve());
    constructor(options: unknown) {
      this.options = options;
      windows.push(this);
    }
  }
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: vi.fn() },
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
    },
  };
  const mock = {
    app,
    appListeners,
    handlers,
    windows,
    BrowserWindow,
    session,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
    ipcMain: { handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler)) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    net: { fetch: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showSaveDialog: vi.fn() },
    Notification: Object.assign(vi.fn(), { isSupported: vi.fn(() => true) }),
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      encryptString: vi.fn((text: string) => Buffer.from(text)),
      decryptString: vi.fn((data: Buffer) => data.toString()),
    },
  };
  return {
    ...mock,
    /** Forgets calls, listeners and windows between tests (named imports keep these same objects). */
    reset(): void {
      vi.clearAllMocks();
      handlers.clear();
      appListeners.clear();
      windows.length = 0;
      app.requestSingleInstanceLock.mockReturnValue(true);
    },
  };
}
