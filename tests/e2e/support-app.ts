import Database from 'better-sqlite3';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { addUser, freePort, newDataDir, relayCli, RelayProcess } from '../support/relay-process';
import { serveStatic } from '../support/static-server';
import { TcpProxy } from '../support/tcp-proxy';

const distWeb = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps', 'desktop', 'dist-web');

export interface Codes {
  readonly prefect: string;
  readonly operator: string;
  readonly liaisonMeta: string;
  readonly liaisonTiktok: string;
}

export interface OpenOptions {
  /** Location hash to open at, e.g. `#/new`. */
  readonly hash?: string;
  /** Skip enrollment: open the enroll screen with only the relay pre-filled. */
  readonly enrollOnly?: boolean;
  /** Allow desktop notifications and record each one the page shows (see `osNotifications`). */
  readonly notifications?: boolean;
  /** A script to run in the page before the app (e.g. to watch the DOM from the first render). */
  readonly initScript?: string;
}

/** A desktop notification the page showed, as the Web Notifications API received it. */
export interface ShownNotification {
  readonly title: string;
  readonly body: string;
  readonly requireInteraction: boolean;
}

/** The browser's own Notification, wrapped to keep what each call was given (the real one still runs). */
const RECORD_NOTIFICATIONS = `(() => {
  const Real = window.Notification;
  if (!Real) return;
  const shown = [];
  Object.defineProperty(window, '__shownNotifications', { value: shown });
  window.Notification = class extends Real {
    constructor(title, options) {
      super(title, options);
      shown.push({ title, body: (options && options.body) || '', requireInteraction: Boolean(options && options.requireInteraction) });
    }
  };
})();`;

/** The desktop notifications a page opened with `notifications: true` has shown so far. */
export function osNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(() => [...((window as unknown as { __shownNotifications?: ShownNotification[] }).__shownNotifications ?? [])]);
}

export interface AppFixture extends BaseFixture {
  readonly codes: Codes;
  /** The codes `StartOptions.prepare` returned. */
  readonly extraCodes: Readonly<Record<string, string>>;
}

export interface StartOptions {
  /** Extra `CONTACT_DESK_*` settings of the relay process (kept across restarts). */
  readonly relayEnv?: Readonly<Record<string, string>>;
  /** Runs on the data folder once the base users exist, before the relay starts; returns more codes. */
  readonly prepare?: (dataDir: string) => Promise<Readonly<Record<string, string>>>;
}

/** One enrollment code of `relay demo --json`. */
export interface DemoCode {
  readonly name: string;
  readonly role: string;
  readonly platformId: string | null;
  readonly code: string;
}

export interface DemoFixture extends BaseFixture {
  /** The enrollment codes the demo printed. */
  readonly demo: { readonly requests: number; readonly events: number; readonly codes: readonly DemoCode[] };
  /** The code of the first demo user with this role (and platform, for a liaison). */
  code(role: string, platformId?: string): string;
}

interface BaseFixture {
  /** The relay's data folder. */
  readonly dataDir: string;
  readonly relay: RelayProcess;
  /** The TCP link the liaisons' clients go through: `sever()` it to cut them off for real. */
  readonly proxy: TcpProxy;
  readonly browser: Browser;
  readonly webUrl: string;
  /** Opens the app for a profile in its own browser context and waits until it is ready. */
  openAs(profile: string, code: string | null, relayUrl: string, hashOrOptions?: string | OpenOptions): Promise<Page>;
  /** Reads the relay's SQLite file (read-only). */
  query<T>(sql: string, ...params: unknown[]): T[];
  close(): Promise<void>;
}

/** Relay process + CLI users, a proxy in front of it, the built web client, one Chromium. */
export async function startApp(options: StartOptions = {}): Promise<AppFixture> {
  const dataDir = newDataDir();
  relayCli(dataDir, ['platform', 'add', 'meta', '--name', 'Meta']);
  relayCli(dataDir, ['platform', 'add', 'tiktok', '--name', 'TikTok']);
  const codes: Codes = {
    prefect: addUser(dataDir, 'Pauline Préfète', 'prefect'),
    operator: addUser(dataDir, 'Olivia Operator', 'operator'),
    liaisonMeta: addUser(dataDir, 'Lina Liaison', 'liaison', 'meta'),
    liaisonTiktok: addUser(dataDir, 'Tom TikTok', 'liaison', 'tiktok'),
  };
  const extraCodes = (await options.prepare?.(dataDir)) ?? {};
  return { ...(await launch(dataDir, options.relayEnv)), codes, extraCodes };
}

/** Like `startApp`, on a data folder filled by `relay demo` (platforms, users, six weeks of requests). */
export async function startDemoApp(options: Pick<StartOptions, 'relayEnv'> = {}): Promise<DemoFixture> {
  const dataDir = newDataDir();
  const demo = JSON.parse(relayCli(dataDir, ['demo', '--reset', '--json'])) as DemoFixture['demo'];
  return {
    ...(await launch(dataDir, options.relayEnv)),
    demo,
    code(role, platformId) {
      const found = demo.codes.find((c) => c.role === role && (platformId === undefined || c.platformId === platformId));
      if (!found) throw new Error(`no demo user ${role}${platformId ? ` of ${platformId}` : ''}`);
      return found.code;
    },
  };
}

