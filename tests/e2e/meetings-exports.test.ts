import { requestFigures, type Request } from '@contact-desk/shared';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { startDemoApp, type DemoFixture } from './support-app';
import { download, pdfText } from './support-downloads';

let app: DemoFixture;
const DAY = 86_400_000;

beforeAll(async () => {
  app = await startDemoApp();
});

afterAll(async () => {
  await app?.close();
});

/** Rows of an excel-fr CSV (BOM, `;`, CRLF), header first. */
function parseFrCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(text.startsWith('\uFEFF')).toBe(true);
  // A preamble of `#` lines states the period, the zone and the log position; then the table.
  expect(text.slice(1)).toMatch(/^# /);
  expect(text).toMatch(/\r\n# Dernier n° de séquence;\d+\r\n/);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true, comments: '#' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** The relay's requests, as stored. */
function relayRequests(): Request[] {
  return app.query<{ doc: string }>('select doc from requests').map((r) => JSON.parse(r.doc) as Request);
}

/** `yyyy-mm-ddT10:00` tomorrow, in Paris (the browser's zone). */
function tomorrowAtTen(): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    Date.now() + DAY,
  );
  return `${day}T10:00`;
}

it('the prefect prepares a meeting from the record and exports minutes and late lists; a liaison only gets its platform', async () => {
  const started = Date.now();
  const prefect = await app.openAs('prefect', app.code('prefect'), app.relay.url, '#/meetings');
  await prefect.getByTestId('meetings-screen').waitFor();

  // ---- create a meeting for tomorrow, every platform invited
  const title = `Réunion du groupe de contact ${started}`;
  await prefect.getByTestId('new-meeting').click();
  const form = prefect.getByTestId('new-meeting-form');
  await form.waitFor();
  await prefect.getByTestId('meeting-title-input').fill(title);
  await prefect.getByTestId('meeting-when-input').fill(tomorrowAtTen());
  await prefect.getByTestId('meeting-place-input').fill('Place Beauvau, salle Érignac');
  await prefect.getByTestId('invite-x').waitFor();
  await form.locator('.mt-invited-all input[type="checkbox"]').check();
  const platformCount = await prefect.locator('[data-testid^="invite-"]').count();
  expect(platformCount).toBeGreaterThan(1);
  expect(await prefect.locator('[data-testid^="invite-"]:checked').count()).toBe(platformCount);
  await prefect.getByTestId('meeting-submit').click();

  const screen = prefect.locator('[data-testid="meeting-screen"][data-meeting-id]');
  await screen.waitFor();
  const meetingId = (await screen.getAttribute('data-meeting-id')) ?? '';
  expect(prefect.url()).toContain(`#/meeting/${encodeURIComponent(meetingId)}`);
  await expect.poll(() => prefect.getByTestId('meeting-title').textContent()).toBe(title);
  await prefect.locator('[data-testid="sync-pending"][data-count="0"]').waitFor();
  expect(app.query<{ n: number }>('select count(*) as n from events where payload like ?', `%${meetingId}%`)[0]?.n).toBeGreaterThan(0);

  // ---- the agenda from the record: late-request items with their refs
  await prefect.getByTestId('build-agenda').click();
  await prefect.getByTestId('build-agenda-result').waitFor();
  const lateItems = prefect.locator('[data-testid="agenda-item"][data-kind="late_requests"]');
  await expect.poll(() => lateItems.count()).toBeGreaterThan(0);
  expect(await prefect.locator('[data-testid="agenda-item"][data-kind="figures"]').count()).toBeGreaterThan(0);
  const agendaRefs = (await lateItems.locator('[data-testid="agenda-item-refs"] li').allTextContents()).map((r) => r.trim());
  expect(agendaRefs.length).toBeGreaterThan(0);
  const relayByRef = new Map(relayRequests().map((r) => [r.ref, r]));
  for (const ref of agendaRefs) {
    const request = relayByRef.get(ref);
    expect(request, `agenda ref ${ref}`).toBeDefined();
    expect(requestFigures(request!, Date.now()).late, `agenda ref ${ref} late`).toBe(true);
  }

  // ---- attendance, a decision, an action item owned by a platform, notes
  await prefect.getByTestId('attendance-platform:meta').selectOption('present');
  await prefect.getByTestId('attendance-platform:tiktok').selectOption('excused');
  await expect.poll(() => prefect.getByTestId('attendance-platform:meta').inputValue()).toBe('present');
  await expect.poll(() => prefect.getByTestId('attendance-platform:tiktok').inputValue()).toBe('excused');

  const decision = `Meta publiera un point hebdomadaire sur les retraits ${started}`;
  await prefect.getByTestId('decision-text').fill(decision);
  await prefect.getByTestId('decision-platform').selectOption('meta');
  await prefect.getByTestId('decision-submit').click();
  await prefect.getByTestId('decision').filter({ hasText: decision }).waitFor();

  const action = `X transmettra son planning d'astreinte ${started}`;
  await prefect.getByTestId('action-item-text').fill(action);
  await prefect.getByTestId('action-item-owner').selectOption('platform:x');
  await prefect.getByTestId('action-item-submit').click();
  const actionRow = prefect.getByTestId('action-item').filter({ hasText: action });
  await actionRow.waitFor();
  expect(await actionRow.getAttribute('data-owner')).toBe('platform:x');

  const notes = `Délais à rappeler en séance ${started}`;
  const firstNotes = lateItems.first().getByTestId('agenda-notes');
  await firstNotes.fill(notes);
  await firstNotes.blur();
  await prefect.locator('[data-testid="sync-pending"][data-count="0"]').waitFor();
  // Saved on blur: the relay has recorded the notes.
  await expect
    .poll(
      () =>
        app.query<{ n: number }>("select count(*) as n from events where type = 'agenda.itemUpdated' and payload like ?", `%${notes}%`)[0]
          ?.n ?? 0,
    )
    .toBe(1);
  await screenshot(prefect, 'meeting');

  // ---- minutes: Markdown, DOCX, PDF
  const exportsPanel = prefect.getByTestId('meeting-exports');
  const md = await download(prefect, exportsPanel.getByTestId('export-minutes-md'));
  expect(md.name).toMatch(/\.md$/);
  const markdown = md.bytes.toString('utf8');
  expect(markdown).toContain(title);
  expect(markdown).toMatch(/^\| Meta[^|\n]* \| Plateforme \| présent \|$/m);
  expect(markdown).toMatch(/^\| TikTok \| Plateforme \| excusé \|$/m);
  expect(markdown).toContain(decision);
  expect(markdown).toContain(action);
  expect(markdown).toContain(notes);
  expect(markdown).toContain(`\`${agendaRefs[0]}\``);

  const docx = await download(prefect, exportsPanel.getByTestId('export-minutes-docx'));
  expect(docx.name).toMatch(/\.docx$/);
  const documentXml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
  expect(documentXml).toContain(decision.replace(/'/g, '&apos;'));

  const pdf = await download(prefect, exportsPanel.getByTestId('export-minutes-pdf'));
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const minutesText = await pdfText(pdf.bytes);
  const squeeze = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, '');
  expect(squeeze(minutesText)).toContain(squeeze(title));
  expect(minutesText).toMatch(/page\s+1\b/);
  expect(markdown).toContain('Projet — non adopté');

  // ---- adoption: the relay freezes the minutes; the document is then the adopted version
  const standing = () => prefect.getByTestId('minutes-standing').textContent();
  expect(await standing()).toContain('Projet — non adopté');
  await prefect.getByTestId('minutes-adopt').click();
  await expect.poll(standing).toContain('Adopté — version 1');
  await expect.poll(() => prefect.getByTestId('minutes-version').first().textContent()).toContain('empreinte vérifiée');
  const recorded = (type: string) =>
    app
      .query<{ payload: string }>('select payload from events where type = ? and payload like ?', type, `%${meetingId}%`)
      .map((row) => JSON.parse(row.payload) as { platformId?: string; contentHash: string; upToSeq: number });
  await prefect.locator('[data-testid="sync-pending"][data-count="0"]').waitFor();
  await expect.poll(() => recorded('meeting.adopted').length).toBe(1);
  const [ministryCopy] = recorded('meeting.adopted');
  const adoptedMd = (await download(prefect, exportsPanel.getByTestId('export-minutes-md'))).bytes.toString('utf8');
  expect(adoptedMd).toContain(`Version 1 adoptée le`);
  expect(adoptedMd).toContain(`position du journal #${ministryCopy!.upToSeq}, empreinte du document ${ministryCopy!.contentHash}`);
  expect(adoptedMd).not.toContain('Projet — non adopté');
  // Locked until reopened: the screen no longer offers the edits the relay would refuse
  // (`meeting_adopted`, tested over sockets in tests/sync/minutes-adoption.test.ts).
  await expect.poll(() => prefect.getByTestId('decision-form').count()).toBe(0);
  expect(await prefect.getByTestId('edit-meeting').count()).toBe(0);
  expect(await prefect.getByTestId('minutes-reopen').count()).toBe(1);

  // ---- late lists: CSV (excel-fr) and XLSX, every ref late or unanswered in the relay
  await prefect.goto(`${app.webUrl}/?profile=prefect#/exports`);
  await prefect.getByTestId('figures-table').waitFor({ timeout: 30_000 });
  await prefect.getByTestId('figures-chart').waitFor();
  await expect.poll(() => prefect.locator('[data-testid="figures-table"] tbody tr').count()).toBe(platformCount);
  await screenshot(prefect, 'exports');

  const csv = await download(prefect, prefect.getByTestId('export-late-csv-fr'));
  expect(csv.name).toMatch(/-seq\d+-[0-9a-f]{12}-excel\.csv$/);
  const [header, ...rows] = parseFrCsv(csv.bytes);
  expect(header?.slice(0, 2)).toEqual(['Référence', 'Plateforme']);
  expect(rows.length).toBeGreaterThan(0);
  const now = Date.now();
  const byRef = new Map(relayRequests().map((r) => [r.ref, r]));
  for (const row of rows) {
    const request = byRef.get(row[0]!);
    expect(request, `csv ref ${row[0]}`).toBeDefined();
    expect(requestFigures(request!, now).late, `csv ref ${row[0]} late`).toBe(true);
  }
  expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);

  const xlsx = await download(prefect, prefect.getByTestId('export-late-xlsx'));
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Retards')!;
  expect(sheet).toBeDefined();
  expect(sheet.getCell('A1').value).toBe('Référence');
  // Built a moment after the CSV: a request may have turned late in between, never the reverse.
  expect(sheet.rowCount - 1).toBeGreaterThanOrEqual(rows.length);
  expect(sheet.getCell('E2').type).toBe(ExcelJS.ValueType.Date);
  expect(sheet.getCell('E2').value).toBeInstanceOf(Date);
  const xlsxRefs = new Set<string>();
  sheet.eachRow((r, n) => n > 1 && xlsxRefs.add(String(r.getCell(1).value)));
  for (const row of rows) expect(xlsxRefs.has(row[0]!), `xlsx has ${row[0]}`).toBe(true);

  // The PDF is drawn in the export worker with pdfkit's browser build and Roboto embedded.
  const latePdf = await download(prefect, prefect.getByTestId('export-late-pdf'));
  expect(latePdf.name).toMatch(/\.pdf$/);
  expect(latePdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const latePdfText = await pdfText(latePdf.bytes);
  expect(latePdfText).toContain('Référence');
  expect(latePdfText).toContain('Échéance');
  expect(latePdfText).toMatch(/page 1 \/ \d+/);
  expect(latePdfText).toMatch(/Total\s: \d+ demandes?/);
  for (const row of rows) expect(squeeze(latePdfText), `pdf has ${row[0]}`).toContain(squeeze(row[0]!));

  // ---- a liaison of X: its own platform only
  const liaison = await app.openAs('liaison-x', app.code('liaison', 'x'), app.proxy.url, '#/exports');
  await liaison.getByTestId('figures-table').waitFor({ timeout: 30_000 });
  // The figures fill in with the first sync: one row, X's.
  await expect.poll(() => liaison.locator('[data-testid="figures-table"] tbody tr').count()).toBeGreaterThan(0);
  await expect.poll(() => liaison.locator('[data-testid="figures-table"] tbody tr').count()).toBe(1);
  const xName = (await liaison.locator('[data-testid="figures-table"] tbody th').allTextContents()).map((n) => n.trim());
  expect(xName).toHaveLength(1);
  const liaisonCsv = await download(liaison, liaison.getByTestId('export-late-csv-fr'));
  const [, ...liaisonRows] = parseFrCsv(liaisonCsv.bytes);
  expect(liaisonRows.length).toBeGreaterThan(0);
  expect(new Set(liaisonRows.map((r) => r[1]))).toEqual(new Set(xName));
  for (const row of liaisonRows) expect(byRef.get(row[0]!)?.platformId, `liaison row ${row[0]}`).toBe('x');
  const xRefs = new Set(rows.filter((r) => byRef.get(r[0]!)?.platformId === 'x').map((r) => r[0]));
  const liaisonRefs = new Set(liaisonRows.map((r) => r[0]));
  for (const ref of xRefs) expect(liaisonRefs.has(ref), `liaison list has ${ref}`).toBe(true);
  // X's liaison circulates X's adopted copy: its own hash, nothing of the decision about Meta.
  await liaison.goto(`${app.webUrl}/?profile=liaison-x#/meeting/${encodeURIComponent(meetingId)}`);
  await expect.poll(() => liaison.getByTestId('minutes-standing').textContent(), { timeout: 30_000 }).toContain('Adopté — version 1');
  const xCopy = recorded('minutes.published').find((payload) => payload.platformId === 'x');
  const liaisonMd = (await download(liaison, liaison.getByTestId('meeting-exports').getByTestId('export-minutes-md'))).bytes.toString(
    'utf8',
  );
  expect(liaisonMd).toContain(`empreinte du document ${xCopy!.contentHash}`);
  expect(liaisonMd).not.toContain(decision);
  await screenshot(liaison, 'exports-liaison');
});
