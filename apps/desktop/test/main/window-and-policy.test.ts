import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { resolveAppFile } from '../../src/main/app-protocol';
import {
  buildContentSecurityPolicy,
  connectSourcesFor,
  installContentSecurityPolicy,
  withContentSecurityPolicy,
} from '../../src/main/content-security-policy';
import { buildMenuTemplate } from '../../src/main/menu';
import { createRelayOriginAllowList } from '../../src/main/relay-origin-allow-list';
import { openMainWindow } from '../../src/main/window-options';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('main window options', () => {
  // Every webPreference is asserted, exactly, in test/security/browser-window.test.ts.
  it('open a hidden window of a useful size, with the given preload', () => {
    class RecordingWindow {
      constructor(readonly options: BrowserWindowConstructorOptions) {}
    }
    const { options } = openMainWindow(RecordingWindow, '/app/preload/index.cjs');
    expect(options.webPreferences?.preload).toBe('/app/preload/index.cjs');
    expect(options).toMatchObject({ width: 1400, height: 900, minWidth: 1000, minHeight: 640, show: false });
  });
});

describe('content security policy', () => {
  const policy = buildContentSecurityPolicy({
    relayOrigins: ['https://relay.interieur.gouv.fr', 'http://10.0.0.5:4400'],
  });
  const parsed = directives(policy);

  it('allows only the app’s own scripts and styles', () => {
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('style-src')).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-inline');
  });

  it('closes objects, base, framing and forms', () => {
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
    expect(parsed.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('lets the renderer connect to exactly the allowed relays, http→ws and https→wss', () => {
    expect(parsed.get('connect-src')).toEqual([
      "'self'",
      'https://relay.interieur.gouv.fr',
      'wss://relay.interieur.gouv.fr',
      'http://10.0.0.5:4400',
      'ws://10.0.0.5:4400',
    ]);
    expect(policy).not.toMatch(/(^|\s)(https?|wss?):(\s|;|$)/);
  });

  it('has no relay at all before enrollment', () => {
    expect(directives(buildContentSecurityPolicy({ relayOrigins: [] })).get('connect-src')).toEqual(["'self'"]);
  });

  it('maps only http(s) origins', () => {
    expect(connectSourcesFor('https://r.example:8443/path?q')).toEqual(['https://r.example:8443', 'wss://r.example:8443']);
    expect(connectSourcesFor('javascript:alert(1)')).toEqual([]);
    expect(connectSourcesFor('file:///etc/passwd')).toEqual([]);
  });

  it('loosens only for the dev server in development', () => {
    const dev = directives(buildContentSecurityPolicy({ relayOrigins: [], devServerOrigin: 'http://localhost:5173' }));
    expect(dev.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(dev.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('replaces any policy on the response', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'X-A': ['1'] }, 'P');
    expect(headers).toEqual({ 'X-A': ['1'], 'Content-Security-Policy': ['P'] });
  });

  it('is recomputed on every response from the current allow-list', () => {
    const allowList = createRelayOriginAllowList();
    let listener: ((details: unknown, callback: (response: unknown) => void) => void) | undefined;
    const session = { webRequest: { onHeadersReceived: vi.fn((l: typeof listener) => (listener = l)) } };
    installContentSecurityPolicy(session as never, () => buildContentSecurityPolicy({ relayOrigins: allowList.origins() }));
    const policyNow = (): string => {
      const callback = vi.fn();
      listener?.({ responseHeaders: {} }, callback);
      return (callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders['Content-Security-Policy']![0]!;
    };
    expect(policyNow()).not.toContain('relay.example');
    allowList.allow('ministere', ['https://relay.example/socket.io']);
    expect(policyNow()).toContain("connect-src 'self' https://relay.example wss://relay.example;");
    allowList.allow('ministere', ['https://relay-a.example', 'http://10.0.0.5:4400']);
    expect(policyNow()).toContain(
      "connect-src 'self' http://10.0.0.5:4400 ws://10.0.0.5:4400 https://relay-a.example wss://relay-a.example;",
    );
  });

  it('allow-list ignores non-http URLs', () => {
    const allowList = createRelayOriginAllowList({ p: ['javascript:alert(1)', 'data:text/html,x', 'https://a.example:9/x'] });
    expect(allowList.origins()).toEqual(['https://a.example:9']);
  });

  it('allow-list holds every origin of each profile’s relay addresses, and only those', () => {
    const allowList = createRelayOriginAllowList();
    expect(allowList.allow('p1', ['https://relay-a.example', 'https://relay-b.example:8443/', 'https://relay-a.example/x'])).toEqual([
      'https://relay-a.example',
      'https://relay-b.example:8443',
    ]);
    allowList.allow('p2', ['https://relay-c.example', 'https://relay-a.example']);
    expect(allowList.origins()).toEqual(['https://relay-a.example', 'https://relay-b.example:8443', 'https://relay-c.example']);
    // New addresses for a profile replace its earlier ones; cleared credentials forget them.
    allowList.allow('p1', ['https://relay-d.example']);
    expect(allowList.origins()).toEqual(['https://relay-a.example', 'https://relay-c.example', 'https://relay-d.example']);
    allowList.allow('p2', []);
    expect(allowList.origins()).toEqual(['https://relay-d.example']);
  });
});

describe('app:// protocol', () => {
  it('serves files under the renderer folder only', () => {
    expect(resolveAppFile('app://contact-desk/index.html', '/r')).toBe('/r/index.html');
    expect(resolveAppFile('app://contact-desk/', '/r')).toBe('/r/index.html');
    expect(resolveAppFile('app://contact-desk/assets/a.js', '/r')).toBe('/r/assets/a.js');
    // The URL parser collapses (encoded) dot segments, so these stay inside the root.
    expect(resolveAppFile('app://contact-desk/%2e%2e/%2e%2e/etc/passwd', '/r')).toBe('/r/etc/passwd');
    expect(resolveAppFile('app://contact-desk/../../etc/passwd', '/r')).toBe('/r/etc/passwd');
    expect(resolveAppFile('app://contact-desk/..%2f..%2fetc%2fpasswd', '/r')).toBeNull();
    expect(resolveAppFile('app://elsewhere/index.html', '/r')).toBeNull();
    expect(resolveAppFile('file:///r/index.html', '/r')).toBeNull();
  });
});

describe('menu', () => {
  const roles = (template: ReturnType<typeof buildMenuTemplate>): string[] => JSON.stringify(template).match(/"role":"[^"]+"/g) ?? [];

  it('has no developer tools when packaged', () => {
    const packaged = roles(buildMenuTemplate('win32', true));
    expect(packaged).not.toContain('"role":"toggleDevTools"');
    expect(packaged).not.toContain('"role":"reload"');
    expect(packaged).toContain('"role":"togglefullscreen"');
  });

  it('has developer tools in development', () => {
    expect(roles(buildMenuTemplate('linux', false))).toContain('"role":"toggleDevTools"');
  });

  it('has the edit roles and an app menu on macOS only', () => {
    const mac = buildMenuTemplate('darwin', true);
    expect(mac[0]?.role).toBe('appMenu');
    expect(buildMenuTemplate('win32', true).some((item) => item.role === 'appMenu')).toBe(false);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) {
      expect(roles(mac)).toContain(`"role":"${role}"`);
    }
  });
});
