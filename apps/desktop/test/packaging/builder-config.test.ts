import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builderConfiguration } from '../../electron-builder.config';
import { BuildSettingError, buildSettings, notarisationPlan } from '../../packaging/build-settings';
import { DESKTOP_ROOT } from './packing';

/** electron-builder's own check of a configuration (its JSON schema), as it runs before a build. */
const validate = (config: Configuration): Promise<void> => validateConfiguration(config, new DebugLogger(false));

const SIGNED_RELEASE = {
  CONTACT_DESK_UPDATE_URL: 'https://maj.interieur.gouv.fr/contact-desk/',
  CONTACT_DESK_WINDOWS_PUBLISHER: 'Ministère de l’Intérieur; DNUM',
  APPLE_API_KEY: '/secrets/AuthKey.p8',
  APPLE_API_KEY_ID: 'ABC123',
  APPLE_API_ISSUER: '00000000-0000-0000-0000-000000000000',
};

const targetsOf = (target: unknown): string[] => (target as { target: string }[]).map((entry) => entry.target);
const resource = (path: string): string => join(DESKTOP_ROOT, path);

describe('the electron-builder configuration', () => {
  it('passes electron-builder’s schema, for a plain build and a signed release', async () => {
    await expect(validate(builderConfiguration({}))).resolves.toBeUndefined();
    await expect(validate(builderConfiguration(SIGNED_RELEASE))).resolves.toBeUndefined();
  });

  it('is checked by a validator that does refuse a wrong configuration', async () => {
    const wrong = { ...builderConfiguration({}), nsis: { oneClick: 'no' } } as unknown as Configuration;
    await expect(validate(wrong)).rejects.toThrow(/oneClick/);
  });

  it('names the app, ships the built output only, in an asar archive', () => {
    const config = builderConfiguration({});
    expect(config).toMatchObject({ appId: 'fr.gouv.interieur.contactdesk', productName: 'Contact Desk', asar: true, npmRebuild: false });
    expect(config.files).toEqual(['out/**/*', 'package.json', '!node_modules/**/*']);
    expect(config.extraMetadata).toEqual({ name: 'contact-desk', productName: 'Contact Desk' });
    expect(config.electronVersion).toMatch(/^45\.\d+\.\d+$/);
    expect(config.afterPack).toBeTypeOf('function');
  });

  it('names every artifact with its version and architecture', () => {
    const config = builderConfiguration({});
    for (const name of [config.artifactName, config.nsis?.artifactName, config.deb?.artifactName]) {
      expect(name).toContain('${version}');
      expect(name).toContain('${arch}');
    }
  });

  it('builds an assisted Windows installer, per user by default, per machine on request', () => {
    const config = builderConfiguration({});
    expect(targetsOf(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
    });
    expect(config.win).toMatchObject({
      verifyUpdateCodeSignature: true,
      requestedExecutionLevel: 'asInvoker',
      icon: 'resources/icons/icon.ico',
    });
  });

  it('signs the macOS app under the hardened runtime, and notarises only with credentials', () => {
    expect(builderConfiguration({}).mac).toMatchObject({ hardenedRuntime: true, notarize: false, minimumSystemVersion: '13.0' });
    const mac = builderConfiguration(SIGNED_RELEASE).mac!;
    expect(mac.notarize).toBe(true);
    expect(targetsOf(mac.target)).toEqual(['dmg', 'zip']);
    expect(mac.entitlements).toBe('resources/entitlements.mac.plist');
    const entitlements = readFileSync(resource(mac.entitlements!), 'utf8');
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('makes an AppImage and a deb with its maintainer, category and the libraries Electron and the keyring need', () => {
    const config = builderConfiguration({});
    expect(targetsOf(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux).toMatchObject({
      executableName: 'contact-desk',
      category: 'Office',
      maintainer: 'Contact Desk <contact-desk@interieur.gouv.fr>',
    });
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['libnss3', 'libsecret-1-0', 'libgbm1', 'libasound2 | libasound2t64']));
    expect(builderConfiguration({ CONTACT_DESK_DEB_MAINTAINER: 'DNUM <dnum@interieur.gouv.fr>' }).linux?.maintainer).toBe(
      'DNUM <dnum@interieur.gouv.fr>',
    );
  });

  it('publishes update files for a generic server only when one is given, with the Windows publisher', () => {
    const plain = builderConfiguration({});
    expect(plain.publish).toBeNull();
    expect(plain.win?.signtoolOptions).toBeUndefined();
    const release = builderConfiguration(SIGNED_RELEASE);
    expect(release.publish).toEqual([{ provider: 'generic', url: 'https://maj.interieur.gouv.fr/contact-desk' }]);
    expect(release.generateUpdatesFilesForAllChannels).toBe(true);
    expect(release.win?.signtoolOptions?.publisherName).toEqual(['Ministère de l’Intérieur', 'DNUM']);
  });

  it('points at icons that exist, at the sizes they claim', () => {
    const config = builderConfiguration({});
    const png = (path: string) => {
      const bytes = readFileSync(resource(path));
      expect(bytes.subarray(1, 4).toString('ascii'), path).toBe('PNG');
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
      expect(png(`${config.linux?.icon}/${size}x${size}.png`)).toEqual([size, size]);
    expect(png('resources/icons/icon.png')).toEqual([1024, 1024]);

    const ico = readFileSync(resource(config.win!.icon!));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => ico.readUInt8(6 + 16 * index) || 256);
    expect(icoSizes).toEqual([16, 24, 32, 48, 64, 128, 256]);

    const icns = readFileSync(resource(config.mac!.icon!));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4))
      types.push(icns.subarray(offset, offset + 4).toString('ascii'));
    expect(types).toEqual(expect.arrayContaining(['icp4', 'ic07', 'ic10']));
  });
});

