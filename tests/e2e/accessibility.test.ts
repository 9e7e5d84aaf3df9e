import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, screenshot, type AxeViolation } from '../support/browser';
import { createRequestInUi, row, startApp, type AppFixture } from './support-app';

let app: AppFixture;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

/** Where the serious/critical violations are (axe is already loaded in the page by axeViolations). */
async function blockingNodes(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; nodes: { target: unknown; html: string; failureSummary?: string }[] }[];
    };
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        nodes: violation.nodes.map((node) => ({ target: node.target, html: node.html.slice(0, 300), why: node.failureSummary })),
      }));
  });
}

const found: Record<string, AxeViolation[]> = {};

/** Runs axe on the page; prints every violation; fails on serious or critical ones. */
async function audit(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  found[screen] = violations;
  for (const violation of violations) {
    console.log(`[axe] ${screen}: ${violation.impact ?? 'n/a'} ${violation.id} (${violation.nodes} nodes) — ${violation.help}`);
  }
  const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (blocking.length > 0) console.log(`[axe] ${screen} nodes:`, JSON.stringify(await blockingNodes(page), null, 2));
  expect(blocking, `${screen}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

it('the enroll screen has no serious or critical axe violation', async () => {
  const page = await app.openAs('a11y-enroll', null, app.relay.url, { enrollOnly: true });
  await screenshot(page, 'enroll');
  await audit(page, 'enroll');
  // With an error shown as well.
  await page.getByTestId('enroll-code').fill('WRONG-CODE');
  await page.getByTestId('enroll-submit').click();
  await page.getByTestId('enroll-error').waitFor();
  await audit(page, 'enroll (error)');
});

it('the create, request, queue and admin screens (as the prefect) have no serious or critical violation', async () => {
  const page = await app.openAs('a11y-prefect', app.codes.prefect, app.relay.url, '#/new');
  await page.getByTestId('create-form').waitFor();
  await page.locator('[data-testid="create-platform"] option[value="meta"]').waitFor({ state: 'attached' });
  await audit(page, 'create');
  // The form with its inline errors.
  await page.getByTestId('create-submit').click();
  await page.locator('[aria-invalid="true"]').first().waitFor();
  await audit(page, 'create (errors)');

  const created = await createRequestInUi(page, {
    platform: 'meta',
    grounds: 'Vérification d’accessibilité.',
    items: ['https://www.facebook.com/a11y/1', 'https://www.facebook.com/a11y/2'],
  });
  await page.locator('[data-testid="timeline-entry"]').first().waitFor();
  await audit(page, 'request');

  // A new request waits for the platform: the ministry finds it in All.
  await page.getByTestId('nav-queue').click();
  await page.getByTestId('view-tab-all').click();
  await row(page, created.ref).waitFor();
  await audit(page, 'queue (prefect)');

  await page.getByTestId('nav-admin').click();
  for (const tab of ['platforms', 'users', 'policy'] as const) {
    await page.getByTestId(`admin-tab-${tab}`).click();
    await page.getByTestId(tab === 'platforms' ? 'platform-table' : tab === 'users' ? 'user-table' : 'policy-form').waitFor();
    if (tab === 'platforms') await screenshot(page, 'admin');
    await audit(page, `admin (${tab})`);
  }
});

it('the liaison queue and request screen have no serious or critical violation', async () => {
  const page = await app.openAs('a11y-liaison', app.codes.liaisonMeta, app.relay.url);
  await page.locator('[data-testid="queue-row"]').first().waitFor();
  await audit(page, 'queue (liaison)');
  await page.locator('[data-testid="queue-row"]').first().click();
  await page.getByTestId('action-acknowledge').waitFor();
  await audit(page, 'request (liaison)');
});
