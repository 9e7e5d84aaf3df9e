import { ALL_PLATFORMS, campaignFigures, type PlatformFigures } from '@contact-desk/shared';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordAt } from '../../apps/relay/src/audit/recompute-figures';
import { axeViolations, inEachLanguageAndSize, screenshot } from '../support/browser';
import { createRequestInUi, startDemoApp, type DemoFixture } from './support-app';
import { download, pdfText } from './support-downloads';

/**
 * Campaigns as the ministry and a liaison use them, on the demo's six weeks of history: the
 * figures on the campaign screen are the shared figures of the relay's log; a new campaign with
 * tighter terms holds its requests to them; the liaison's acknowledgement shows live on the
 * prefect's screen; an emergency meeting is convened from it; once closed it takes no request.
 */
let app: DemoFixture;
/** The prefect's device (an enrollment code is used once: one device for both tests). */
let prefect: Page;

beforeAll(async () => {
  app = await startDemoApp();
  prefect = await app.openAs('campaigns-prefect', app.code('prefect'), app.relay.url, { hash: '#/campaigns' });
});

/** The app at a route of its own, as a user following a link. */
async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}${hash}`);
}

afterAll(async () => {
  await app?.close();
});

type Shown = Record<string, Record<string, string>>;

/** The campaign table as shown: by platform id, each count's text. */
function readTable(page: Page): Promise<Shown> {
  return page.getByTestId('campaign-table').evaluate((table) => {
    const rows: Record<string, Record<string, string>> = {};
    for (const row of table.querySelectorAll('[data-testid="campaign-row"]')) {
      const cells: Record<string, string> = {};
      for (const cell of row.querySelectorAll('td')) cells[cell.getAttribute('data-testid') ?? ''] = cell.textContent ?? '';
      rows[row.getAttribute('data-platform') ?? ''] = cells;
    }
    return rows;
  });
}

/** The relay's figures of a campaign at an instant, from its log up to its head. */
async function relayFigures(campaignId: string, at: number): Promise<PlatformFigures[]> {
  const { state } = await recordAt(join(app.dataDir, 'contact-desk.sqlite'));
  return campaignFigures(state.requests.values(), campaignId, at);
}

function campaignIdNamed(name: string): string {
  const row = app.query<{ id: string }>("select id from campaigns where json_extract(doc, '$.name') = ?", name)[0];
  if (!row) throw new Error(`no campaign named ${name}`);
  return row.id;
}

/** Every count shown equals the relay's, judged between two instants (a late count only grows with time). */
async function expectRelayFigures(page: Page, campaignId: string): Promise<void> {
  const before = await relayFigures(campaignId, Date.now());
  const shown = await readTable(page);
  const after = await relayFigures(campaignId, Date.now());
  expect(Object.keys(shown).sort()).toEqual(
    after
      .map((row) => row.platformId)
      .filter((id) => after.length > 2 || id !== ALL_PLATFORMS)
      .sort(),
  );
  for (const row of after) {
    const cells = shown[row.platformId];
    if (!cells) continue;
    for (const key of ['created', 'withdrawn', 'received', 'acknowledged', 'answered'] as const)
      expect(cells[`campaign-${key}`], `${row.platformId} ${key}`).toBe(String(row[key]));
    const earlier = before.find((candidate) => candidate.platformId === row.platformId)?.late ?? 0;
    expect(Number(cells['campaign-late'])).toBeGreaterThanOrEqual(earlier);
    expect(Number(cells['campaign-late'])).toBeLessThanOrEqual(row.late);
  }
}

it('shows a demo campaign’s figures as the relay’s log gives them, in both languages and sizes', async () => {
  await prefect.locator('[data-testid="campaigns-row"]').first().waitFor();
  expect(await prefect.locator('[data-testid="campaigns-row"]').count()).toBe(4);
  await inEachLanguageAndSize(prefect, (suffix) => screenshot(prefect, `campaigns-list-${suffix}`));
  const vigil = campaignIdNamed('Opération Vigie');
  await prefect.getByRole('button', { name: 'Opération Vigie' }).click();
  await prefect.getByTestId('campaign-table').waitFor();
  expect(await prefect.getByTestId('campaign-terms').textContent()).toContain('P0 accusé 10 min, action 45 min');
  await expect
    .poll(async () => (await readTable(prefect))[ALL_PLATFORMS]?.['campaign-created'])
    .toBe(String((await relayFigures(vigil, Date.now())).at(-1)?.created));
  await expectRelayFigures(prefect, vigil);
  const blocking = (await axeViolations(prefect)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking, JSON.stringify(blocking)).toEqual([]);
  await inEachLanguageAndSize(prefect, (suffix) => screenshot(prefect, `campaign-screen-${suffix}`));

  // The report cites the log position it was made at, and states the campaign's total as the relay's log does.
  const pdf = await download(prefect, prefect.getByTestId('campaign-report-pdf'));
  expect(pdf.name).toMatch(/^campagne-.*-seq\d+-[0-9a-f]{12}\.pdf$/);
  const seq = Number(/-seq(\d+)-/.exec(pdf.name)?.[1]);
  const text = (await pdfText(pdf.bytes)).replace(/[\u00a0\u202f]/g, ' ');
  expect(text).toContain('Opération Vigie');
  expect(text).toContain(String(seq));
  const xlsx = await download(prefect, prefect.getByTestId('campaign-report-xlsx'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const figures = workbook.worksheets[0]!;
  const totalRow = figures.getRow(figures.rowCount).values as unknown[];
  const total = (await relayFigures(vigil, Date.now())).at(-1)!;
  expect(totalRow).toContain(total.created);
});

it('a new campaign holds its requests to its terms, follows them live, convenes its meeting, and takes none once closed', async () => {
  await open(prefect, '#/campaigns');
  const liaison = await app.openAs('campaigns-liaison', app.code('liaison', 'meta'), app.relay.url);
  await prefect.getByTestId('campaign-start').click();
  await prefect.getByTestId('campaign-name').fill('Attaque du marché — propagande');
  await prefect.getByTestId('campaign-ack-P0').fill('20');
  await prefect.getByTestId('campaign-start-submit').click();
  // Twenty minutes is looser than the policy's fifteen: refused on the device, nothing sent.
  await prefect.getByText('P0 : des minutes entières').waitFor();
  await prefect.getByTestId('campaign-ack-P0').fill('5');
  await prefect.getByTestId('campaign-start-submit').click();
  await prefect.getByTestId('campaign-screen').waitFor();
  await expect.poll(() => prefect.getByTestId('campaign-terms').textContent()).toContain('P0 accusé 5 min');
  const campaignId = decodeURIComponent(/#\/campaign\/([^/?]+)/.exec(prefect.url())?.[1] ?? '');
  await prefect.getByTestId('campaign-empty').waitFor();

  await open(prefect, '#/new');
  const request = await createRequestInUi(prefect, {
    platform: 'meta',
    grounds: 'Vidéo de revendication relayée après l’attaque.',
    items: ['https://www.facebook.com/watch/?v=90001'],
    campaign: 'Attaque du marché — propagande',
  });
  const stored = JSON.parse(app.query<{ doc: string }>('select doc from requests where id = ?', request.id)[0]!.doc) as {
    campaignId: string;
    sla: { ackMs: number; campaignId?: string };
  };
  expect(stored).toMatchObject({ campaignId, sla: { ackMs: 5 * 60_000, campaignId } });

  await open(prefect, `#/campaign/${encodeURIComponent(campaignId)}`);
  await prefect.getByTestId('campaign-table').waitFor();
  const acknowledged = () => readTable(prefect).then((rows) => rows.meta?.['campaign-acknowledged']);
  expect(await acknowledged()).toBe('0');
  await open(liaison, `#/request/${encodeURIComponent(request.id)}`);
  await liaison.getByTestId('action-acknowledge').click();
  // The prefect's screen follows without being reloaded.
  await expect.poll(acknowledged, { timeout: 30_000 }).toBe('1');
  await expectRelayFigures(prefect, campaignId);

  await prefect.getByTestId('campaign-meeting').click();
  await prefect.getByTestId('meeting-screen').waitFor();
  await expect
    .poll(
      () =>
        app.query<{ n: number }>(
          "select count(*) as n from events where type = 'agenda.itemAdded' and payload like ?",
          `%${request.ref}%`,
        )[0]?.n,
      { timeout: 30_000 },
    )
    .toBe(1);
  const meeting = app.query<{ doc: string }>(
    "select doc from meeting_records where type = 'meeting' and json_extract(doc, '$.title') like ?",
    '%Attaque du marché%',
  );
  expect(meeting).toHaveLength(1);
  expect(JSON.parse(meeting[0]!.doc)).toMatchObject({ kind: 'emergency', invitedPlatformIds: ['meta'] });

  await open(prefect, `#/campaign/${encodeURIComponent(campaignId)}`);
  await prefect.getByTestId('campaign-close').click();
  await prefect.getByTestId('dialog-confirm').getByRole('button', { name: 'Clore la campagne' }).click();
  await expect.poll(() => prefect.getByTestId('campaign-status').getAttribute('data-status')).toBe('closed');
  await expect
    .poll(() => app.query<{ status: string }>('select status from campaigns where id = ?', campaignId)[0]?.status, { timeout: 30_000 })
    .toBe('closed');
  await open(prefect, '#/new');
  await prefect.getByTestId('create-form').waitFor();
  expect(await prefect.locator('[data-testid="create-campaign"] option').allTextContents()).not.toContain('Attaque du marché — propagande');
});
