import { WEBHOOK_TOPICS } from '@contact-desk/shared';
import type { Page } from 'playwright-core';
import { inEachLanguageAndSize, screenshot } from '../support/browser';

/**
 * The prefect's administration of integrations, driven as she does it: the "Webhooks et API"
 * and "Envois" tabs, their dialogs and the secrets they show once.
 */

export type AdminTab = 'platforms' | 'users' | 'policy' | 'integrations' | 'deliveries';

/** Opens Administration from the navigation bar, on one of its tabs. */
export async function openAdmin(page: Page, tab: AdminTab): Promise<void> {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId(`admin-tab-${tab}`).click();
  await page
    .getByTestId(tab === 'integrations' ? 'webhooks-panel' : tab === 'deliveries' ? 'deliveries-panel' : `admin-tab-${tab}`)
    .waitFor();
}

export interface WebhookFields {
  readonly name: string;
  /** A platform's id, or null for the ministry's own webhook. */
  readonly owner: string | null;
  readonly preset?: 'standard' | 'pagerduty' | 'opsgenie';
  readonly url: string;
  /** A pager preset's key, typed in the dialog. */
  readonly key?: string;
  /** A standard webhook's topics; the dialog's own choice when left out. */
  readonly topics?: readonly string[];
}

/** Adds a webhook with the dialog (the page must be on the integrations tab). */
export async function addWebhook(page: Page, fields: WebhookFields): Promise<void> {
  await page.getByTestId('webhook-add').click();
  const dialog = page.getByTestId('dialog-webhook');
  await dialog.getByTestId('webhook-name').fill(fields.name);
  // The platforms arrive with the first sync: wait for the option before choosing it.
  const owner = fields.owner ?? '';
  await dialog.locator(`[data-testid="webhook-owner"] option[value="${owner}"]`).waitFor({ state: 'attached' });
  await dialog.getByTestId('webhook-owner').selectOption(owner);
  await dialog.getByTestId('webhook-preset').selectOption(fields.preset ?? 'standard');
  await dialog.getByTestId('webhook-url').fill(fields.url);
  if (fields.key !== undefined) await dialog.getByTestId('webhook-key').fill(fields.key);
  for (const topic of fields.topics ? WEBHOOK_TOPICS : []) {
    await dialog.locator(`input[type="checkbox"][value="${topic}"]`).setChecked(fields.topics?.includes(topic) ?? false);
  }
  await dialog.getByTestId('webhook-submit').click();
  await dialog.waitFor({ state: 'detached' });
}

/** A webhook's row in the table, by name. */
export function webhookRow(page: Page, name: string) {
  return page.getByTestId('webhook-row').filter({ has: page.locator('strong', { hasText: new RegExp(`^${name}$`) }) });
}

/** Reads the secret a dialog shows once, then closes it; resolves to the secret. */
export async function takeSecret(page: Page, dialogTestId: 'dialog-signing-secret' | 'dialog-api-key'): Promise<string> {
  const dialog = page.getByTestId(dialogTestId);
  const secret = (await dialog.getByTestId('one-time-secret').textContent())?.trim() ?? '';
  await dialog.getByTestId('one-time-secret-close').click();
  await dialog.waitFor({ state: 'detached' });
  return secret;
}

/** Answers yes to the confirmation dialog that is open. */
export async function confirm(page: Page): Promise<void> {
  const dialog = page.getByTestId('dialog-confirm');
  await dialog.getByTestId('confirm-action').click();
  await dialog.waitFor({ state: 'detached' });
}

/** Issues an API key with the dialog (integrations tab); resolves to the key shown once. */
export async function issueApiKey(page: Page, fields: { name: string; platform: string; scope: 'read' | 'act' }): Promise<string> {
  await page.getByTestId('api-key-add').click();
  const dialog = page.getByTestId('dialog-api-key-add');
  await dialog.getByTestId('api-key-name').fill(fields.name);
  await dialog.locator(`[data-testid="api-key-platform"] option[value="${fields.platform}"]`).waitFor({ state: 'attached' });
  await dialog.getByTestId('api-key-platform').selectOption(fields.platform);
  await dialog.getByTestId('api-key-scope').selectOption(fields.scope);
  await dialog.getByTestId('api-key-submit').click();
  await dialog.waitFor({ state: 'detached' });
  return takeSecret(page, 'dialog-api-key');
}

/** Screenshots of the screen in French and English at both sizes, and of its end when it is taller than the window. */
export async function shootScreen(page: Page, name: string): Promise<void> {
  const main = page.locator('.shell-main');
  await inEachLanguageAndSize(page, async (suffix) => {
    await main.evaluate((element) => element.scrollTo(0, 0));
    await screenshot(page, `${name}-${suffix}`);
    if (await main.evaluate((element) => element.scrollHeight > element.clientHeight + 4)) {
      await main.evaluate((element) => element.scrollTo(0, element.scrollHeight));
      await screenshot(page, `${name}-${suffix}-end`);
    }
  });
}

/** Screenshots of the modal dialog that is open, in French and English at both sizes. */
export async function shootDialog(page: Page, name: string): Promise<void> {
  await inEachLanguageAndSize(page, (suffix) => screenshot(page, `${name}-${suffix}`), true);
}

/** Everything a device keeps in its local database (IndexedDB `contact-desk-<profile>`), store by store. */
export async function localRecord(page: Page, profile: string): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const read = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const all = db.transaction(store, 'readonly').objectStore(store).getAll();
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => reject(all.error);
      });
    try {
      return Object.fromEntries(await Promise.all([...db.objectStoreNames].map(async (store) => [store, await read(store)] as const)));
    } finally {
      db.close();
    }
  }, `contact-desk-${profile}`);
}

interface HeldEntity {
  readonly kind: string;
  readonly value: { readonly name: string; readonly platformId: string | null };
}

interface HeldEvent {
  readonly event: {
    readonly type: string;
    readonly payload: {
      readonly platformId?: string | null;
      readonly webhook?: { readonly platformId: string | null };
      readonly apiKey?: { readonly platformId: string };
    };
  };
}

/**
 * The integrations a device holds (`<platform> <name>`, sorted) and the platforms whose
 * integration events (webhooks, API keys, delivery attempts) it was sent.
 */
export async function integrationsHeld(page: Page, profile: string): Promise<{ held: string[]; platforms: (string | null)[] }> {
  const local = (await localRecord(page, profile)) as { entities: HeldEntity[]; events: HeldEvent[] };
  const held = local.entities
    .filter((entity) => entity.kind === 'integration')
    .map((entity) => `${entity.value.platformId} ${entity.value.name}`);
  const platforms = local.events
    .map(({ event }) => event)
    .filter((event) => /^(webhook|apiKey)\.|^notification\.attempted$/.test(event.type))
    .map((event) => event.payload.webhook?.platformId ?? event.payload.apiKey?.platformId ?? event.payload.platformId ?? null);
  return { held: held.sort(), platforms: [...new Set(platforms)] };
}
