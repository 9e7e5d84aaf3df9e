import type { BrowserWindowConstructorOptions } from 'electron';

/** Electron's BrowserWindow, or a stand-in with the same constructor in tests. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * The main window: a sandboxed, isolated renderer whose only native access is the preload bridge.
 *
 * The options are written literally at the `new BrowserWindow(…)` call on purpose: the static
 * security scan (electronegativity, run by `npm test`) reads webPreferences at the constructor
 * and cannot follow them through a helper's return value, so a weakened setting here fails CI.
 */
export function openMainWindow<W>(BrowserWindow: WindowConstructor<W>, preloadPath: string): W {
  return new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    title: 'Contact Desk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
}
