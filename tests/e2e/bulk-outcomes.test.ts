import { ALLOWED_FROM, type ItemOutcome, type Request } from '@contact-desk/shared';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, inEachLanguageAndSize, screenshot } from '../support/browser';
import { row, startDemoApp, type DemoFixture } from './support-app';
import { download } from './support-downloads';

/**
 * A liaison's bulk work in a crisis, on the demo history: one outcome for every item of several
 * requests from the queue's bulk bar; outcomes files from their own tool, a CSV and an XLSX with
 * wrong rows (refused whole: nothing reaches the relay) and good ones (each request's answer in
 * the relay's log, item by item). The good CSV is the template the app gives, filled in.
 */
let app: DemoFixture;
let page: Page;
let platformId: string;
/** The platform's requests that can be answered, at the start, in reference order. */
let answerable: Request[];

const SYNCED = { timeout: 30_000 };

function relayRequests(): Request[] {
  return app.query<{ doc: string }>('select doc from requests').map((entry) => JSON.parse(entry.doc) as Request);
}

interface AnsweredPayload {
  readonly requestId: string;
  readonly items: readonly { itemId: string; outcome: ItemOutcome; reason: string | null; ground: string | null }[];
  readonly complete: boolean;
}

/** The `request.answered` events of the relay's log after a position, for one request or all. */
function answered(afterSeq: number, requestId?: string): AnsweredPayload[] {
  return app
    .query<{ payload: string }>("select payload from events where type = 'request.answered' and seq > ? order by seq", afterSeq)
    .map((entry) => JSON.parse(entry.payload) as AnsweredPayload)
    .filter((payload) => requestId === undefined || payload.requestId === requestId);
}

/** The relay log's last position. */
function head(): number {
  return app.query<{ seq: number }>('select max(seq) as seq from events')[0]!.seq;
}

/** Each item of the request answered once since `afterSeq`, in one event, with this outcome, reason and ground. */
function expectAnsweredOnce(
  afterSeq: number,
  request: Request,
  outcome: (index: number) => Pick<AnsweredPayload['items'][number], 'outcome' | 'reason' | 'ground'>,
) {
  const events = answered(afterSeq, request.id);
  expect(events, request.ref).toHaveLength(1);
  expect(events[0]!.complete).toBe(true);
  expect(events[0]!.items).toEqual(request.items.map((item, index) => ({ itemId: item.id, ...outcome(index) })));
}

