import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterPackWith } from '../../packaging/after-pack';
import { buildSettings } from '../../packaging/build-settings';
import { FUSES } from '../../packaging/fuses';
import { tempDirectory } from '../support/temp-directory';
import { FUSE_NAMES, expectedWire, standInElectron, wireByName } from './packing';

describe('the fuse settings', () => {
  it('decide every fuse, and refuse to build if Electron brings one not decided here', () => {
    expect(FUSES.strictlyRequireAllFuses).toBe(true);
    expect(FUSE_NAMES).toHaveLength(9);
    for (const name of FUSE_NAMES) expect(typeof FUSES[FuseV1Options[name]], name).toBe('boolean');
  });

  it('close the ways around the packaged code, and keep what the app needs', () => {
    expect({
      RunAsNode: FUSES[FuseV1Options.RunAsNode],
      EnableNodeOptionsEnvironmentVariable: FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      EnableNodeCliInspectArguments: FUSES[FuseV1Options.EnableNodeCliInspectArguments],
      EnableEmbeddedAsarIntegrityValidation: FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      OnlyLoadAppFromAsar: FUSES[FuseV1Options.OnlyLoadAppFromAsar],
      EnableCookieEncryption: FUSES[FuseV1Options.EnableCookieEncryption],
      GrantFileProtocolExtraPrivileges: FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges],
      LoadBrowserProcessSpecificV8Snapshot: FUSES[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
      WasmTrapHandlers: FUSES[FuseV1Options.WasmTrapHandlers],
    }).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
      LoadBrowserProcessSpecificV8Snapshot: false,
      WasmTrapHandlers: true,
    });
  });
});

describe('the after-pack step, on a stand-in Electron binary', () => {
  const folder = tempDirectory('contact-desk-fuses-', { perTest: false });

  /** What electron-builder hands the hook for a Linux app packed in `appOutDir`. */
  const linuxContext = (appOutDir: string) =>
    ({
      appOutDir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Contact Desk' }, executableName: 'contact-desk' },
    }) as unknown as AfterPackContext;

  async function packedWith(wire?: string): Promise<string> {
    const appOutDir = await mkdtemp(join(folder(), 'app-'));
    const dist = await standInElectron(join(appOutDir, 'dist'), wire);
    await mkdir(appOutDir, { recursive: true });
    await copyFile(join(dist, 'electron'), join(appOutDir, 'contact-desk'));
    return appOutDir;
  }

  it('flips the binary’s fuses to the settings, as read back from it', async () => {
    const appOutDir = await packedWith();
    expect((await wireByName(join(appOutDir, 'contact-desk')))['RunAsNode']).toBe(FuseState.ENABLE);
    await afterPackWith(buildSettings({}))(linuxContext(appOutDir));
    expect(await wireByName(join(appOutDir, 'contact-desk'))).toEqual(expectedWire());
  });

  it('fails the build for an Electron whose wire has a fuse not decided here, leaving the binary as it was', async () => {
    const appOutDir = await packedWith('1011000111');
    await expect(afterPackWith(buildSettings({}))(linuxContext(appOutDir))).rejects.toThrow(/strictlyRequireAllFuses/);
    expect((await getCurrentFuseWire(join(appOutDir, 'contact-desk')))[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
  });

  it('refuses a macOS build given half a set of notarisation credentials, before touching the binary', async () => {
    const appOutDir = await packedWith();
    const context = { ...linuxContext(appOutDir), electronPlatformName: 'darwin' } as AfterPackContext;
    await expect(afterPackWith(buildSettings({ APPLE_ID: 'it@interieur.gouv.fr' }))(context)).rejects.toThrow(
      'notarisation: refused — notarisation with an Apple ID needs APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID; missing: APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID',
    );
  });
});