describe('the build’s settings from its environment', () => {
  it('take a plain https update server, and refuse anything else clearly', () => {
    expect(buildSettings({}).updateServer).toBeNull();
    expect(buildSettings({ CONTACT_DESK_UPDATE_URL: '  ' }).updateServer).toBeNull();
    expect(buildSettings({ CONTACT_DESK_UPDATE_URL: 'https://maj.example.fr/cd//' }).updateServer).toBe('https://maj.example.fr/cd');
    for (const [value, message] of [
      ['http://maj.example.fr', /must be a plain https:\/\/ address/],
      ['https://user:pw@maj.example.fr', /no credentials, query or fragment/],
      ['https://maj.example.fr/?token=1', /no credentials, query or fragment/],
      ['maj.example.fr', /is not an address/],
    ] as const) {
      expect(() => buildSettings({ CONTACT_DESK_UPDATE_URL: value })).toThrow(BuildSettingError);
      expect(() => buildSettings({ CONTACT_DESK_UPDATE_URL: value })).toThrow(message);
    }
  });

  it('refuse a Debian maintainer that is not "Name <address>"', () => {
    expect(() => buildSettings({ CONTACT_DESK_DEB_MAINTAINER: 'DNUM' })).toThrow(/must read "Name <address>"/);
  });

  it('notarise with the first complete set of Apple credentials, skip without, refuse half a set', () => {
    expect(notarisationPlan({ APPLE_KEYCHAIN_PROFILE: 'contact-desk' })).toEqual({
      notarize: true,
      note: 'notarisation: with a notarytool keychain profile (APPLE_KEYCHAIN_PROFILE)',
    });
    expect(notarisationPlan({ APPLE_ID: 'a@b.fr', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' }).notarize).toBe(true);
    const skipped = notarisationPlan({});
    expect(skipped).toMatchObject({ notarize: false });
    expect(skipped.note).toMatch(
      /^notarisation: skipped — no credentials given \(APPLE_API_KEY \+ APPLE_API_KEY_ID \+ APPLE_API_ISSUER, or/,
    );
    expect(notarisationPlan({ APPLE_API_KEY: '/k.p8' })).toEqual({
      notarize: false,
      note: 'notarisation: refused — notarisation with an App Store Connect API key needs APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER; missing: APPLE_API_KEY_ID, APPLE_API_ISSUER',
      problem:
        'notarisation with an App Store Connect API key needs APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER; missing: APPLE_API_KEY_ID, APPLE_API_ISSUER',
    });
  });
});
