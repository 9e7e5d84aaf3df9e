import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { createRequestInUi, row, startApp, waitReady, type AppFixture } from './support-app';

let app: AppFixture;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

/** Records every queue ref ever rendered in the page, so "never shown" can be checked afterwards. */
async function watchRefs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = new Set<string>();
    (globalThis as unknown as { __seenRefs: Set<string> }).__seenRefs = seen;
    const scan = () => document.querySelectorAll<HTMLElement>('[data-testid="queue-row"]').forEach((el) => seen.add(el.dataset.ref ?? ''));
    scan();
    new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ref'] });
  });
}

async function seenRefs(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(globalThis as unknown as { __seenRefs: Set<string> }).__seenRefs]);
}

it('a P0 created by the prefect reaches the meta liaison live; the ack comes back with the relay time', async () => {
  const liaison = await app.openAs('liaison-meta', app.codes.liaisonMeta, app.proxy.url);
  const tiktok = await app.openAs('liaison-tiktok', app.codes.liaisonTiktok, app.proxy.url);
  await watchRefs(tiktok);
  const prefect = await app.openAs('prefect', app.codes.prefect, app.relay.url, '#/new');
  await screenshot(prefect, 'create');

  const liaisonUrl = liaison.url();
  const created = await createRequestInUi(prefect, {
    platform: 'meta',
    kind: 'removal',
    priority: 'P0',
    category: 'terrorism_apology',
    grounds: "Apologie d'un attentat en cours de diffusion.",
    items: ['https://www.facebook.com/watch/?v=1001', 'https://www.instagram.com/p/AbCdEf123/'],
  });
  expect(created.ref).toMatch(/\S/);
  await expect.poll(() => app.query<{ n: number }>('select count(*) as n from requests where ref = ?', created.ref)[0]?.n).toBe(1);

  // Live: the row appears in the liaison's queue without any reload.
  const liaisonRow = row(liaison, created.ref);
  await liaisonRow.waitFor();
  expect(liaison.url()).toBe(liaisonUrl);
  await expect.poll(() => liaisonRow.getAttribute('data-status')).toBe('open');
  expect(await liaisonRow.getAttribute('data-priority')).toBe('P0');
  await screenshot(liaison, 'queue-liaison');

  // Keyboard: focus the grid (puts the cursor on the first row), move to our row, press `a`.
  await liaison.getByTestId('queue-grid').focus();
  await expect.poll(() => liaison.locator('[data-testid="queue-row"][data-cursor="true"]').count()).toBe(1);
  for (let i = 0; i < 20 && (await liaisonRow.getAttribute('data-cursor')) !== 'true'; i++) await liaison.keyboard.press('j');
  expect(await liaisonRow.getAttribute('data-cursor')).toBe('true');
  await liaison.keyboard.press('a');
  await expect.poll(() => liaisonRow.getAttribute('data-status')).toBe('acknowledged');
  await liaison.locator('[data-testid="sync-pending"][data-count="0"]').waitFor();

  // The prefect, still on the request screen, sees the acknowledgement with the relay's time.
  await expect.poll(() => prefect.getByTestId('request-status').getAttribute('data-status')).toBe('acknowledged');
  const ackEntry = prefect.locator('[data-testid="timeline-entry"][data-type="request.acknowledged"]');
  await ackEntry.waitFor();
  const events = app.query<{ server_time: number; client_time: number | null }>(
    "select server_time, client_time from events where type = 'request.acknowledged' and payload like ?",
    `%${created.id}%`,
  );
  expect(events).toHaveLength(1);
  const relayTime = events[0]!.server_time;
  expect(await ackEntry.locator('time').getAttribute('datetime')).toBe(new Date(relayTime).toISOString());
  await expect.poll(() => prefect.getByTestId('sla-ack').getAttribute('data-state')).toMatch(/^done/);
  const doc = JSON.parse(app.query<{ doc: string }>('select doc from requests where ref = ?', created.ref)[0]!.doc) as {
    status: string;
    ackAt: number;
  };
  expect(doc.status).toBe('acknowledged');
  expect(doc.ackAt).toBe(relayTime);
  await screenshot(prefect, 'request-detail');

  // Acknowledged, it waits for the platform: not in the ministry's Needs action, in All.
  await prefect.getByTestId('nav-queue').click();
  await prefect.getByTestId('view-tab-all').click();
  await expect.poll(() => row(prefect, created.ref).getAttribute('data-status')).toBe('acknowledged');
  await screenshot(prefect, 'queue-prefect');

  // The tiktok liaison never saw it: not now, not at any moment since it opened, not after a reload.
  expect(await row(tiktok, created.ref).count()).toBe(0);
  expect(await seenRefs(tiktok)).not.toContain(created.ref);
  await tiktok.reload();
  await waitReady(tiktok);
  expect(await row(tiktok, created.ref).count()).toBe(0);
  expect(await tiktok.getByTestId('view-count-all').textContent()).toBe('0');
  await tiktok.goto(`${app.webUrl}/?profile=liaison-tiktok#/request/${encodeURIComponent(created.id)}`);
  await tiktok.getByTestId('request-missing').waitFor();
});