async function launch(dataDir: string, relayEnv: Readonly<Record<string, string>> = {}): Promise<BaseFixture> {
  const relay = new RelayProcess(dataDir, await freePort(), relayEnv);
  await relay.start();
  const proxy = new TcpProxy(relay.port);
  await proxy.start();
  const web: { url: string; server: Server } = await serveStatic(distWeb);
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];

  const openAs: BaseFixture['openAs'] = async (profile, code, relayUrl, hashOrOptions) => {
    const options: OpenOptions = typeof hashOrOptions === 'string' ? { hash: hashOrOptions } : (hashOrOptions ?? {});
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1440, height: 900 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    contexts.push(context);
    if (options.notifications) {
      await context.grantPermissions(['notifications'], { origin: web.url });
      await context.addInitScript(RECORD_NOTIFICATIONS);
    }
    if (options.initScript) await context.addInitScript(options.initScript);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[${profile}] page error:`, error));
    const params = new URLSearchParams({ profile, relay: relayUrl });
    if (code && !options.enrollOnly) {
      params.set('code', code);
      params.set('autoEnroll', '1');
    }
    await page.goto(`${web.url}/?${params.toString()}${options.hash ?? ''}`);
    if (options.enrollOnly) {
      await page.getByTestId('enroll-submit').waitFor();
      return page;
    }
    await waitReady(page, options.hash);
    return page;
  };

  return {
    dataDir,
    relay,
    proxy,
    browser,
    webUrl: web.url,
    openAs,
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new Database(join(dataDir, 'contact-desk.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => web.server.close(() => resolve()));
      web.server.closeAllConnections?.();
      await proxy.stop();
      await relay.stop();
    },
  };
}

/** The app is enrolled and online; on the queue, its grid (or empty state) is shown. */
export async function waitReady(page: Page, hash?: string): Promise<void> {
  await page.locator('[data-testid="sync-status"][data-connection="online"]').waitFor({ timeout: 30_000 });
  if (!hash || hash === '#/queue') {
    await page.locator('[data-testid="queue-grid"], [data-testid="queue-empty"]').first().waitFor();
  }
}

/** A queue row by reference. */
export function row(page: Page, ref: string) {
  return page.locator(`[data-testid="queue-row"][data-ref="${ref}"]`);
}

export interface NewRequest {
  readonly id: string;
  readonly ref: string;
}

/** Pastes a list into the create form in place of its text (one insertText, as a paste delivers it) and waits for its preview. */
export async function pasteItems(page: Page, items: readonly string[]): Promise<void> {
  await page.getByTestId('create-items').fill('');
  await page.getByTestId('create-items').focus();
  await page.keyboard.insertText(items.join('\n'));
  await page.locator(`[data-testid="paste-summary"][data-pasted="${items.length}"]`).waitFor();
}

/** Fills and submits the create form (the page must be on `#/new`); returns the new request. */
export async function createRequestInUi(
  page: Page,
  fields: {
    platform: string;
    kind?: string;
    priority?: string;
    category?: string;
    grounds: string;
    items: readonly string[];
    campaign?: string;
  },
): Promise<NewRequest> {
  await page.getByTestId('create-form').waitFor();
  // The platforms arrive with the first sync: wait for the option before choosing it. Chosen,
  // the platform takes every item, so the items make one request as long as they fit in one.
  await page.locator(`[data-testid="create-platform"] option[value="${fields.platform}"]`).waitFor({ state: 'attached' });
  await page.getByTestId('create-platform').selectOption(fields.platform);
  await page.getByTestId('create-kind').selectOption(fields.kind ?? 'removal');
  await page.getByTestId('create-priority').selectOption(fields.priority ?? 'P0');
  await page.getByTestId('create-category').selectOption(fields.category ?? 'terrorism_apology');
  await page.getByTestId('create-grounds').fill(fields.grounds);
  if (fields.campaign !== undefined) await page.getByTestId('create-campaign').selectOption({ label: fields.campaign });
  await pasteItems(page, fields.items);
  await page.locator(`[data-testid="paste-request"][data-platform="${fields.platform}"][data-count="${fields.items.length}"]`).waitFor();
  await page.getByTestId('create-submit').click();
  await page.getByTestId('request-screen').waitFor();
  // Until the relay has recorded it the request is shown as pending, with a provisional ref.
  await page.getByTestId('request-screen').getByTestId('pending-marker').waitFor({ state: 'detached' });
  await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor();
  const id = decodeURIComponent(/#\/request\/([^/?]+)/.exec(page.url())?.[1] ?? '');
  const ref = (await page.getByTestId('request-ref').textContent())?.trim() ?? '';
  if (!id || !ref) throw new Error(`no request id/ref after create (url ${page.url()})`);
  return { id, ref };
}
