import { vi } from 'vitest';

/**
 * electron-updater's `autoUpdater` for what needs a packaged Electron app, answering each check
 * with nothing; `listeners` holds what the app subscribed to, for a test to fire. Its `channel`
 * setter allows downgrades, as the real one does, so the order of the app's settings counts.
 * Made inside `vi.hoisted`, so that `vi.mock('electron-updater', …)` can hand it out.
 */
export function createUpdaterStandIn() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let channel: string | null = null;
  const autoUpdater = {
    logger: null as unknown,
    allowDowngrade: false,
    autoDownload: true,
    autoInstallOnAppQuit: true,
    disableWebInstaller: false,
    get channel() {
      return channel;
    },
    set channel(value: string | null) {
      channel = value;
      autoUpdater.allowDowngrade = true;
    },
    setFeedURL: vi.fn(),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener)),
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
  };
  return { autoUpdater, listeners };
}
