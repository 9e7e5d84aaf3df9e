import { DEFAULT_POLICY, compareUrgency, isLateNow, priorityRanks, urgencyBand, urgencyKey, type Request } from '@contact-desk/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { row, startDemoApp, type DemoFixture } from './support-app';

/**
 * The triage order on the demo's six weeks of history (360 requests), against what the relay
 * holds: the fresh P0 whose action hour passed minutes ago opens the list, above requests
 * overdue for weeks; Late counts only requests still waiting.
 */
let app: DemoFixture;

beforeAll(async () => {
  app = await startDemoApp();
});

afterAll(async () => {
  await app?.close();
});

const FIRST = 12;
/** The first pull brings six weeks of history in pages: counts grow for a few seconds. */
const SYNCED = { timeout: 30_000 };
const rank = priorityRanks(DEFAULT_POLICY);

function relayRequests(): Request[] {
  return app.query<{ doc: string }>('select doc from requests').map((entry) => JSON.parse(entry.doc) as Request);
}

/** The refs in the urgency order, computed from the relay's records with the rules of docs/triage.md. */
function expectedOrder(requests: readonly Request[], now = Date.now()): string[] {
  return requests
    .map((request) => ({ request, key: urgencyKey(request, now, rank) }))
    .sort((a, b) => compareUrgency(a.key, b.key) || (a.request.ref < b.request.ref ? -1 : 1))
    .map(({ request }) => request.ref);
}

/** The refs of the rows on screen, top first. */
async function shownRefs(page: Page, count = FIRST): Promise<string[]> {
  const rows = await page.$$eval('[data-testid="queue-row"]', (elements) =>
    elements.map((element) => [Number(element.getAttribute('aria-rowindex')), element.getAttribute('data-ref') ?? ''] as const),
  );
  return rows
    .sort((a, b) => a[0] - b[0])
    .slice(0, count)
    .map(([, ref]) => ref);
}

/** Polls until what the page shows equals what the relay's records give at that moment (deadlines keep passing). */
async function expectAgreement(shown: () => Promise<unknown>, expected: () => unknown): Promise<void> {
  const agrees = async () => {
    const [actual, wanted] = [JSON.stringify(await shown()), JSON.stringify(expected())];
    return actual === wanted ? 'agrees' : `shown ${actual}, expected ${wanted}`;
  };
  await expect.poll(agrees, SYNCED).toBe('agrees');
}

/** Polls until the first rows on screen are the first of `requests()` in the urgency order. */
async function expectUrgencyOrder(page: Page, requests: () => readonly Request[]): Promise<void> {
  await expectAgreement(
    () => shownRefs(page),
    () => expectedOrder(requests()).slice(0, FIRST),
  );
}

const lateNow = (requests: readonly Request[]) => requests.filter((request) => isLateNow(request, Date.now()));

/** The demo's fresh P0: waiting for its platform, its running deadline passed less than an hour ago. */
function freshP0(requests: readonly Request[], now = Date.now()): Request {
  const found = requests.filter((request) => request.sla.label === 'P0' && isLateNow(request, now) && urgencyBand(request, now) === 'due');
  expect(found.length, 'the demo has a P0 that has just missed its deadline').toBeGreaterThan(0);
  return found.sort((a, b) => b.updatedAt - a.updatedAt)[0]!;
}

it('the observer opens on Late: the fresh P0 first, above requests weeks late; finished late requests are not there', async () => {
  const requests = relayRequests();
  const fresh = freshP0(requests);
  const late = lateNow(requests);
  const everMissed = requests.filter((request) => request.missedAck !== null || request.missedAction !== null);
  // The old "En retard" counted every request that ever missed a deadline, closed ones included.
  expect(everMissed.length).toBeGreaterThan(late.length);

  const page = await app.openAs('order-observer', app.code('observer'), app.relay.url);
  await expect.poll(() => page.getByTestId('queue-screen').getAttribute('data-tab'), SYNCED).toBe('late');
  await expectAgreement(
    () => page.getByTestId('view-count-late').textContent(),
    () => String(lateNow(requests).length),
  );
  await expectAgreement(
    () => page.getByTestId('queue-count').getAttribute('data-count'),
    () => String(lateNow(requests).length),
  );
  await expect.poll(() => shownRefs(page, 1), SYNCED).toEqual([fresh.ref]);
  await expectUrgencyOrder(page, () => lateNow(requests));
  const shownStatuses = await page.$$eval('[data-testid="queue-row"]', (elements) =>
    elements.map((element) => element.getAttribute('data-status')),
  );
  expect(shownStatuses.filter((status) => ['answered', 'closed', 'withdrawn'].includes(status ?? ''))).toEqual([]);
  // The fresh miss stands out; a miss weeks old is shown, quieter.
  expect(await row(page, fresh.ref).getByTestId('deadline').getAttribute('data-tone')).toBe('overdue');
  expect(await row(page, fresh.ref).getByTestId('deadline').textContent()).toMatch(/dépassé de \d+ min$/);
  await expect.poll(() => page.locator('[data-testid="deadline"][data-tone="stale"]').count(), SYNCED).toBeGreaterThan(0);
  await screenshot(page, 'triage-order-observer');
});

it('"All" by urgency opens on what is due now, not on P2 requests forty days late', async () => {
  const page = await app.openAs('order-operator', app.code('operator'), app.relay.url);
  await page.getByTestId('view-tab-all').click();
  await expect.poll(() => page.getByTestId('queue-count').getAttribute('data-count'), SYNCED).toBe(String(app.demo.requests));
  const requests = relayRequests();
  await expectUrgencyOrder(page, () => requests);
  const first = requests.find((request) => request.ref === (expectedOrder(requests)[0] ?? ''))!;
  expect(urgencyBand(first, Date.now())).toBe('due');
  const fortyDaysAgo = Date.now() - 40 * 24 * 3_600_000;
  const oldP2 = requests.filter((request) => request.sla.label === 'P2' && request.createdAt < fortyDaysAgo).map((request) => request.ref);
  expect(oldP2.length).toBeGreaterThan(0);
  expect((await shownRefs(page)).filter((ref) => oldP2.includes(ref))).toEqual([]);

  // What "P0 ouvertes" showed ninth: among the P0s, the fresh miss comes first.
  const priority = page.getByTestId('filter-priority');
  await priority.locator('summary').click();
  await priority.getByLabel('P0', { exact: true }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => shownRefs(page, 1), SYNCED).toEqual([freshP0(requests).ref]);
});

it('the liaison of its platform finds the fresh P0 first in Needs action, with its countdown', async () => {
  const requests = relayRequests();
  const fresh = freshP0(requests);
  const page = await app.openAs('order-liaison', app.code('liaison', fresh.platformId), app.relay.url);
  await expect.poll(() => page.getByTestId('queue-screen').getAttribute('data-tab'), SYNCED).toBe('action');
  const mine = requests.filter(
    (request) => request.platformId === fresh.platformId && ['open', 'acknowledged', 'reopened'].includes(request.status),
  );
  await expect.poll(() => page.getByTestId('queue-count').getAttribute('data-count'), SYNCED).toBe(String(mine.length));
  await expect.poll(() => shownRefs(page, 1), SYNCED).toEqual([fresh.ref]);
  await expectUrgencyOrder(page, () => mine);
  const reason = row(page, fresh.ref).getByTestId('reason');
  expect(await reason.getAttribute('data-reason')).toMatch(/^(acknowledge|answer|supply_information)$/);
  await screenshot(page, 'triage-order-liaison');
});
