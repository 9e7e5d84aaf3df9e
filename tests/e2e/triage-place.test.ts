import type { Request } from '@contact-desk/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, screenshot } from '../support/browser';
import { row, startDemoApp, waitReady, type DemoFixture } from './support-app';

/**
 * The prefect's place in the queue — tab, filters, search, order, scroll position, cursor row —
 * survives opening a request then coming back by Back or by the menu, a reload, and another
 * profile used in the same browser; a named view brings a tab, filters and order back.
 */
let app: DemoFixture;

beforeAll(async () => {
  app = await startDemoApp();
});

afterAll(async () => {
  await app?.close();
});

const PROFILE = 'place-prefect';
const SCROLL = 400;
const SYNCED = { timeout: 30_000 };

/** Meta's P1 and P2 requests, as the relay holds them. */
function metaP1P2(): Request[] {
  return app
    .query<{ doc: string }>('select doc from requests')
    .map((entry) => JSON.parse(entry.doc) as Request)
    .filter((request) => request.platformId === 'meta' && ['P1', 'P2'].includes(request.sla.label));
}

async function tickOption(page: Page, filter: string, label: string): Promise<void> {
  const popover = page.getByTestId(filter);
  if ((await popover.getAttribute('open')) === null) await popover.locator('summary').click();
  await popover.getByLabel(label, { exact: true }).check();
}

async function place(page: Page) {
  return page.evaluate(() => ({
    tab: document.querySelector('[data-testid="queue-screen"]')?.getAttribute('data-tab'),
    search: document.querySelector<HTMLInputElement>('[data-testid="queue-search"]')?.value,
    order: document.querySelector<HTMLSelectElement>('[data-testid="queue-sort"]')?.value,
    priority: document.querySelector('[data-testid="filter-priority"] summary')?.textContent,
    platform: document.querySelector('[data-testid="filter-platform"] summary')?.textContent,
    count: document.querySelector('[data-testid="queue-count"]')?.getAttribute('data-count'),
    scrollTop: document.querySelector('[data-testid="queue-grid"]')?.scrollTop,
    cursor: document.querySelector('[data-testid="queue-row"][data-cursor="true"]')?.getAttribute('data-ref') ?? null,
  }));
}

it('filters, search, order, tab and scroll survive Back, the menu, a reload and another profile', async () => {
  const page = await app.openAs(PROFILE, app.code('prefect'), app.relay.url);
  await expect.poll(() => page.getByTestId('view-count-all').textContent(), SYNCED).toBe(String(app.demo.requests));
  await page.getByTestId('view-tab-all').click();
  await tickOption(page, 'filter-platform', 'Meta (Facebook, Instagram)');
  await tickOption(page, 'filter-priority', 'P1');
  await tickOption(page, 'filter-priority', 'P2');
  await page.keyboard.press('Escape');
  await page.getByTestId('queue-sort').selectOption('oldest');
  await page.getByTestId('queue-search').fill('https');
  const expected = metaP1P2();
  expect(expected.length).toBeGreaterThan(30);
  await expect.poll(() => page.getByTestId('queue-count').getAttribute('data-count')).toBe(String(expected.length));
  // Oldest first: the first row is Meta's oldest P1/P2.
  const oldest = [...expected].sort((a, b) => a.createdAt - b.createdAt)[0]!;
  await row(page, oldest.ref).waitFor();

  await page.getByTestId('queue-grid').evaluate((grid, top) => grid.scrollTo({ top }), SCROLL);
  // Remembered once written to the profile's storage (the screen writes it a moment after scrolling).
  await page.waitForFunction(({ key, top }) => JSON.parse(localStorage.getItem(key) ?? '{}')?.place?.scrollTop === top, {
    key: `contact-desk-queue:${PROFILE}`,
    top: SCROLL,
  });
  // A row in full view, so that clicking it scrolls nothing.
  const ref = await page.getByTestId('queue-grid').evaluate((grid) => {
    const view = grid.getBoundingClientRect();
    const rows = [...grid.querySelectorAll<HTMLElement>('[data-testid="queue-row"]')];
    const inView = rows.filter((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= view.top + 40 && box.bottom <= view.bottom;
    });
    return inView[3]?.dataset.ref ?? '';
  });
  expect(ref).not.toBe('');
  await row(page, ref).click();
  await page.getByTestId('request-screen').waitFor();

  const before = {
    tab: 'all',
    search: 'https',
    order: 'oldest',
    priority: 'Priorités : 2 sél.',
    platform: 'Plateformes : Meta (Facebook, Instagram)',
    count: String(expected.length),
    scrollTop: SCROLL,
    cursor: ref,
  };
  await page.goBack();
  await page.getByTestId('queue-grid').waitFor();
  await expect.poll(() => place(page)).toEqual(before);

  await row(page, ref).click();
  await page.getByTestId('request-screen').waitFor();
  await page.getByTestId('nav-queue').click();
  await expect.poll(() => place(page)).toEqual(before);

  await page.reload();
  await waitReady(page);
  await expect.poll(() => place(page), SYNCED).toEqual(before);
  await screenshot(page, 'triage-place-restored');

  // Another profile in the same browser starts on its own defaults and leaves this one alone.
  const url = new URL(page.url());
  await page.goto(
    `${url.origin}/?${new URLSearchParams({ profile: 'place-operator', relay: app.relay.url, code: app.code('operator'), autoEnroll: '1' })}`,
  );
  await waitReady(page);
  await expect
    .poll(() => place(page), SYNCED)
    .toMatchObject({ tab: 'action', search: '', order: 'urgency', priority: 'Priorités : toutes' });
  await page.goto(`${url.origin}/?profile=${PROFILE}`);
  await waitReady(page);
  await expect.poll(() => place(page), SYNCED).toEqual(before);
});

