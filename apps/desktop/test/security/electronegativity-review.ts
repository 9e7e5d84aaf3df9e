/**
 * What the electronegativity scan of the desktop app leaves out or accepts, and why. A high
 * finding is never accepted; a medium one fails the scan until it is fixed or judged here.
 */

/** Checks not run, each with its reason. */
export const EXCLUDED_CHECKS: readonly { readonly check: string; readonly reason: string }[] = [
  {
    check: 'AvailableSecurityFixesGlobalCheck',
    reason:
      'Downloads Electron’s release list from the network on every run, and CI reaches only the npm ' +
      'registry. Electron’s version is pinned by package-lock.json and moved by a deliberate upgrade.',
  },
];

/** A finding read and judged harmless. It matches on check and file, not line numbers. */
export interface ReviewedFinding {
  readonly id: string;
  readonly file: string;
  readonly reason: string;
}

export const REVIEWED_FINDINGS: readonly ReviewedFinding[] = [
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'src/main/window-options.ts',
    reason:
      'The check asks for `disableBlinkFeatures: "Auxclick"`. Chromium no longer has a Blink runtime ' +
      'feature by that name (electron/electron#10315, #20318), so the setting would change nothing. ' +
      'What it guarded against, a middle click opening a window, is refused by the window-open ' +
      'handler of every web contents (guardWebContents: action "deny"; only http(s) links go to ' +
      'the browser).',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'src/main/window-options.ts',
    reason:
      'A reminder to review the preload. It runs sandboxed with context isolation and exposes one ' +
      'frozen object (window.contactDesk) of seven fixed-channel functions that validate their ' +
      'arguments; ipcRenderer never leaves it (test/main/preload-bridge.test.ts).',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src/main/index.ts',
    reason:
      'shell.openExternal is passed to guardWebContents, which calls it only through ' +
      'openExternalUrl: http and https URLs with a host, nothing else (no file:, javascript:, ' +
      'smb:, ms-msdt:…; test/main/navigation-guard.test.ts).',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'src/renderer/index.html',
    reason:
      "Low. Google’s csp-evaluator flags script-src 'self' as possibly weak when the origin also " +
      'serves JSONP, Angular templates or user uploads. The app’s origin (app://contact-desk, or ' +
      'the web client’s static host) serves only the built bundle; the policy’s own rules are ' +
      'checked in content-security-policy.test.ts.',
  },
  {
    id: 'ELECTRON_VERSION_JSON_CHECK',
    file: 'package.json',
    reason:
      'Informational: the Electron version in use (the scan found it in package.json). Whether a ' +
      'newer release carries security fixes is the excluded network check above.',
  },
];
