import { ALL_PLATFORMS } from '@contact-desk/shared';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, inEachLanguageAndSize, screenshot } from '../support/browser';
import { createRequestInUi, startDemoApp, type DemoFixture } from './support-app';
import { expectAgreement, expectedList, relayRecord, tableDisagreement, trendDisagreement, type ShownFigures } from './support-figures';

/**
 * The figures screen on the demo's six weeks of history, against the relay's log: the numbers on
 * screen are the shared figures of the log folded up to the position the screen shows, judged at
 * the instant it shows; each number lists exactly the requests it counts.
 */
let app: DemoFixture;
const SHOTS = '/tmp/figscreen';

beforeAll(async () => {
  app = await startDemoApp();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await app?.close();
});

function relayHead(): number {
  return app.query<{ seq: number }>('select max(seq) as seq from events')[0]?.seq ?? 0;
}

/** The window as seen, then the whole screen (the shell scrolls inside the window: a taller window shows it all). */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await screenshot(page, name);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2600 });
  await page.screenshot({ path: `${SHOTS}/${name}-full.png` });
  await page.setViewportSize(size);
}

/** Opens the figure of a row and polls until the list under the table is the relay's requests behind it. */
async function openAndCompare(page: Page, own: string | null, platformId: string, field: string, kind: string): Promise<ShownFigures> {
  const testId = `fig-${platformId === ALL_PLATFORMS ? 'all' : platformId}-${field}`;
  await page.getByTestId(testId).click();
  await page.locator(`[data-testid="figure-requests"][data-kind="${kind}"][data-platform="${platformId}"]`).waitFor();
  expect(await page.getByTestId(testId).getAttribute('aria-pressed')).toBe('true');
  return expectAgreement(page, async (shown) => {
    if (!shown.list || shown.list.kind !== kind) return 'no list';
    const { requests, period } = await relayRecord(app.dataDir, shown, own);
    const wanted = expectedList(requests, period, shown.at, platformId, kind);
    const refs = kind === 'late' ? shown.list.refs : [...shown.list.refs].sort();
    const expected = kind === 'late' ? wanted : [...wanted].sort();
    const count = shown.rows.find((row) => row.platformId === platformId)?.cells[field];
    const countAgrees = kind === 'timeToAck' || count === String(refs.length);
    if (shown.list.count !== refs.length || !countAgrees) return `count ${count}, list says ${shown.list.count}, lists ${refs.length}`;
    return JSON.stringify(refs) === JSON.stringify(expected)
      ? null
      : `listed ${JSON.stringify(refs)}\nexpected ${JSON.stringify(expected)}`;
  });
}

