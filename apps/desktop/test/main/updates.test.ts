import { describe, expect, it } from 'vitest';
import {
  ADMIN_SETTINGS_MAX_BYTES,
  adminSettingsPath,
  configuredServer,
  namesPublisher,
  parseAdminSettings,
  planUpdates,
  updateNotice,
  type AdminSettingsRead,
  type UpdateFacts,
} from '../../src/main/updates';

/** app-update.yml as electron-builder writes it for a signed Windows build of the generic provider. */
const WINDOWS_CONFIGURATION = `provider: generic
url: https://maj.interieur.gouv.fr/contact-desk
channel: latest
publisherName:
  - Ministère de l'Intérieur
updaterCacheDirName: contact-desk-updater
`;
const CONFIGURATION = `provider: generic\nurl: https://maj.interieur.gouv.fr/contact-desk\nupdaterCacheDirName: contact-desk-updater\n`;
const SETTINGS_PATH = '/etc/contact-desk/settings.json';

const settings = (text: string | null): AdminSettingsRead => parseAdminSettings(SETTINGS_PATH, text);

function facts(overrides: Partial<UpdateFacts> = {}): UpdateFacts {
  return {
    isPackaged: true,
    platform: 'win32',
    linuxForm: 'other',
    updateConfiguration: WINDOWS_CONFIGURATION,
    adminSettings: settings(null),
    ...overrides,
  };
}

describe('the administrator’s settings file', () => {
  it('lives where only administrators write, per system', () => {
    expect(adminSettingsPath('win32', 'D:\\ProgramData')).toBe('D:\\ProgramData\\Contact Desk\\settings.json');
    expect(adminSettingsPath('win32', undefined)).toBe('C:\\ProgramData\\Contact Desk\\settings.json');
    expect(adminSettingsPath('win32', 'relative\\dir')).toBe('C:\\ProgramData\\Contact Desk\\settings.json');
    expect(adminSettingsPath('darwin', undefined)).toBe('/Library/Application Support/Contact Desk/settings.json');
    expect(adminSettingsPath('linux', '/home/x')).toBe('/etc/contact-desk/settings.json');
  });

  it('is read when it says what it means', () => {
    expect(settings(null)).toEqual({ kind: 'absent', path: SETTINGS_PATH });
    expect(settings('{}')).toEqual({ kind: 'valid', path: SETTINGS_PATH, settings: {} });
    const text = '\uFEFF{ "updates": { "enabled": true, "channel": "beta", "url": "https://maj.interieur.gouv.fr/cd" } }';
    expect(settings(text)).toEqual({
      kind: 'valid',
      path: SETTINGS_PATH,
      settings: { updates: { enabled: true, channel: 'beta', url: 'https://maj.interieur.gouv.fr/cd' } },
    });
  });

  it.each([
    ['an unknown channel', '{ "updates": { "channel": "nightly" } }', /updates\.channel: not a channel: expected "stable" or "beta"/],
    ['a channel in capitals', '{ "updates": { "channel": "Stable" } }', /updates\.channel: not a channel/],
    ['an http server', '{ "updates": { "url": "http://maj.interieur.gouv.fr" } }', /updates\.url: not an https:\/\/ address/],
    ['a file: server', '{ "updates": { "url": "file:///srv/updates" } }', /updates\.url: not an https:\/\/ address/],
    ['"enabled" as a string', '{ "updates": { "enabled": "false" } }', /updates\.enabled: /],
    ['an unknown key', '{ "updates": { "chanel": "beta" } }', /updates: .*chanel/],
    ['an unknown section', '{ "telemetry": true }', /\(file\): .*telemetry/],
    ['not JSON', '{ updates: }', /^not JSON/],
    ['a list', '[]', /\(file\): /],
  ])('is refused, naming the problem, for %s', (_name, text, reason) => {
    const read = settings(text);
    expect(read.kind).toBe('refused');
    expect(read.kind === 'refused' ? read.reason : '').toMatch(reason);
  });

  it('is refused unparsed when larger than any real settings file', () => {
    const read = settings(`{ "updates": {}, "pad": "${'x'.repeat(ADMIN_SETTINGS_MAX_BYTES)}" }`);
    expect(read).toEqual({ kind: 'refused', path: SETTINGS_PATH, reason: `larger than ${ADMIN_SETTINGS_MAX_BYTES} bytes` });
  });
});