async function seriousViolations() {
  return (await axeViolations(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Nothing waits on the device and the relay's log has no answer since `afterSeq`. */
async function nothingSent(afterSeq: number) {
  await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor();
  expect(answered(afterSeq)).toEqual([]);
}

/** Closes the import dialog by its close button. */
async function closeDialog() {
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Fermer' }).click();
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
}

async function xlsx(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Outcomes');
  for (const cells of rows) sheet.addRow([...cells]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  app = await startDemoApp();
  const open = relayRequests().filter((request) => ALLOWED_FROM.answer.includes(request.status));
  const byPlatform = new Map<string, Request[]>();
  for (const request of open) byPlatform.set(request.platformId, [...(byPlatform.get(request.platformId) ?? []), request]);
  [platformId, answerable] = [...byPlatform].sort((a, b) => b[1].length - a[1].length)[0]!;
  answerable.sort((a, b) => (a.ref < b.ref ? -1 : 1));
  expect(answerable.length).toBeGreaterThanOrEqual(9);
  page = await app.openAs('bulk-outcomes-liaison', app.code('liaison', platformId), app.relay.url);
  await page.locator(`[data-testid="queue-count"][data-count="${answerable.length}"]`).waitFor(SYNCED);
});

afterAll(async () => {
  await app?.close();
});

it('a liaison gives one outcome to every item of three requests: one answer each in the relay’s log', async () => {
  const chosen = answerable.slice(0, 3);
  for (const request of chosen) await row(page, request.ref).getByTestId('row-tick').click();
  const button = page.getByTestId('bulk-answer');
  await expect.poll(() => button.getAttribute('data-eligible')).toBe('3');
  await button.click();
  await page.getByTestId('bulk-answer-outcome').selectOption('refused');
  await page.getByTestId('bulk-answer-confirm').click();
  await page.getByText('Un refus ou une inexécution exige un motif.').waitFor();
  await page.getByTestId('bulk-answer-reason').fill('Contenus d’information journalistique');
  await inEachLanguageAndSize(page, (suffix) => screenshot(page, `bulk-answer-form-${suffix}`));
  expect(await seriousViolations()).toEqual([]);
  const before = head();
  await page.getByTestId('bulk-answer-confirm').click();
  const notice = page.getByTestId('queue-notice');
  await expect.poll(() => notice.getAttribute('data-action')).toBe('answer');
  await expect.poll(() => notice.getAttribute('data-recorded'), SYNCED).toBe('3');
  expect(await notice.textContent()).toContain('3 demandes enregistrées par le relais');
  await screenshot(page, 'bulk-answer-recorded');
  expect(answered(before)).toHaveLength(3);
  for (const request of chosen)
    expectAnsweredOnce(before, request, () => ({ outcome: 'refused', reason: 'Contenus d’information journalistique', ground: null }));
  await page.getByTestId('queue-notice').getByRole('button').click();
});

it('an outcomes file with wrong rows, CSV or XLSX, is refused whole with every row and why; nothing reaches the relay', async () => {
  const [a, b] = answerable.slice(3, 5) as [Request, Request];
  const other = relayRequests().find((request) => request.platformId !== platformId && ALLOWED_FROM.answer.includes(request.status))!;
  const closed = relayRequests().find((request) => request.platformId === platformId && request.status === 'closed')!;
  const before = head();
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-dialog').waitFor();
  // The columns it reads, in both languages, before any file.
  await page.getByTestId('import-columns').locator('summary').click();
  await inEachLanguageAndSize(page, (suffix) => screenshot(page, `import-columns-${suffix}`), true);
  expect(await seriousViolations()).toEqual([]);
  await page.getByTestId('import-columns').locator('summary').click();
  const csv = [
    'Référence;Contenu;Résultat;Motif;Fondement',
    `${a.ref};${a.items[0]!.location};Retiré;;`,
    `${other.ref};${other.items[0]!.location};Retiré;;`,
    `CD-2026-999999;${other.items[0]!.location};Retiré;;`,
    `${a.ref};https://example.org/pas-dans-la-demande;Retiré;;`,
    `${b.ref};${b.items[0]!.location};Supprimé;;`,
    `${b.ref};${b.items[0]!.location};refusé;;`,
    `${closed.ref};${closed.items[0]!.location};Retiré;;`,
    `${a.ref};${a.items[0]!.location};Géo-bloqué;;`,
  ].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'resultats-lot.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const refused = page.getByTestId('import-refused');
  await expect.poll(() => refused.getAttribute('data-count')).toBe('7');
  const rows = page.getByTestId('import-refusal');
  expect(await rows.evaluateAll((list) => list.map((entry) => `${entry.dataset.row} ${entry.dataset.problem}`))).toEqual([
    '3 not_found',
    '4 not_found',
    '5 unknown_item',
    '6 bad_outcome',
    '7 missing',
    '8 not_answerable',
    '9 conflict',
  ]);
  // Another platform's request reads exactly as a reference that does not exist.
  const cells = (index: number) => rows.nth(index).locator('td').allTextContents();
  expect((await cells(0)).slice(1).join('|').replace(other.ref, 'REF')).toBe(
    (await cells(1)).slice(1).join('|').replace('CD-2026-999999', 'REF'),
  );
  expect(await cells(0)).toEqual(['3', 'Référence', other.ref, 'Demande introuvable.']);
  await inEachLanguageAndSize(page, (suffix) => screenshot(page, `import-refused-csv-${suffix}`), true);
  expect(await seriousViolations()).toEqual([]);
  await nothingSent(before);

  const sheet = await xlsx([
    ['Reference', 'Item id', 'Outcome', 'Reason', 'Ground'],
    [a.ref, a.items[0]!.id, 'Removed', '', ''],
    [a.ref, `${a.id}/999`, 'Removed', '', ''],
    [b.ref, b.items[0]!.id, 'Cannot execute', 'Server down', ''],
    [b.ref, b.items[0]!.id, 'not found', '', 'Force majeure'],
  ]);
  await page.getByTestId('import-file').setInputFiles({
    name: 'outcomes.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: sheet,
  });
  await page.getByText('outcomes.xlsx est refusé : rien n’a été envoyé').waitFor();
  expect(await refused.getAttribute('data-count')).toBe('3');
  expect(await rows.evaluateAll((list) => list.map((entry) => `${entry.dataset.row} ${entry.dataset.problem}`))).toEqual([
    '3 unknown_item',
    '4 missing',
    '5 unexpected_ground',
  ]);
  await screenshot(page, 'import-refused-xlsx');
  await nothingSent(before);
  await closeDialog();
});

it('the template, filled in by the liaison’s tool, and a good XLSX are applied: every item’s outcome in the relay’s log', async () => {
  const stillOpen = answerable.slice(3);
  const [c, d] = stillOpen as [Request, Request];
  const [e, f] = stillOpen.slice(2) as [Request, Request];
  const before = head();
  await page.getByTestId('import-open').click();
  const { name, bytes } = await download(page, page.getByTestId('import-template'));
  expect(name).toMatch(new RegExp(`^resultats-${platformId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const template = bytes.toString('utf8');
  const lines = template.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('référence;contenu;id_contenu;résultat;motif;fondement');
  // Every item of the requests still to answer, and nothing else.
  expect(lines.slice(1).filter((line) => line !== '')).toHaveLength(stillOpen.reduce((sum, request) => sum + request.items.length, 0));
  const filled = [
    lines[0],
    ...lines
      .filter((line) => line.startsWith(`${c.ref};`) || line.startsWith(`${d.ref};`))
      .map((line) => line.replace(/;;;$/, ';Retiré;;')),
  ];
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'modele-rempli.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${filled.join('\r\n')}\r\n`) });
  const preview = page.getByTestId('import-preview');
  await expect.poll(() => preview.getAttribute('data-requests')).toBe('2');
  expect(await preview.getAttribute('data-items')).toBe(String(c.items.length + d.items.length));
  await inEachLanguageAndSize(page, (suffix) => screenshot(page, `import-preview-${suffix}`), true);
  expect(await seriousViolations()).toEqual([]);
  await page.getByTestId('import-apply').click();
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  const notice = page.getByTestId('queue-notice');
  await expect.poll(() => notice.getAttribute('data-action')).toBe('import');
  await expect.poll(() => notice.getAttribute('data-recorded'), SYNCED).toBe('2');
  for (const request of [c, d]) expectAnsweredOnce(before, request, () => ({ outcome: 'removed', reason: null, ground: null }));

  // An XLSX by item id, each item its own outcome: the first cannot be executed, the others are gone.
  const first = (index: number) => index === 0;
  const sheet = await xlsx([
    ['Item ID', 'REQUEST', 'Result', 'Comment', 'Ground'],
    ...[e, f].flatMap((request) =>
      request.items.map((item, index) =>
        first(index)
          ? [item.id, request.ref, 'Cannot execute', 'Compte introuvable sur nos serveurs', 'Force majeure']
          : [item.id, request.ref, 'Not found', '', ''],
      ),
    ),
  ]);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'outils-ts.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: sheet,
  });
  await expect.poll(() => preview.getAttribute('data-requests')).toBe('2');
  await page.getByTestId('import-apply').click();
  await expect.poll(() => notice.getAttribute('data-recorded'), SYNCED).toBe('2');
  await screenshot(page, 'import-recorded');
  for (const request of [e, f]) {
    expectAnsweredOnce(before, request, (index) =>
      first(index)
        ? { outcome: 'cannot_execute', reason: 'Compte introuvable sur nos serveurs', ground: 'force_majeure' }
        : { outcome: 'not_found', reason: null, ground: null },
    );
  }
  // Escape closes the dialog, as the close button does.
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  const now = new Map(relayRequests().map((request) => [request.id, request.status]));
  expect([c, d, e, f].map((request) => now.get(request.id))).toEqual(['answered', 'answered', 'answered', 'answered']);
});