it('a named view: saved, picked again, renamed, deleted — and kept across a reload', async () => {
  // Enrollment codes are single-use: the observer's is still unused.
  const page = await app.openAs('views-observer', app.code('observer'), app.relay.url);
  await expect.poll(() => page.getByTestId('view-count-all').textContent(), SYNCED).toBe(String(app.demo.requests));
  await page.getByTestId('view-tab-late').click();
  await tickOption(page, 'filter-level', '3 — Préfet');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('[data-testid="queue-row"]:not([data-level="3"])').count()).toBe(0);
  const lateAtLevel3 = await page.getByTestId('queue-count').getAttribute('data-count');
  expect(Number(lateAtLevel3)).toBeGreaterThan(0);

  const menu = page.getByTestId('views-menu');
  await menu.locator('summary').click();
  await menu.getByTestId('views-save-input').fill('Retards au préfet');
  await menu.getByTestId('views-save-submit').click();
  await expect.poll(() => menu.locator('summary').textContent()).toBe('Vue : Retards au préfet');
  // The same name again is refused, in words.
  await menu.getByTestId('views-save-input').fill('retards au PRÉFET');
  await menu.getByTestId('views-save-submit').click();
  await menu.getByRole('alert').filter({ hasText: 'Une vue porte déjà ce nom.' }).waitFor();
  await screenshot(page, 'triage-views-menu');
  expect((await axeViolations(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('view-tab-all').click();
  await page.getByTestId('filter-reset').click();
  await expect.poll(() => menu.locator('summary').textContent()).toBe('Vues');
  await menu.locator('summary').click();
  await menu.locator('[data-testid="saved-view"][data-name="Retards au préfet"]').getByTestId('saved-view-apply').click();
  await expect.poll(() => page.getByTestId('queue-screen').getAttribute('data-tab')).toBe('late');
  await expect.poll(() => page.getByTestId('queue-count').getAttribute('data-count')).toBe(lateAtLevel3);

  await menu.locator('summary').click();
  await menu.getByTestId('saved-view-rename-start').click();
  await menu.getByTestId('saved-view-rename-input').fill('Niveau 3 en retard');
  await menu.getByTestId('saved-view-rename-submit').click();
  await page.reload();
  await waitReady(page);
  await expect.poll(() => menu.locator('summary').textContent(), SYNCED).toBe('Vue : Niveau 3 en retard');
  await menu.locator('summary').click();
  expect(await menu.getByTestId('saved-view').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-name')))).toEqual([
    'Niveau 3 en retard',
  ]);
  await menu.getByTestId('saved-view-remove').click();
  await menu.getByText('Aucune vue enregistrée.').waitFor();
  await page.reload();
  await waitReady(page);
  await menu.locator('summary').click();
  await menu.getByText('Aucune vue enregistrée.').waitFor();
});