describe('the update plan', () => {
  it('looks for stable updates on the build’s server by default', () => {
    expect(planUpdates(facts())).toEqual({
      enabled: true,
      channel: 'stable',
      feedChannel: 'latest',
      serverOverride: null,
      server: 'https://maj.interieur.gouv.fr/contact-desk',
    });
  });

  it('follows the administrator’s channel and server', () => {
    const adminSettings = settings('{ "updates": { "channel": "beta", "url": "https://interne.example.fr/maj" } }');
    expect(planUpdates(facts({ adminSettings }))).toEqual({
      enabled: true,
      channel: 'beta',
      feedChannel: 'beta',
      serverOverride: 'https://interne.example.fr/maj',
      server: 'https://interne.example.fr/maj',
    });
  });

  it.each<[string, Partial<UpdateFacts>, RegExp]>([
    ['a development run', { isPackaged: false }, /development run/],
    [
      'updates turned off by the administrator',
      { adminSettings: settings('{ "updates": { "enabled": false } }') },
      /turned off by the administrator \(\/etc\/contact-desk\/settings\.json\)/,
    ],
    [
      'a settings file that is refused',
      { adminSettings: settings('{ "updates": { "channel": "nightly" } }') },
      /settings file \/etc\/contact-desk\/settings\.json is refused, so nothing is assumed: updates\.channel/,
    ],
    ['a build without update configuration', { updateConfiguration: null }, /built without CONTACT_DESK_UPDATE_URL/],
    ['an unsigned Windows build', { updateConfiguration: CONFIGURATION }, /names no code-signing publisher/],
    [
      'a Windows build whose publisher is null',
      { updateConfiguration: `${CONFIGURATION}publisherName: null\n` },
      /names no code-signing publisher/,
    ],
    [
      'a deb install',
      { platform: 'linux', linuxForm: 'system-package', updateConfiguration: CONFIGURATION },
      /system's package manager updates it/,
    ],
    [
      'a Linux folder that is no AppImage',
      { platform: 'linux', linuxForm: 'other', updateConfiguration: CONFIGURATION },
      /only the AppImage/,
    ],
  ])('is off, saying why, for %s', (_name, overrides, reason) => {
    const plan = planUpdates(facts(overrides));
    expect(plan.enabled).toBe(false);
    expect(plan.enabled ? '' : plan.reason).toMatch(reason);
  });

  it('is on for an AppImage and a macOS app, which carry no Windows publisher', () => {
    expect(planUpdates(facts({ platform: 'linux', linuxForm: 'appimage', updateConfiguration: CONFIGURATION })).enabled).toBe(true);
    expect(planUpdates(facts({ platform: 'darwin', updateConfiguration: CONFIGURATION })).enabled).toBe(true);
  });

  it('never takes an administrator’s server for a build that has no update configuration', () => {
    const adminSettings = settings('{ "updates": { "url": "https://interne.example.fr/maj" } }');
    expect(planUpdates(facts({ adminSettings, updateConfiguration: null })).enabled).toBe(false);
  });
});

describe('the build’s update configuration', () => {
  it('names its server and, for Windows, the publisher updates must be signed by', () => {
    expect(configuredServer(WINDOWS_CONFIGURATION)).toBe('https://maj.interieur.gouv.fr/contact-desk');
    expect(configuredServer("provider: generic\nurl: 'https://a.example/x'\n")).toBe('https://a.example/x');
    expect(configuredServer('provider: generic\n')).toBeNull();
    expect(namesPublisher(WINDOWS_CONFIGURATION)).toBe(true);
    expect(namesPublisher(`${CONFIGURATION}publisherName: DINUM\n`)).toBe(true);
    for (const none of [
      CONFIGURATION,
      `${CONFIGURATION}publisherName: []\n`,
      `${CONFIGURATION}publisherName: ~\n`,
      `${CONFIGURATION}publisherName:\n`,
    ]) {
      expect(namesPublisher(none), none).toBe(false);
    }
  });
});

describe('what the user is told of a downloaded update', () => {
  it('offers a restart from the menu, in French or English, naming the version', () => {
    expect(updateNotice('fr-FR', '1.4.0')).toEqual({
      menuLabel: 'Redémarrer pour installer la version 1.4.0',
      title: 'Mise à jour prête',
      body: 'La version 1.4.0 de Contact Desk est téléchargée. Elle s’installera quand vous choisirez « Redémarrer pour installer la version 1.4.0 » dans le menu, au moment qui vous convient.',
    });
    expect(updateNotice('en-GB', '1.4.0').menuLabel).toBe('Restart to install version 1.4.0');
    expect(updateNotice('de', '1.4.0').title).toBe('Update ready');
  });
});
