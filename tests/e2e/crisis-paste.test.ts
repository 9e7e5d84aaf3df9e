import { PENDING_STATUSES, type Platform, type Request } from '@contact-desk/shared';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CRISIS_LIST_FILE, crisisList, crisisListText, OPEN_DEMO_REQUEST } from '../../scripts/crisis-list';
import { axeViolations, inEachLanguageAndSize, screenshot } from '../support/browser';
import { pasteItems, startDemoApp, type DemoFixture } from './support-app';

/**
 * A crisis list on the demo history: the prefect pastes the demo's 520 lines, sees them sorted
 * per platform with a summary, gives an account named in words to its platform by hand, leaves
 * out the rest and what is already asked, and sends every request in one click. The relay's
 * log then holds each request once, and each item once.
 */
let app: DemoFixture;
/** The prefect's window (a demo enrollment code works once). */
let page: Page;

beforeAll(async () => {
  app = await startDemoApp();
  page = await app.openAs('paste-prefect', app.code('prefect'), app.relay.url, '#/new');
});

afterAll(async () => {
  await app?.close();
});

const SYNCED = { timeout: 30_000 };
const GROUNDS = 'Vague de propagande après l’attentat : apologie et provocation au terrorisme.';

function relayRequests(): Request[] {
  return app.query<{ doc: string }>('select doc from requests').map((entry) => JSON.parse(entry.doc) as Request);
}

