import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_CASES } from '../main/ipc-contract-cases';
import { parsePolicy, policyProblems } from '../security/csp-rules';
import { DESKTOP_ROOT, ensureBuilt, installedElectron } from './packing';

/**
 * The built app in the real Electron, driven by Playwright: one window, isolated and sandboxed,
 * the bridge and nothing else on the page, a strict policy that is enforced, no navigation or new
 * window elsewhere. The development build is driven, not the packaged one: the packaged binary's
 * fuses ignore --inspect, which is how Playwright reaches the main process (pack-dir.test.ts reads
 * those fuses back instead). Runs wherever npm installed the Electron binary and a display exists.
 */
function whyNot(): string | null {
  const electron = installedElectron();
  if ('missing' in electron) return electron.missing;
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return 'no display (run under xvfb-run)';
  return null;
}
const skipReason = whyNot();
if (skipReason !== null) console.info(`Electron smoke test: skipped here — ${skipReason}.`);

const APP_PAGE = 'app://contact-desk/index.html';

describe('the app in Electron', () => {
  let app: ElectronApplication;
  let userData: string;

  beforeAll(async () => {
    const electron = installedElectron();
    if (skipReason !== null || 'missing' in electron) return;
    await ensureBuilt();
    userData = await mkdtemp(join(tmpdir(), 'contact-desk-smoke-'));
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !['ELECTRON_RENDERER_URL', 'CONTACT_DESK_LAUNCH_QUERY', 'ELECTRON_RUN_AS_NODE'].includes(name),
      ),
    ) as Record<string, string>;
    // Chromium refuses to start as root with its OS sandbox; the renderer's own sandbox is what is checked.
    const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await _electron.launch({
      executablePath: electron.executable,
      args: [...asRoot, `--user-data-dir=${userData}`, DESKTOP_ROOT],
      env,
    });
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  it.skipIf(skipReason !== null)('opens one isolated, sandboxed window with the bridge and nothing of Node', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe(APP_PAGE);
    expect(await page.evaluate(() => Object.keys(window.contactDesk ?? {}).sort())).toEqual(Object.keys(CONTRACT_CASES).sort());
    expect(await page.evaluate(() => [typeof require, typeof process, typeof module, Object.isFrozen(window.contactDesk)])).toEqual([
      'undefined',
      'undefined',
      'undefined',
      true,
    ]);
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown> | null;
      };
      return contents.getLastWebPreferences();
    });
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it.skipIf(skipReason !== null)('serves its page under a strict policy naming no relay yet, and enforces it', async () => {
    const page = await app.firstWindow();
    const policy = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(policy).not.toBeNull();
    expect(policyProblems(policy ?? '', { asHeader: true })).toEqual([]);
    expect(parsePolicy(policy ?? '').get('connect-src')).toEqual(["'self'"]);
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
          fetch('http://127.0.0.1:9/').catch(() => undefined);
        }),
    );
    expect(violated).toBe('connect-src');
  });

  it.skipIf(skipReason !== null)('refuses navigation to another origin and new windows', async () => {
    const page = await app.firstWindow();
    const seen = app.evaluate(
      ({ webContents }) =>
        new Promise<{ url: string; prevented: boolean }>((resolve) => {
          const contents = webContents.getAllWebContents().find((candidate) => candidate.getURL().startsWith('app://'));
          // Registered after the app's own guard, so it sees the event once the guard has decided.
          contents?.once('will-navigate', (event, url) => resolve({ url, prevented: event.defaultPrevented }));
        }),
    );
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    expect(await seen).toEqual({ url: 'https://example.org/', prevented: true });
    expect(page.url()).toBe(APP_PAGE);
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
