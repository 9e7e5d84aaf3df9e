import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDirectory } from '../support/temp-directory';
const electron = await vi.hoisted(async () => (await import('./electron-mock')).createElectronMock());
vi.mock('electron', () => electron);

/** electron-updater as the installed app would have it. */
const updater = await vi.hoisted(async () => (await import('../support/updater')).createUpdaterStandIn());
vi.mock('electron-updater', () => ({ autoUpdater: updater.autoUpdater }));

/**
 * The installed app, started against the Electron stand-in with an update configuration beside
 * it: once an update is downloaded, the Help menu offers it and one notice says so — once, however
 * many checks find it downloaded again — and nothing installs until the item is chosen.
 */
describe('a downloaded update, in the running app', () => {
  const resources = tempDirectory('contact-desk-resources-');
  const processWithResources = process as NodeJS.Process & { resourcesPath?: string };
  const before = processWithResources.resourcesPath;

  beforeEach(async () => {
    await writeFile(
      join(resources(), 'app-update.yml'),
      'provider: generic\nurl: https://maj.interieur.gouv.fr/contact-desk\npublisherName:\n  - DNUM\nupdaterCacheDirName: contact-desk-updater\n',
    );
    processWithResources.resourcesPath = resources();
    vi.stubEnv('APPIMAGE', join(resources(), 'Contact-Desk.AppImage'));
  });
  afterEach(() => {
    processWithResources.resourcesPath = before;
    vi.unstubAllEnvs();
    electron.app.isPackaged = false;
  });

  it('is offered in the Help menu with one notice, and installed only when chosen', async () => {
    electron.reset();
    electron.app.isPackaged = true;
    Object.assign(electron.app, { getLocale: () => 'fr-FR' });
    const shown = vi.fn();
    electron.Notification.mockImplementation(function (this: Record<string, unknown>, options: unknown) {
      this['options'] = options;
      this['show'] = shown;
    });
    vi.resetModules();
    await import('../../src/main/index');
    await vi.waitFor(() => expect(updater.autoUpdater.checkForUpdates).toHaveBeenCalled());
    expect(updater.autoUpdater).toMatchObject({ channel: 'latest', allowDowngrade: false, autoInstallOnAppQuit: false });

    const downloaded = updater.listeners.get('update-downloaded')!;
    downloaded({ version: '1.5.0' });
    downloaded({ version: '1.5.0' });

    const menus = electron.Menu.buildFromTemplate.mock.calls.map(([template]) => template as { role?: string; submenu?: unknown }[]);
    const help = menus.at(-1)?.find((menu) => menu.role === 'help')?.submenu as { label?: string; click?: () => void }[];
    expect(help[0]?.label).toBe('Redémarrer pour installer la version 1.5.0');
    expect(electron.Notification).toHaveBeenCalledTimes(1);
    expect(electron.Notification).toHaveBeenCalledWith(expect.objectContaining({ title: 'Mise à jour prête' }));
    expect(shown).toHaveBeenCalledTimes(1);
    expect(updater.autoUpdater.quitAndInstall).not.toHaveBeenCalled();

    help[0]?.click?.();
    expect(updater.autoUpdater.quitAndInstall).toHaveBeenCalledWith(false, true);
  });
});