async function seriousViolations() {
  return (await axeViolations(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** The requests the preview lists: platform, part and item count. */
async function planned(): Promise<string[]> {
  return page
    .getByTestId('paste-request')
    .evaluateAll((rows) =>
      rows.map(
        (row) =>
          `${row.getAttribute('data-platform')} ${row.getAttribute('data-part')}/${row.getAttribute('data-parts')} ${row.getAttribute('data-count')}`,
      ),
    );
}

it('the prefect pastes 520 lines, sees them per platform with a summary, and sends every request in one click', async () => {
  const list = crisisList();
  expect(readFileSync(CRISIS_LIST_FILE, 'utf8'), 'resources/demo/crisis-list.txt is the generator’s: npm run crisis-list').toBe(
    crisisListText(),
  );
  expect(list.lines).toHaveLength(520);
  const open = relayRequests().find(
    (request) => PENDING_STATUSES.includes(request.status) && request.items.some((item) => item.location === OPEN_DEMO_REQUEST.location),
  );
  expect(open?.platformId, 'the demo history leaves the list’s known video on an open Meta request').toBe(OPEN_DEMO_REQUEST.platformId);
  const before = new Set(relayRequests().map((request) => request.id));

  await page.getByTestId('create-form').waitFor();
  await page.locator('[data-testid="create-platform"] option[value="x"]').waitFor({ state: 'attached' });
  await page.getByTestId('create-grounds').fill(GROUNDS);
  await page.getByTestId('create-pharos').fill('PHAROS-2026-0412');
  await pasteItems(page, list.lines);

  // The summary: 520 pasted, 3 repeats, 1 already asked, 3 of no known platform, 513 new.
  const summary = page.getByTestId('paste-summary');
  // The summary settles once this device's copy of the demo history, its open requests included, is loaded.
  await expect.poll(() => summary.getAttribute('data-open'), { timeout: 30_000 }).toBe('1');
  expect(await summary.getAttribute('data-fresh')).toBe('513');
  expect(await summary.getAttribute('data-repeated')).toBe(String(list.repeated.length));
  expect(await summary.getAttribute('data-open')).toBe('1');
  expect(await summary.getAttribute('data-unknown')).toBe(String(list.unknown.length));
  const said = await summary.textContent();
  for (const words of [
    '520 contenus collés',
    '513 nouveaux',
    '3 répétés dans la liste',
    '1 déjà sur une demande ouverte',
    '3 sans plateforme connue',
  ]) {
    expect(said).toContain(words);
  }
  // X's 503 posts (twitter.com and x.com alike) go in two parts; Meta's includes the known video.
  expect(await planned()).toEqual([
    'dailymotion 1/1 1',
    'youtube 1/1 3',
    'meta 1/1 3',
    'microsoft 1/1 1',
    'snapchat 1/1 1',
    'tiktok 1/1 2',
    'x 1/2 500',
    'x 2/2 3',
  ]);
  const link = page.getByTestId('paste-open-link');
  expect(await link.getAttribute('href')).toBe(`#/request/${encodeURIComponent(open!.id)}`);
  expect(await link.textContent()).toContain(open!.ref);
  expect(
    (await page.getByTestId('paste-unknown-item').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item')))).sort(),
  ).toEqual([...list.unknown].sort());

  // The account named in words stays whole: one item, not split on its spaces.
  const handleRow = page.locator(`[data-testid="paste-unknown-item"][data-item="${list.handle}"]`);
  await handleRow.waitFor();
  await page.locator('[data-testid="paste-request"][data-platform="x"][data-part="2"]').getByTestId('paste-request-toggle').click();
  await inEachLanguageAndSize(page, (suffix) => screenshot(page, `crisis-paste-preview-${suffix}`));
  expect(await seriousViolations()).toEqual([]);

  // Sending before deciding: the undecided items and the known video are named.
  await page.getByTestId('create-submit').click();
  await page.getByText('Choisissez la plateforme de ces 3 contenus ou retirez-les.').waitFor();
  await page.getByText('Confirmez l’envoi malgré les contenus déjà demandés, ou retirez-les.').waitFor();
  expect(await page.getByTestId('send-report').count()).toBe(0);
  // The focus is on the first item to decide.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('paste-unknown-platform');
  await screenshot(page, 'crisis-paste-undecided');

  // The account goes to TikTok by hand; the rest is left out, and so is the known video.
  await handleRow.getByTestId('paste-unknown-platform').selectOption('tiktok');
  await expect.poll(() => page.locator('[data-testid="paste-request"][data-platform="tiktok"]').getAttribute('data-count')).toBe('3');
  await page.getByTestId('paste-unknown-drop-rest').click();
  await page.getByTestId('paste-open-drop-all').click();
  await expect.poll(() => page.getByTestId('paste-unknown').getAttribute('data-undecided')).toBe('0');
  await expect.poll(() => page.locator('[data-testid="paste-request"][data-platform="meta"]').getAttribute('data-count')).toBe('2');
  expect(await page.getByTestId('paste-plan').getAttribute('data-items')).toBe('514');
  // Settled, nothing is said to be wrong any more.
  expect(await page.getByTestId('paste-preview').locator('.kit-field-error').count()).toBe(0);
  const submit = page.getByTestId('create-submit');
  expect(await submit.textContent()).toBe('Envoyer les 8 demandes');
  await screenshot(page, 'crisis-paste-decided');

  // One click: eight requests, followed until the relay has recorded each.
  await submit.click();
  const report = page.getByTestId('send-report');
  await expect.poll(() => report.getAttribute('data-recorded'), SYNCED).toBe('8');
  expect(await report.getAttribute('data-state')).toBe('recorded');
  expect(await page.getByTestId('send-progress').textContent()).toBe('8 enregistrées par le relais');
  await inEachLanguageAndSize(page, (suffix) => screenshot(page, `crisis-paste-sent-${suffix}`));
  expect(await seriousViolations()).toEqual([]);

  // The relay's log: the eight requests, each item once, the grounds saying the part.
  const sent = relayRequests().filter((request) => !before.has(request.id));
  expect(sent).toHaveLength(8);
  const itemsOf = (platformId: string) =>
    sent
      .filter((request) => request.platformId === platformId)
      .sort((a, b) => a.createdAt - b.createdAt || a.ref.localeCompare(b.ref))
      .flatMap((request) => request.items.map((item) => item.location));
  const expected = new Map(list.byPlatform);
  expected.set('tiktok', [...(list.byPlatform.get('tiktok') ?? []), list.handle]);
  for (const [platformId, items] of expected) expect(itemsOf(platformId), platformId).toEqual(items);
  const locations = sent.flatMap((request) => request.items.map((item) => item.normalized));
  expect(new Set(locations).size).toBe(514);
  expect(locations).toHaveLength(514);
  expect(sent.every((request) => request.grounds.startsWith(GROUNDS) && request.pharosRef === 'PHAROS-2026-0412')).toBe(true);
  const xParts = sent
    .filter((request) => request.platformId === 'x')
    .map((request) => [
      request.items.length,
      request.grounds.endsWith('Partie 1 sur 2 d’une même liste de 503 contenus.')
        ? 1
        : request.grounds.endsWith('Partie 2 sur 2 d’une même liste de 503 contenus.')
          ? 2
          : 0,
    ]);
  expect(xParts.sort()).toEqual([
    [3, 2],
    [500, 1],
  ]);
  expect(sent.filter((request) => request.platformId !== 'x').every((request) => request.grounds === GROUNDS)).toBe(true);
  for (const request of sent) {
    expect(app.query('select seq from events where type = ? and payload like ?', 'request.created', `%${request.id}%`)).toHaveLength(1);
  }
  // The report links each request under the reference the relay gave it.
  const refs = await page
    .getByTestId('send-entry-ref')
    .evaluateAll((links) => links.map((a) => `${a.getAttribute('href')} ${a.textContent}`));
  expect(refs.sort()).toEqual(sent.map((request) => `#/request/${encodeURIComponent(request.id)} ${request.ref}`).sort());
});

it('the prefect edits a platform’s domains: checked before sending, a domain of another platform refused in words', async () => {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-platforms').click();
  await page.getByTestId('platform-table').waitFor();
  const row = page.locator('[data-testid="platform-row"][data-platform="dailymotion"]');
  expect(await row.getByTestId('platform-domain-list').textContent()).toBe('dailymotion.com, dai.lyhabituels');
  await inEachLanguageAndSize(page, (suffix) => screenshot(page, `admin-platform-domains-${suffix}`));
  await row.getByTestId('platform-edit').click();
  const field = page.getByTestId('platform-domains');
  expect(await field.inputValue()).toBe('dailymotion.com\ndai.ly');

  await field.fill('dailymotion.com\nhttps://www.dailymotion.fr/video');
  await page.getByTestId('platform-edit-submit').click();
  await page.getByText('« https://www.dailymotion.fr/video » n’est pas un domaine').waitFor();
  await field.fill('dailymotion.com\ndai.ly\ntwitter.com');
  await page.getByTestId('platform-edit-submit').click();
  const refusal = page.getByTestId('form-error');
  await refusal.waitFor();
  expect(await refusal.getAttribute('data-reason')).toBe('domain_taken');
  expect(await refusal.textContent()).toContain('twitter.com est déjà un domaine de X.');
  await inEachLanguageAndSize(page, (suffix) => screenshot(page, `admin-platform-domains-taken-${suffix}`), true);
  expect(await seriousViolations()).toEqual([]);

  await field.fill('dailymotion.com\ndai.ly\nwww.dailymotion.fr');
  await page.getByTestId('platform-edit-submit').click();
  await page.getByTestId('dialog-platform-edit').waitFor({ state: 'detached' });
  await expect.poll(() => row.getByTestId('platform-domain-list').textContent()).toBe('dailymotion.com, dai.ly, dailymotion.fr');
  await expect
    .poll(
      () => (JSON.parse(app.query<{ doc: string }>("select doc from platforms where id = 'dailymotion'")[0]!.doc) as Platform).domains,
      SYNCED,
    )
    .toEqual(['dailymotion.com', 'dai.ly', 'dailymotion.fr']);

  // A pasted address of the new domain now goes to Dailymotion: one request, the form as before.
  await page.getByTestId('nav-create').click();
  await page.getByTestId('create-form').waitFor();
  await pasteItems(page, ['https://m.dailymotion.fr/video/x8crisis']);
  expect(await planned()).toEqual(['dailymotion 1/1 1']);
  expect(await page.getByTestId('create-submit').textContent()).toBe('Envoyer la demande');
  // One platform chosen takes every item: here an account no domain sorts.
  await pasteItems(page, ['https://m.dailymotion.fr/video/x8crisis', '@compte_relais']);
  await page.getByTestId('create-platform').selectOption('dailymotion');
  await expect.poll(() => planned()).toEqual(['dailymotion 1/1 2']);
  expect(await page.getByTestId('paste-unknown').count()).toBe(0);
  await screenshot(page, 'crisis-paste-one-platform');
});
