import type { Session, WebContents } from 'electron';
import { originOf } from './origin';

/** In-window navigation stays inside the app (its own origin); everything else is refused. */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

/**
 * A contact link of an escalation level: `mailto:` one address (no other header than a subject)
 * or `tel:` a phone number. They leave the app for the user's mail client or phone, nothing else.
 */
export function isContactUrl(value: string): boolean {
  const mail = /^mailto:([^@\s?&,;:/]+@[^@\s?&,;:/]+)(\?subject=[^&]*)?$/i.exec(value);
  if (mail) return true;
  return /^tel:\+?[0-9 ().-]{3,40}$/.test(value);
}

/** Only plain web links and contact links leave the app, to the user's own programs: no javascript:, file:, data:… */
export function isSafeExternalUrl(value: string): boolean {
  if (isContactUrl(value)) return true;
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
export function guardWebContents(contents: WebContents, appOrigin: string, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url, appOrigin)) return;
    event.preventDefault();
    // A contact's mailto:/tel: link is followed in the user's mail client or phone app.
    if (isContactUrl(url)) openExternalUrl(url, openExternal);
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
