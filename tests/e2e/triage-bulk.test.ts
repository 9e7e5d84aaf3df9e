import { waitingOn, type Request } from '@contact-desk/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, screenshot } from '../support/browser';
import { row, startDemoApp, type DemoFixture } from './support-app';

/**
 * Several requests at once, on the demo history: a liaison acknowledges (while cut off, then
 * back), an operator closes, withdraws with one reason and takes a request. Each mutation is
 * recorded once in the relay's log; nothing is called recorded before the relay answered.
 */
let app: DemoFixture;

beforeAll(async () => {
  app = await startDemoApp();
});

afterAll(async () => {
  await app?.close();
});

const SYNCED = { timeout: 30_000 };

function relayRequests(): Request[] {
  return app.query<{ doc: string }>('select doc from requests').map((entry) => JSON.parse(entry.doc) as Request);
}

function events(type: string, requestId: string): { payload: string }[] {
  return app.query('select payload from events where type = ? and payload like ?', type, `%${requestId}%`);
}

async function seriousViolations(page: Page) {
  return (await axeViolations(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

async function ticked(page: Page): Promise<string | null> {
  return (await page.getByTestId('bulk-bar').count()) === 0 ? '0' : page.getByTestId('bulk-count').getAttribute('data-count');
}

it('a liaison ticks rows by keyboard and mouse and acknowledges the open ones at once, each recorded once', async () => {
  // The platform with the most requests still to acknowledge.
  const open = relayRequests().filter((request) => request.status === 'open' && request.ackAt === null);
  const byPlatform = new Map<string, Request[]>();
  for (const request of open) byPlatform.set(request.platformId, [...(byPlatform.get(request.platformId) ?? []), request]);
  const [platformId, toAck] = [...byPlatform].sort((a, b) => b[1].length - a[1].length)[0]!;
  expect(toAck.length).toBeGreaterThanOrEqual(2);
  const acknowledged = relayRequests().find((request) => request.platformId === platformId && request.status === 'acknowledged')!;

  const page = await app.openAs('bulk-liaison', app.code('liaison', platformId), app.proxy.url);
  const listed = relayRequests().filter((request) => request.platformId === platformId && waitingOn(request) === 'platform').length;
  await expect.poll(() => page.getByTestId('queue-count').getAttribute('data-count'), SYNCED).toBe(String(listed));

  // Keyboard: x ticks the cursor row, shift+x on the last row ticks the range, Escape clears, Ctrl+A ticks all.
  await page.getByTestId('queue-grid').focus();
  await page.keyboard.press('x');
  await expect.poll(() => ticked(page)).toBe('1');
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+X');
  await expect.poll(() => ticked(page)).toBe(String(listed));
  await page.keyboard.press('Escape');
  await expect.poll(() => ticked(page)).toBe('0');
  await page.keyboard.press('Control+a');
  await expect.poll(() => ticked(page)).toBe(String(listed));
  await page.keyboard.press('Escape');
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect.poll(() => ticked(page)).toBe('1');
  await page.keyboard.press(' ');
  await expect.poll(() => ticked(page)).toBe('0');
  // Shift+j with nothing ticked: the row left and the row reached.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+J');
  await expect.poll(() => ticked(page)).toBe('2');
  await page.keyboard.press('Escape');
  await expect.poll(() => ticked(page)).toBe('0');

  // Mouse: the open requests and one already acknowledged, which the bar leaves out.
  for (const request of [...toAck, acknowledged]) await row(page, request.ref).getByTestId('row-tick').click();
  const button = page.getByTestId('bulk-acknowledge');
  await expect.poll(() => button.getAttribute('data-eligible')).toBe(String(toAck.length));
  expect(await page.getByTestId('bulk-bar').textContent()).toContain('1 ne s’y prête pas');
  await screenshot(page, 'triage-bulk-liaison');
  expect(await seriousViolations(page)).toEqual([]);

  // Cut off: queued on the device, marked pending, not said to be recorded.
  app.proxy.sever();
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-connection'), { timeout: 15_000 }).toBe('offline');
  await button.click();
  const notice = page.getByTestId('queue-notice');
  await expect.poll(() => notice.getAttribute('data-waiting')).toBe(String(toAck.length));
  expect(await notice.getAttribute('data-state')).toBe('waiting');
  expect(await notice.getAttribute('data-recorded')).toBe('0');
  expect(await notice.getAttribute('data-skipped')).toBe('1');
  expect(await notice.textContent()).toContain(`${toAck.length} en attente du relais`);
  for (const request of toAck) await row(page, request.ref).getByTestId('pending-marker').waitFor();
  await screenshot(page, 'triage-bulk-liaison-offline');
  for (const request of toAck) expect(events('request.acknowledged', request.id)).toHaveLength(0);

  app.proxy.restore();
  await expect.poll(() => notice.getAttribute('data-state'), SYNCED).toBe('recorded');
  expect(await notice.getAttribute('data-recorded')).toBe(String(toAck.length));
  expect(await notice.textContent()).toContain(`${toAck.length} demandes enregistrées par le relais`);
  for (const request of toAck) {
    await row(page, request.ref).getByTestId('pending-marker').waitFor({ state: 'detached' });
    expect(await row(page, request.ref).getAttribute('data-status')).toBe('acknowledged');
    expect(events('request.acknowledged', request.id)).toHaveLength(1);
  }
  expect(events('request.acknowledged', acknowledged.id)).toHaveLength(1);
});

it('an operator closes answered requests, withdraws open ones with one reason, and takes one', async () => {
  const page = await app.openAs('bulk-operator', app.code('operator'), app.relay.url);
  await expect.poll(() => page.getByTestId('view-count-all').textContent(), SYNCED).toBe(String(app.demo.requests));
  const statusFilter = page.getByTestId('filter-status');
  await statusFilter.locator('summary').click();
  await statusFilter.getByLabel('Répondue', { exact: true }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('[data-testid="queue-row"]:not([data-status="answered"])').count()).toBe(0);

  // Three rows by keyboard: x, j, x, j, x.
  await page.getByTestId('queue-grid').focus();
  for (const key of ['x', 'j', 'x', 'j', 'x']) await page.keyboard.press(key);
  await expect.poll(() => ticked(page)).toBe('3');
  const ids = await page
    .locator('[data-testid="queue-row"].is-ticked')
    .evaluateAll((rows) => rows.map((element) => element.getAttribute('data-id') ?? ''));
  expect(await page.getByTestId('bulk-close').getAttribute('data-eligible')).toBe('3');
  await page.getByTestId('bulk-close').click();
  const notice = page.getByTestId('queue-notice');
  await expect.poll(() => notice.getAttribute('data-recorded'), SYNCED).toBe('3');
  expect(await notice.getAttribute('data-state')).toBe('recorded');
  for (const id of ids) {
    expect(events('request.closed', id)).toHaveLength(1);
    // Closed, the request has left Needs action.
    await page.locator(`[data-testid="queue-row"][data-id="${id}"]`).waitFor({ state: 'detached' });
  }

  // Withdraw three open requests: a click, then shift+click for the range; the reason is asked first.
  await page.getByTestId('view-tab-all').click();
  await statusFilter.locator('summary').click();
  await statusFilter.getByLabel('Répondue', { exact: true }).uncheck();
  await statusFilter.getByLabel('Ouverte', { exact: true }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('[data-testid="queue-row"]:not([data-status="open"])').count()).toBe(0);
  const rows = page.locator('[data-testid="queue-row"]');
  await rows.nth(0).getByTestId('row-tick').click();
  await rows
    .nth(2)
    .getByTestId('row-tick')
    .click({ modifiers: ['Shift'] });
  await expect.poll(() => ticked(page)).toBe('3');
  const open = await page
    .locator('[data-testid="queue-row"].is-ticked')
    .evaluateAll((list) => list.map((element) => element.getAttribute('data-id') ?? ''));
  await page.getByTestId('bulk-withdraw').click();
  await page.getByTestId('bulk-withdraw-confirm').click();
  await page.getByText('Indiquez le motif du retrait.').waitFor();
  await page.getByTestId('bulk-withdraw-reason').fill('Contenus déjà retirés par leurs auteurs.');
  await screenshot(page, 'triage-bulk-withdraw');
  await page.getByTestId('bulk-withdraw-confirm').click();
  await expect.poll(() => notice.getAttribute('data-action')).toBe('withdraw');
  await expect.poll(() => notice.getAttribute('data-recorded'), SYNCED).toBe('3');
  for (const id of open) {
    const withdrawn = events('request.withdrawn', id);
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]!.payload).toContain('Contenus déjà retirés par leurs auteurs.');
  }

  // Take: an answered request another operator handles becomes the operator's.
  const operatorName = app.demo.codes.find((code) => code.role === 'operator')!.name;
  const me = app
    .query<{ id: string; doc: string }>("select id, doc from users where role = 'operator'")
    .find((user) => (JSON.parse(user.doc) as { name: string }).name === operatorName)!.id;
  const other = relayRequests().find(
    (request) => request.status === 'answered' && request.owners?.ministry !== me && !ids.includes(request.id),
  )!;
  await page.getByTestId('filter-reset').click();
  await page.getByTestId('queue-search').fill(other.ref);
  await row(page, other.ref).getByTestId('row-take').click();
  await expect.poll(() => notice.getAttribute('data-action')).toBe('take');
  await expect.poll(() => notice.getAttribute('data-recorded'), SYNCED).toBe('1');
  await expect.poll(() => row(page, other.ref).getByTestId('owner-ministry').getAttribute('data-owner')).toBe(me);
  expect(
    (JSON.parse(app.query<{ doc: string }>('select doc from requests where id = ?', other.id)[0]!.doc) as Request).owners?.ministry,
  ).toBe(me);
  expect(await row(page, other.ref).getByTestId('row-take').count()).toBe(0);
});