it('the ministry sees every platform and the total, equal to the figures of the relay log at the shown position; each number lists its requests', async () => {
  const headAtOpen = relayHead();
  const prefect = await app.openAs('figures-prefect', app.code('prefect'), app.relay.url, '#/figures');
  await prefect.getByTestId('figures-screen').waitFor();
  expect(await prefect.getByTestId('nav-figures').getAttribute('aria-current')).toBe('page');
  await expectAgreement(prefect, (shown) => (shown.seq < headAtOpen ? `seq ${shown.seq} before the head ${headAtOpen}` : null));
  const shown = await expectAgreement(prefect, tableDisagreement(app.dataDir, null));

  const platformCount = app.query<{ n: number }>('select count(*) as n from platforms')[0]!.n;
  expect(shown.rows.map((row) => row.platformId)).toHaveLength(platformCount + 1);
  expect(shown.rows.at(-1)?.platformId).toBe(ALL_PLATFORMS);
  expect(Number(shown.rows.at(-1)?.cells.created)).toBeGreaterThan(0);

  // The platform with the most late requests: its late list, then every platform's late list.
  const latest = [...shown.rows]
    .filter((row) => row.platformId !== ALL_PLATFORMS)
    .sort((a, b) => Number(b.cells.late) - Number(a.cells.late))[0]!;
  expect(Number(latest.cells.late)).toBeGreaterThan(0);
  await openAndCompare(prefect, null, latest.platformId, 'late', 'late');
  await openAndCompare(prefect, null, ALL_PLATFORMS, 'late', 'late');
  await openAndCompare(prefect, null, ALL_PLATFORMS, 'medianTimeToAck', 'timeToAck');
  const total = shown.rows.at(-1)!;
  if (Number(total.cells.unanswered) > 0) await openAndCompare(prefect, null, ALL_PLATFORMS, 'unanswered', 'unanswered');
  if (Number(total.cells.withdrawn) > 0) await openAndCompare(prefect, null, ALL_PLATFORMS, 'withdrawn', 'withdrawn');

  // Each request of the list opens its screen.
  await openAndCompare(prefect, null, latest.platformId, 'late', 'late');
  const firstRef = (await prefect.getByTestId('figure-request').first().getAttribute('data-ref')) ?? '';
  await prefect.getByTestId('figure-request').first().getByRole('link').click();
  await prefect.getByTestId('request-screen').waitFor();
  await expect.poll(() => prefect.getByTestId('request-ref').textContent()).toBe(firstRef);
  await prefect.goBack();
  await prefect.getByTestId('figures-screen').waitFor();

  // Keyboard: a number opens its list with Enter, the list takes the focus, Escape gives it back.
  await openAndCompare(prefect, null, latest.platformId, 'late', 'late');
  await expect.poll(() => prefect.evaluate(() => document.activeElement?.id)).toBe('fg-requests-title');
  await prefect.keyboard.press('Escape');
  await prefect.getByTestId('figure-requests').waitFor({ state: 'detached' });
  await expect
    .poll(() => prefect.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe(`fig-${latest.platformId}-late`);
  await prefect.keyboard.press('Enter');
  await prefect.getByTestId('figure-requests').waitFor();

  const violations = (await axeViolations(prefect)).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(violations).toEqual([]);
  // The weekly trend of the platform chosen, as a table: the shared weekly figures, the four weeks of the period.
  await prefect.getByTestId('figures-trend-platform').selectOption(latest.platformId);
  await prefect.locator(`[data-testid="figures-trend"][data-platform="${latest.platformId}"]`).waitFor();
  await prefect.getByTestId('figures-trend').locator('summary').click();
  const trend = await expectAgreement(prefect, trendDisagreement(app.dataDir, null));
  expect(trend.trend.rows).toHaveLength(4);
  expect(await prefect.getByTestId('trend-medianTimeToAck').getAttribute('role')).toBe('img');
  expect(await prefect.getByTestId('trend-medianTimeToAck').locator('desc').textContent()).toContain(
    `${trend.trend.rows[0]![0]} ${trend.trend.rows[0]![2]}`,
  );
  await inEachLanguageAndSize(prefect, (suffix) => shoot(prefect, `figures-ministry-${suffix}`));
});

it('a liaison sees their own platform only, and the figures follow a new request live', async () => {
  const liaison = await app.openAs('figures-liaison-x', app.code('liaison', 'x'), app.proxy.url, '#/figures');
  await liaison.getByTestId('figures-screen').waitFor();
  const shown = await expectAgreement(liaison, tableDisagreement(app.dataDir, 'x'));
  expect(shown.rows.map((row) => row.platformId)).toEqual(['x']);
  expect(await liaison.locator('[data-testid^="fig-all-"]').count()).toBe(0);
  expect(await liaison.getByTestId('figures-trend-platform').count()).toBe(0);
  if (Number(shown.rows[0]!.cells.late) > 0) await openAndCompare(liaison, 'x', 'x', 'late', 'late');
  await inEachLanguageAndSize(liaison, (suffix) => shoot(liaison, `figures-liaison-${suffix}`));

  // This month, today included: an operator creates a request for X; the liaison's figures move on with the log.
  await liaison.getByTestId('figures-preset-month').click();
  const before = await expectAgreement(liaison, tableDisagreement(app.dataDir, 'x'));
  const operator = await app.openAs('figures-operator', app.code('operator'), app.relay.url, '#/new');
  await createRequestInUi(operator, {
    platform: 'x',
    grounds: 'Apologie publique d’un acte de terrorisme.',
    items: [`https://x.com/figures/${Date.now()}`],
  });
  const after = await expectAgreement(liaison, (now) =>
    now.seq > before.seq ? tableDisagreement(app.dataDir, 'x')(now) : 'not moved on yet',
  );
  expect(Number(after.rows[0]!.cells.created)).toBe(Number(before.rows[0]!.cells.created) + 1);
});
