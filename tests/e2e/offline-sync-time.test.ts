import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { createRequestInUi, startDemoApp, type DemoFixture } from './support-app';

let app: DemoFixture;

beforeAll(async () => {
  app = await startDemoApp();
});

afterAll(async () => {
  await app?.close();
});

/** Keeps every state of the first-load progress the page showed, from its first render. */
const WATCH_PROGRESS = `(() => {
  const seen = [];
  Object.defineProperty(window, '__progressSeen', { value: seen });
  new MutationObserver(() => {
    const bar = document.querySelector('[data-testid="sync-progress"]');
    if (bar) seen.push({ done: Number(bar.getAttribute('data-done')), total: Number(bar.getAttribute('data-total')), text: bar.textContent });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

interface ProgressSeen {
  readonly done: number;
  readonly total: number;
  readonly text: string;
}

function headSeq(): number {
  return app.query<{ seq: number }>('select max(seq) as seq from events')[0]?.seq ?? 0;
}

async function syncedAt(page: Page): Promise<number> {
  return Number(await page.getByTestId('sync-last').getAttribute('data-at'));
}

it('the first load shows its progress against the relay’s head, then the time it was synchronised', async () => {
  // The prefect sees every event of the six weeks: several pages to pull.
  const prefect = await app.openAs('demo-prefect', app.code('prefect'), app.relay.url, { initScript: WATCH_PROGRESS });
  const started = Date.now();
  await prefect.getByTestId('sync-progress').waitFor({ state: 'detached', timeout: 120_000 });
  console.log(`first load of ${headSeq()} events: ${Date.now() - started} ms after the app was online`);
  const seen = await prefect.evaluate(() => (window as unknown as { __progressSeen: ProgressSeen[] }).__progressSeen);
  expect(seen.length).toBeGreaterThan(0);
  // Counted against the relay's head when the device connected (its enrollment is the last event), moving forward.
  const total = seen[0]!.total;
  expect(total).toBeGreaterThan(2_000);
  expect(total).toBeLessThanOrEqual(headSeq());
  expect(seen.every((step) => step.total === total && step.done <= total)).toBe(true);
  expect(seen.some((step) => step.done > 0 && step.done < total)).toBe(true);
  expect(seen.map((step) => step.done)).toEqual([...seen.map((step) => step.done)].sort((a, b) => a - b));
  expect(seen.find((step) => step.done > 0)?.text).toMatch(/^Chargement du journal : [\d\s\u202f]+ \/ [\d\s\u202f]+ événements$/);
  // Done: the bar says when it was synchronised, in the relay's time, to the second.
  expect(await prefect.getByTestId('sync-last').textContent()).toMatch(/^Synchronisé à \d\d:\d\d:\d\d \(Heure de Europe\/Paris\)$/);
});

it('“synchronised at” moves with every live event, and stops, said as the last time, when the link is cut', async () => {
  const liaison = await app.openAs('demo-liaison', app.code('liaison', 'meta'), app.proxy.url);
  const operator = await app.openAs('demo-operator', app.code('operator'), app.relay.url, '#/new');
  const before = await syncedAt(liaison);
  expect(before).toBeGreaterThan(0);

  // A new request reaches the liaison live: the copy is in step with the relay at that moment.
  const created = await createRequestInUi(operator, {
    platform: 'meta',
    priority: 'P1',
    grounds: 'Appel à la violence.',
    items: ['https://www.facebook.com/p/6001'],
  });
  await liaison.locator(`[data-testid="queue-row"][data-ref="${created.ref}"]`).waitFor();
  await expect.poll(() => syncedAt(liaison)).toBeGreaterThan(before);
  const live = await syncedAt(liaison);
  const eventTime = app.query<{ t: number }>("select max(server_time) as t from events where type = 'request.created'")[0]!.t;
  expect(live).toBeGreaterThanOrEqual(eventTime - 1_000);
  await screenshot(liaison, 'sync-live-fr');

  app.proxy.sever();
  await expect.poll(() => liaison.getByTestId('sync-status').getAttribute('data-connection'), { timeout: 15_000 }).toBe('offline');
  expect(await liaison.getByTestId('sync-last').textContent()).toMatch(/^Dernière synchronisation à \d\d:\d\d:\d\d/);
  expect(await syncedAt(liaison)).toBe(live);
  app.proxy.restore();
  await expect.poll(() => liaison.getByTestId('sync-status').getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
  await expect.poll(() => syncedAt(liaison)).toBeGreaterThan(live);
});
