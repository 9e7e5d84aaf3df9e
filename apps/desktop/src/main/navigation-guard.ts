import type { Session, WebContents } from 'electron';
import { originOf } from './origin';

/** In-window navigation stays inside the app (its own origin); everything else is refused. */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

/** Only plain web links leave the app, and only to the user's browser: no javascript:, file:, data:… */
export function isSafeExternalUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Opens `value` with `open` (shell.openExternal) when it is safe; returns whether it did. */
export function openExternalUrl(value: string, open: (url: string) => Promise<void>): boolean {
  if (!isSafeExternalUrl(value)) return false;
  open(value).catch(() => undefined);
  return true;
}

/**
 * Permissions the app may use: notifications (new P0, deadlines) and sanitized clipboard
 * writes (the "copy reference" buttons use navigator.clipboard.writeText, which cannot read
 * anything back). Camera, microphone, geolocation, clipboard reads, USB… are all refused, and
 * only the app's own origin gets anything.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && originOf(requestingUrl) === appOrigin;
}

export function installPermissionHandlers(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl ?? contents.getURL(), appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, appOrigin),
  );
}

/** No navigation away, no new windows (links go to the browser), no <webview>. */
export function guardWebContents(
  contents: WebContents,
  appOrigin: string,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalUrl(url, openExternal);
    return { action: 'deny' };
  });
}
