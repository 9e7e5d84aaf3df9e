import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../src/main/menu';
import { gatherUpdateFacts, readAdminSettings, startUpdates } from '../../src/main/update-service';
import { ADMIN_SETTINGS_MAX_BYTES, UPDATE_CHECK_INTERVAL_MS, type UpdatePlan } from '../../src/main/updates';
import { tempDirectory } from '../support/temp-directory';

const updater = await vi.hoisted(async () => (await import('../support/updater')).createUpdaterStandIn());
vi.mock('electron-updater', () => ({ autoUpdater: updater.autoUpdater }));

const log = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });
const ON: UpdatePlan = { enabled: true, channel: 'beta', feedChannel: 'beta', serverOverride: null, server: 'https://maj.example.fr' };

describe('the updater wiring', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    updater.listeners.clear();
    vi.clearAllMocks();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not load electron-updater when the plan is off, and logs why', async () => {
    const said = log();
    await startUpdates({ enabled: false, reason: 'turned off by the administrator (/etc/contact-desk/settings.json)' }, said, vi.fn());
    expect(said.info).toHaveBeenCalledWith('updates: off — turned off by the administrator (/etc/contact-desk/settings.json)');
    expect(updater.autoUpdater.checkForUpdates).not.toHaveBeenCalled();
    expect(updater.autoUpdater.on).not.toHaveBeenCalled();
  });

  it('downloads in the background, never downgrades nor installs on quit, and checks again every few hours', async () => {
    const said = log();
    await startUpdates(ON, said, vi.fn());
    expect(updater.autoUpdater).toMatchObject({
      channel: 'beta',
      allowDowngrade: false,
      autoDownload: true,
      autoInstallOnAppQuit: false,
      disableWebInstaller: true,
    });
    expect(updater.autoUpdater.setFeedURL).not.toHaveBeenCalled();
    expect(said.info).toHaveBeenCalledWith('updates: on — channel beta, server https://maj.example.fr');
    expect(updater.autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.autoUpdater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('asks the administrator’s server when there is one', async () => {
    await startUpdates({ ...ON, serverOverride: 'https://interne.example.fr/maj' }, log(), vi.fn());
    expect(updater.autoUpdater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://interne.example.fr/maj',
      channel: 'beta',
    });
  });

  it('offers a downloaded update, and installs it only when the offer is taken', async () => {
    const offer = vi.fn();
    await startUpdates(ON, log(), offer);
    updater.listeners.get('update-downloaded')?.({ version: '1.5.0' });
    expect(offer).toHaveBeenCalledWith('1.5.0', expect.any(Function));
    expect(updater.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
    (offer.mock.calls[0]![1] as () => void)();
    expect(updater.autoUpdater.quitAndInstall).toHaveBeenCalledWith(false, true);
  });

  it('logs a failed check and carries on', async () => {
    updater.autoUpdater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_NAME_NOT_RESOLVED'));
    const said = log();
    await startUpdates(ON, said, vi.fn());
    await vi.waitFor(() => expect(said.warn).toHaveBeenCalledWith('updates: check failed: net::ERR_NAME_NOT_RESOLVED'));
  });
});

describe('the update menu item', () => {
  it('appears first in the Help menu once an update is downloaded, and installs when chosen', () => {
    const install = vi.fn();
    const help = (template: ReturnType<typeof buildMenuTemplate>) =>
      template.find((menu) => menu.role === 'help')?.submenu as { label?: string; click?: () => void }[];
    expect(help(buildMenuTemplate('win32', true)).map((item) => item.label)).toEqual([undefined]);
    const items = help(buildMenuTemplate('win32', true, { label: 'Redémarrer pour installer la version 1.5.0', install }));
    expect(items[0]?.label).toBe('Redémarrer pour installer la version 1.5.0');
    items[0]?.click?.();
    expect(install).toHaveBeenCalledTimes(1);
  });
});

describe('facts read from the installation', () => {
  const folder = tempDirectory('contact-desk-updates-');

  it('reads the settings file: absent, valid, refused when unreadable or too large', async () => {
    const file = join(folder(), 'settings.json');
    expect(await readAdminSettings(file)).toEqual({ kind: 'absent', path: file });
    await writeFile(file, '{ "updates": { "channel": "beta" } }');
    expect(await readAdminSettings(file)).toEqual({ kind: 'valid', path: file, settings: { updates: { channel: 'beta' } } });
    await writeFile(file, 'x'.repeat(ADMIN_SETTINGS_MAX_BYTES + 1));
    expect(await readAdminSettings(file)).toEqual({ kind: 'refused', path: file, reason: `larger than ${ADMIN_SETTINGS_MAX_BYTES} bytes` });
    await rm(file);
    await mkdir(file);
    expect(await readAdminSettings(file)).toEqual({ kind: 'refused', path: file, reason: 'cannot be read (EISDIR)' });
  });

  it('reads the build’s update configuration and, on Linux, how the app was installed', async () => {
    const before = process.env['APPIMAGE'];
    try {
      delete process.env['APPIMAGE'];
      expect(await gatherUpdateFacts(true, folder())).toMatchObject({ isPackaged: true, updateConfiguration: null, linuxForm: 'other' });
      await writeFile(join(folder(), 'app-update.yml'), 'provider: generic\nurl: https://maj.example.fr\n');
      await writeFile(join(folder(), 'package-type'), 'deb');
      expect(await gatherUpdateFacts(true, folder())).toMatchObject({
        updateConfiguration: 'provider: generic\nurl: https://maj.example.fr\n',
        linuxForm: process.platform === 'linux' ? 'system-package' : 'other',
      });
      process.env['APPIMAGE'] = '/opt/Contact-Desk.AppImage';
      expect((await gatherUpdateFacts(true, folder())).linuxForm).toBe(process.platform === 'linux' ? 'appimage' : 'other');
    } finally {
      if (before === undefined) delete process.env['APPIMAGE'];
      else process.env['APPIMAGE'] = before;
    }
  });
});
