import type { Configuration } from 'electron-builder';
import { createRequire } from 'node:module';
import { afterPackWith } from './packaging/after-pack';
import { buildSettings, type Environment } from './packaging/build-settings';

/**
 * How Contact Desk is packed and installed (docs/installing.md for the IT team,
 * docs/decisions/0018-packaging-and-updates.md for the choices). TypeScript, loaded by
 * electron-builder 26 itself (jiti) and type-checked with the app: `electron-builder --config
 * electron-builder.config.ts`, as `npm run package` does.
 */
export function builderConfiguration(env: Environment): Configuration {
  const settings = buildSettings(env);
  // The installed Electron, read from its package.json (never its index.js, which would fetch the binary).
  const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
  return {
    appId: 'fr.gouv.interieur.contactdesk',
    productName: 'Contact Desk',
    electronVersion,
    directories: { output: 'release', buildResources: 'resources' },
    // The built app only: main, preload and renderer are bundled in out/, so no node_modules ships.
    files: ['out/**/*', 'package.json', '!node_modules/**/*'],
    asar: true,
    npmRebuild: false,
    // The packaged app's name: its data folder (`%APPDATA%\Contact Desk`, `~/.config/Contact Desk`…)
    // and its update cache are named after it, not after the workspace package.
    extraMetadata: { name: 'contact-desk', productName: 'Contact Desk' },
    afterPack: afterPackWith(settings),
    artifactName: 'contact-desk-${version}-${os}-${arch}.${ext}',
    // The update files (latest.yml, beta.yml and their -mac / -linux forms) go beside the installers;
    // a stable release writes the beta files too, so the beta channel also receives it.
    publish: settings.updateServer === null ? null : [{ provider: 'generic', url: settings.updateServer }],
    generateUpdatesFilesForAllChannels: true,

    win: {
      target: [{ target: 'nsis', arch: ['x64'] }],
      icon: 'resources/icons/icon.ico',
      verifyUpdateCodeSignature: true,
      requestedExecutionLevel: 'asInvoker',
      ...(settings.windowsPublishers === null ? {} : { signtoolOptions: { publisherName: [...settings.windowsPublishers] } }),
    },
    nsis: {
      // The assisted installer: the user (or the IT team) chooses "only for me" (the default, no
      // administrator rights) or "for all users" (Program Files, elevation); silently: /S or /S /allusers.
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: 'Contact Desk',
      deleteAppDataOnUninstall: false,
      artifactName: 'contact-desk-setup-${version}-${arch}.${ext}',
    },

    mac: {
      // dmg to install; zip for the updater (Squirrel.Mac takes the zip).
      target: [
        { target: 'dmg', arch: ['x64', 'arm64'] },
        { target: 'zip', arch: ['x64', 'arm64'] },
      ],
      category: 'public.app-category.business',
      icon: 'resources/icons/icon.icns',
      hardenedRuntime: true,
      entitlements: 'resources/entitlements.mac.plist',
      entitlementsInherit: 'resources/entitlements.mac.plist',
      // electron-builder's own notarisation (@electron/notarize, notarytool), driven by APPLE_* variables.
      notarize: settings.notarisation.notarize,
      // Electron 44 and later run on macOS 13 and later.
      minimumSystemVersion: '13.0',
    },

    linux: {
      target: [
        { target: 'AppImage', arch: ['x64'] },
        { target: 'deb', arch: ['x64'] },
      ],
      executableName: 'contact-desk',
      icon: 'resources/icons',
      category: 'Office',
      synopsis: 'The shared desk of urgent requests between the ministry and the platforms',
      description: 'Contact Desk: the requests of the permanent contact group, their acknowledgements and answers, offline-first.',
      maintainer: settings.debMaintainer,
      vendor: 'Contact Desk',
    },
    deb: {
      artifactName: 'contact-desk_${version}_${arch}.${ext}',
      priority: 'optional',
      // Electron's libraries (the t64 names of Debian 13 and Ubuntu 24.04 as alternatives), and
      // libsecret: credentials are encrypted with the desktop's keyring, refused without one.
      depends: [
        'libgtk-3-0 | libgtk-3-0t64',
        'libnotify4',
        'libnss3',
        'libxss1',
        'libxtst6',
        'xdg-utils',
        'libatspi2.0-0 | libatspi2.0-0t64',
        'libuuid1',
        'libsecret-1-0',
        'libgbm1',
        'libasound2 | libasound2t64',
      ],
      recommends: ['gnome-keyring | kwalletmanager'],
    },
  };
}

export default builderConfiguration(process.env);
