import { describe, expect, it, vi } from 'vitest';
import {
  guardWebContents,
  installPermissionHandlers,
  isAllowedNavigation,
  isContactUrl,
  isPermissionGranted,
  isSafeExternalUrl,
  openExternalUrl,
} from '../../src/main/navigation-guard';
import { fakeContents } from '../support/web-contents';

const APP = 'app://contact-desk';

describe('navigation', () => {
  it('stays within the app origin', () => {
    expect(isAllowedNavigation('app://contact-desk/index.html#/queue', APP)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/', APP)).toBe(false);
    expect(isAllowedNavigation('app://contact-desk.evil/', APP)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', APP)).toBe(false);
    expect(isAllowedNavigation('not a url', APP)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
  });
});

describe('external links', () => {
  it('accept only http and https', () => {
    expect(isSafeExternalUrl('https://www.service-public.fr/')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/a')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///C:/Windows/system32/calc.exe',
      'data:text/html,<b>x</b>',
      'smb://host/share',
      'ms-msdt:/id',
      'vbscript:x',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('let a contact’s mailto: and tel: links out, and nothing shaped like them', () => {
    for (const url of [
      'mailto:bruno@meta.example',
      'mailto:bruno@meta.example?subject=CD-2026-000123',
      'tel:+33 6 12 34 56 78',
      'tel:+1 (650) 555-0100',
    ]) {
      expect(isContactUrl(url), url).toBe(true);
      expect(isSafeExternalUrl(url), url).toBe(true);
    }
    for (const url of [
      'mailto:a@b.example?body=x&attach=/etc/passwd',
      'mailto:a@b.example,c@d.example',
      'mailto:',
      'tel:javascript:alert(1)',
      'tel:+33;phone-context=evil',
      'sms:+33612345678',
      'callto:+33',
    ]) {
      expect(isContactUrl(url), url).toBe(false);
    }
  });

  it('call the opener only for safe URLs', () => {
    const open = vi.fn(() => Promise.resolve());
    expect(openExternalUrl('javascript:alert(1)', open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(openExternalUrl('https://example.org/', open)).toBe(true);
    expect(open).toHaveBeenCalledWith('https://example.org/');
  });
});

describe('web contents guard', () => {
  it('prevents navigation to other origins and webviews', () => {
    const { contents, prevented } = fakeContents();
    guardWebContents(
      contents as never,
      APP,
      vi.fn(() => Promise.resolve()),
    );
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'app://contact-desk/index.html')).toBe(false);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
  });

  it('follows a contact link in the user’s own program, never in the window', () => {
    const { contents, prevented } = fakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    guardWebContents(contents as never, APP, openExternal);
    expect(prevented('will-navigate', 'mailto:bruno@meta.example')).toBe(true);
    expect(prevented('will-navigate', 'tel:+33 6 12 34 56 78')).toBe(true);
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['mailto:bruno@meta.example'], ['tel:+33 6 12 34 56 78']]);
  });

  it('denies every new window, handing safe links to the browser', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    guardWebContents(contents as never, APP, openExternal);
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.org/']]);
  });
});

describe('permissions', () => {
  it('grants notifications to the app and nothing else', () => {
    expect(isPermissionGranted('notifications', 'app://contact-desk/index.html', APP)).toBe(true);
    expect(isPermissionGranted('notifications', 'https://evil.example/', APP)).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'midiSysex',
      'openExternal',
      'display-capture',
      'fileSystem',
      'unknown',
    ]) {
      expect(isPermissionGranted(permission, 'app://contact-desk/', APP), permission).toBe(false);
    }
  });

  it('installs request and check handlers that deny camera and geolocation', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    installPermissionHandlers(session as never, APP);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (...args: unknown[]) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    const contents = { getURL: () => 'app://contact-desk/index.html' };
    for (const [permission, expected] of [
      ['media', false],
      ['geolocation', false],
      ['notifications', true],
    ] as const) {
      const callback = vi.fn();
      request(contents, permission, callback, { requestingUrl: 'app://contact-desk/index.html' });
      expect(callback).toHaveBeenCalledWith(expected);
      expect(check(contents, permission, 'app://contact-desk')).toBe(expected);
    }
  });
});
