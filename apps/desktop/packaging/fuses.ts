import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * The fuses of the packaged app: switches written into the Electron binary itself, read before
 * any JavaScript runs, so no command line, environment variable or file beside the app turns them
 * back. Every fuse of the wire is decided (`strictlyRequireAllFuses`): an Electron that adds one
 * fails the build until it is decided here. Flipped after packing, before signing (after-pack.ts).
 */
export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  /** `ELECTRON_RUN_AS_NODE` would make the signed binary a general-purpose Node.js: off. */
  [FuseV1Options.RunAsNode]: false,
  /** Cookies on disk encrypted with the OS key, as Chrome does (the app keeps none today). */
  [FuseV1Options.EnableCookieEncryption]: true,
  /** `NODE_OPTIONS` / `NODE_EXTRA_CA_CERTS` could load code or trust into the main process: ignored. */
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  /** `--inspect` and SIGUSR1 would open a debugger on the main process: ignored. */
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  /** app.asar is checked against the hash recorded at build time (Info.plist, the .exe's resources). */
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  /** Only app.asar is loaded, never an `app` folder put beside it: with the check above, only built code runs. */
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  /** No browser-process V8 snapshot is shipped: the usual snapshot is used. */
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  /** The app is served from app://, never file://: file pages get no privileges beyond a browser's. */
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  /** WebAssembly bounds checks by trap handlers, Electron's default. */
  [FuseV1Options.WasmTrapHandlers]: true,
} as const satisfies FuseV1Config;
