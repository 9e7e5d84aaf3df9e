import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildContentSecurityPolicy } from '../../src/main/content-security-policy';
import { metaPolicyOf, parsePolicy, policyProblems } from './csp-rules';
import { DESKTOP_ROOT } from './electronegativity-scanner';
import { startMainEntry } from '../support/main-entry';

const electron = await vi.hoisted(async () => (await import('../main/electron-mock')).createElectronMock());
vi.mock('electron', () => electron);

const SOURCE_HTML = join(DESKTOP_ROOT, 'src/renderer/index.html');
/** Built pages, present once `npm run build` has run; each must carry the source page's policy. */
const BUILT_HTML = [join(DESKTOP_ROOT, 'out/renderer/index.html'), join(DESKTOP_ROOT, 'dist-web/index.html')];

const metaPolicyIn = (file: string): string => {
  const policy = metaPolicyOf(readFileSync(file, 'utf8'));
  if (policy === null) throw new Error(`${file} has no Content-Security-Policy meta`);
  return policy;
};

describe('policy rules', () => {
  const strict =
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";

  it('accept the strict policy', () => {
    expect(policyProblems(strict, { asHeader: true })).toEqual([]);
  });

  it.each([
    ["script-src 'self' 'unsafe-inline'", "script-src: 'unsafe-inline'"],
    ["script-src 'self' 'unsafe-eval'", "script-src: 'unsafe-eval'"],
    ['script-src https:', 'script-src: wildcard source https:'],
    ['script-src *', 'script-src: wildcard source *'],
    ['script-src https://*.example.org', 'script-src: wildcard source https://*.example.org'],
    ['script-src data:', 'script-src: wildcard source data:'],
    ['worker-src blob:', 'worker-src: wildcard source blob:'],
    ["style-src 'unsafe-inline'", "style-src: 'unsafe-inline'"],
    ["object-src 'self'", "object-src: not 'none'"],
    ['base-uri *', "base-uri: not 'none' or 'self'"],
    ['form-action https:', "form-action: not 'none' or 'self'"],
    ["frame-src 'self'", "frame-src: not 'none'"],
    ['frame-ancestors *', "frame-ancestors: not 'none' or 'self'"],
  ])('refuse %s', (weakening, problem) => {
    expect(policyProblems(`${weakening}; ${strict}`, { asHeader: true })).toContain(problem);
  });

  it('refuse a policy without default-src or script-src, and one without base-uri or form-action', () => {
    expect(policyProblems("object-src 'none'", { asHeader: false })).toEqual(
      expect.arrayContaining([
        'script-src: absent, so scripts may load from anywhere',
        "base-uri: not 'none' or 'self'",
        "form-action: not 'none' or 'self'",
      ]),
    );
  });

  it('fall back to default-src when script-src is absent', () => {
    expect(
      policyProblems(strict.replace("script-src 'self'; ", '').replace("default-src 'self'", 'default-src *'), { asHeader: true }),
    ).toContain('script-src: wildcard source *');
  });
});

describe('Electron window policy', () => {
  it('holds with no relay, with relays over https and http', () => {
    for (const relayOrigins of [[], ['https://relay.interieur.gouv.fr:8443'], ['http://10.0.0.5:4400', 'https://r.example']]) {
      const policy = buildContentSecurityPolicy({ relayOrigins });
      expect(policyProblems(policy, { asHeader: true }), policy).toEqual([]);
    }
  });

  it('cannot be widened by a crafted relay origin', () => {
    const policy = buildContentSecurityPolicy({
      relayOrigins: ["https://a.example; script-src 'unsafe-inline' *", '*', 'https:', 'javascript:alert(1)', 'data:text/html,x'],
    });
    expect(policyProblems(policy, { asHeader: true })).toEqual([]);
    expect(parsePolicy(policy).get('connect-src')).toEqual(["'self'"]);
    expect(
      policy
        .split(';')
        .map((part) => part.trim())
        .filter((part) => part.startsWith('script-src')),
    ).toEqual(["script-src 'self'"]);
  });
});

describe('web client policy (index.html meta)', () => {
  it('holds in the source page', () => {
    expect(policyProblems(metaPolicyIn(SOURCE_HTML), { asHeader: false })).toEqual([]);
  });

  it('lets the web client reach only the relay protocols, since its relay is entered at enrollment', () => {
    // The web client learns its relay's address from the user, so connect-src names schemes
    // rather than hosts; script, worker, frame and object sources stay closed (above).
    expect(parsePolicy(metaPolicyIn(SOURCE_HTML)).get('connect-src')).toEqual(["'self'", 'http:', 'https:', 'ws:', 'wss:']);
  });

  it('is carried unchanged into every built page present', () => {
    const source = metaPolicyIn(SOURCE_HTML);
    const built = BUILT_HTML.filter((file) => existsSync(file));
    console.log(`built pages checked: ${built.length === 0 ? 'none (not built yet)' : built.join(', ')}`);
    for (const file of built) expect(metaPolicyIn(file), file).toBe(source);
  });
});

describe('policy delivery in the packaged app', () => {
  afterEach(() => {
    electron.app.isPackaged = false;
    vi.unstubAllEnvs();
  });

  // A packaged app must ignore a dev-server address slipped into its environment.
  const startPackagedApp = () => startMainEntry(electron, { packaged: true, rendererUrl: 'http://localhost:5173' });

  it('serves every app:// file with the strict policy, replacing any other', async () => {
    await startPackagedApp();
    const handler = electron.protocol.handle.mock.calls[0]?.[1] as (request: { url: string }) => Promise<Response>;
    electron.net.fetch.mockImplementation(
      async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html', 'content-security-policy': 'default-src *' } }),
    );
    const response = await handler({ url: 'app://contact-desk/index.html' });
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(policyProblems(policy, { asHeader: true }), policy).toEqual([]);
    expect(policy).not.toContain('localhost:5173');
    expect((await handler({ url: 'app://contact-desk/%2e%2e%2f%2e%2e%2fetc%2fpasswd' })).status).toBe(404);
  });

  it('sets the same policy on every other response of the session', async () => {
    await startPackagedApp();
    const listener = electron.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { responseHeaders: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ responseHeaders: { 'Content-Security-Policy': ["script-src * 'unsafe-eval'"] } }, callback);
    const headers = callback.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    const [policy = ''] = headers['Content-Security-Policy'] ?? [];
    expect(Object.keys(headers)).toEqual(['Content-Security-Policy']);
    expect(policyProblems(policy, { asHeader: true }), policy).toEqual([]);
  });
});
