import { expect, vi } from 'vitest';
import type { createElectronMock } from '../main/electron-mock';

export type ElectronMock = ReturnType<typeof createElectronMock>;

export interface EntryOptions {
  /** As in an installed app (default: false, as under electron-vite). */
  readonly packaged?: boolean;
  /** Whether this instance gets the single-instance lock (default: true). */
  readonly lockGranted?: boolean;
  /** A dev-server address slipped into the environment (`ELECTRON_RENDERER_URL`). */
  readonly rendererUrl?: string;
}

/**
 * Starts the real main-process entry afresh against the Electron stand-in (the test file mocks
 * `electron` with it). With the lock, resolves once the app is ready: it has served its pages, set
 * its policy and handlers, read the stored credentials and opened its window.
 */
export async function startMainEntry(electron: ElectronMock, options: EntryOptions = {}): Promise<void> {
  const lockGranted = options.lockGranted ?? true;
  electron.reset();
  electron.app.isPackaged = options.packaged ?? false;
  electron.app.requestSingleInstanceLock.mockReturnValue(lockGranted);
  if (options.rendererUrl !== undefined) vi.stubEnv('ELECTRON_RENDERER_URL', options.rendererUrl);
  vi.resetModules();
  await import('../../src/main/index');
  if (lockGranted) await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
}
