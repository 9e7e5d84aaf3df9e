import { flipFuses } from '@electron/fuses';
import { Arch, log, type AfterPackContext, type LinuxPackager } from 'electron-builder';
import { join } from 'node:path';
import type { BuildSettings } from './build-settings';
import { FUSES } from './fuses';

/** The Electron binary electron-builder made in `appOutDir`: the .app bundle, the .exe, or the Linux executable. */
export function packagedBinary(context: Pick<AfterPackContext, 'appOutDir' | 'electronPlatformName' | 'packager'>): string {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, (packager as LinuxPackager).executableName);
}

/**
 * After electron-builder packs the app and before it signs it: flips the fuses (a signature made
 * before would no longer match), and for macOS says whether notarisation will run, refusing a half
 * given set of Apple credentials. On Apple silicon the ad-hoc signature is renewed after the flip,
 * so an unsigned development build still starts.
 */
export function afterPackWith(settings: BuildSettings): (context: AfterPackContext) => Promise<void> {
  return async (context) => {
    const darwin = context.electronPlatformName === 'darwin';
    if (darwin) {
      if ('problem' in settings.notarisation && settings.notarisation.problem !== undefined) throw new Error(settings.notarisation.note);
      log.info(null, settings.notarisation.note);
    }
    const binary = packagedBinary(context);
    await flipFuses(binary, { ...FUSES, resetAdHocDarwinSignature: darwin && context.arch === Arch.arm64 });
    log.info({ binary }, 'fuses flipped');
    log.info(null, settings.updateServer === null ? 'updates: none (no CONTACT_DESK_UPDATE_URL)' : `updates: ${settings.updateServer}`);
  };
}
