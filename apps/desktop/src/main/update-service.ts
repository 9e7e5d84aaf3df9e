import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Log } from './log';
import {
  ADMIN_SETTINGS_MAX_BYTES,
  UPDATE_CHECK_INTERVAL_MS,
  adminSettingsPath,
  parseAdminSettings,
  type AdminSettingsRead,
  type UpdateFacts,
  type UpdatePlan,
} from './updates';

/** A file's text, or null when there is none; other failures (no permission…) are thrown. */
async function textOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The administrator's settings file; one that exists but cannot be read, or is too large to be one, is refused. */
export async function readAdminSettings(path: string): Promise<AdminSettingsRead> {
  let text: string;
  try {
    if ((await stat(path)).size > ADMIN_SETTINGS_MAX_BYTES) {
      return { kind: 'refused', path, reason: `larger than ${ADMIN_SETTINGS_MAX_BYTES} bytes` };
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { kind: 'absent', path } : { kind: 'refused', path, reason: `cannot be read (${code ?? String(error)})` };
  }
  return parseAdminSettings(path, text);
}

/** What the running app knows about its installation, from Electron's process and the files beside it. */
export async function gatherUpdateFacts(isPackaged: boolean, resourcesPath: string): Promise<UpdateFacts> {
  const { platform, env } = process;
  const linuxForm =
    platform !== 'linux'
      ? 'other'
      : env['APPIMAGE']
        ? 'appimage'
        : existsSync(join(resourcesPath, 'package-type'))
          ? 'system-package'
          : 'other';
  return {
    isPackaged,
    platform,
    linuxForm,
    updateConfiguration: await textOrNull(join(resourcesPath, 'app-update.yml')).catch(() => null),
    adminSettings: await readAdminSettings(adminSettingsPath(platform, env['ProgramData'])),
  };
}

/**
 * Tells electron-updater what `plan` decided: the channel (and, after it, no downgrade: setting a
 * channel allows them), the administrator's server if any, download in the background, never an
 * install on quit. `offer` is called once an update is downloaded, with its version and the act
 * that installs it (quit, install, start again), for the user to choose when.
 */
export async function startUpdates(plan: UpdatePlan, log: Log, offer: (version: string, install: () => void) => void): Promise<void> {
  if (!plan.enabled) {
    log.info(`updates: off — ${plan.reason}`);
    return;
  }
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.logger = {
    info: (m: unknown) => log.info(`updates: ${String(m)}`),
    warn: (m: unknown) => log.warn(`updates: ${String(m)}`),
    error: (m: unknown) => log.error(`updates: ${String(m)}`),
  };
  if (plan.serverOverride !== null) autoUpdater.setFeedURL({ provider: 'generic', url: plan.serverOverride, channel: plan.feedChannel });
  autoUpdater.channel = plan.feedChannel;
  autoUpdater.allowDowngrade = false;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.disableWebInstaller = true;
  autoUpdater.on('update-downloaded', (event) => offer(event.version, () => autoUpdater.quitAndInstall(false, true)));
  log.info(`updates: on — channel ${plan.channel}, server ${plan.server}`);
  const check = (): void => {
    autoUpdater
      .checkForUpdates()
      .catch((error: unknown) => log.warn(`updates: check failed: ${(error as Error).message ?? String(error)}`));
  };
  check();
  setInterval(check, UPDATE_CHECK_INTERVAL_MS).unref();
}
