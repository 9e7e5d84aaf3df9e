/**
 * Whatever the requests, the period, the zone, the platforms and the log position's time, every
 * format states the numbers of `platformFigures`: the figures PDF's text, the Markdown, the XLSX
 * cells; and the late list (its CSV rows) adds up, per platform, to `late` and `unanswered`.
 */
import {
  ALL_PLATFORMS,
  campaignFigures,
  dayAfter,
  FIGURES_COLUMNS,
  figuresCells,
  periodOfDays,
  platformFigures,
  type Campaign,
  type Request,
} from '@contact-desk/shared';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  campaignReportInput,
  campaignReportPdf,
  campaignReportXlsx,
  figuresMarkdown,
  figuresPdf,
  figuresXlsx,
  lateListCsv,
  lateResponseRows,
  type PlatformRef,
} from '../src/index.js';
import { HOUR, meta, MINUTE, request } from './fixtures.js';
import { pdfPages, squeeze } from './pdf-text.js';

const ZONES = ['Europe/Paris', 'UTC', 'Australia/Sydney', 'America/New_York'] as const;
const PLATFORMS = new Map<string, PlatformRef>([
  ['x', { name: 'X' }],
  ['meta', { name: 'Meta' }],
  ['tiktok', { name: 'TikTok' }],
  ['youtube', { name: 'YouTube' }],
]);
const name = (id: string) => PLATFORMS.get(id)?.name ?? id;
/** 1 March 2026 00:00 UTC: the days below are counted from it, across the clock changes of March. */
const ORIGIN = Date.UTC(2026, 2, 1);
const DAY = 24 * HOUR;

const spec = fc.record({
  platformId: fc.constantFrom(...PLATFORMS.keys()),
  createdAt: fc.integer({ min: 0, max: 40 * DAY }),
  ackAfter: fc.option(fc.integer({ min: 0, max: 3 * HOUR }), { nil: undefined }),
  answerAfter: fc.option(fc.integer({ min: 0, max: 6 * DAY }), { nil: undefined }),
  withdrawnAfter: fc.option(fc.integer({ min: MINUTE, max: DAY }), { nil: undefined }),
  ackMinutes: fc.constantFrom(15, 60),
  actionMinutes: fc.constantFrom(60, 240, 1440),
});

const world = fc.record({
  specs: fc.array(spec, { minLength: 0, maxLength: 40 }),
  zone: fc.constantFrom(...ZONES),
  firstDay: fc.integer({ min: 0, max: 30 }),
  days: fc.integer({ min: 1, max: 20 }),
  atAfter: fc.integer({ min: 0, max: 50 * DAY }),
  language: fc.constantFrom('fr' as const, 'en' as const),
  chosen: fc.subarray([...PLATFORMS.keys()], { minLength: 1 }),
});

type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

function requestsOf(specs: readonly Spec[]): Request[] {
  return specs.map((s, i) => {
    const createdAt = ORIGIN + s.createdAt;
    const ackAfter = s.ackAfter;
    const answerAfter = s.answerAfter === undefined || ackAfter === undefined ? undefined : ackAfter + s.answerAfter;
    const withdrawn = s.withdrawnAfter !== undefined && answerAfter === undefined;
    return request({
      ref: `CD-${String(i).padStart(4, '0')}`,
      platformId: s.platformId,
      createdAt,
      ackMinutes: s.ackMinutes,
      actionMinutes: s.actionMinutes,
      status: withdrawn ? 'withdrawn' : answerAfter !== undefined ? 'answered' : ackAfter !== undefined ? 'acknowledged' : 'open',
      ...(ackAfter === undefined ? {} : { ackAfter }),
      ...(answerAfter === undefined ? {} : { answerAfter, outcomes: ['removed'] }),
      ...(withdrawn ? { withdrawnAfter: s.withdrawnAfter } : {}),
    });
  });
}

/** The figures table's column of `late`, the platform's name first. */
const FIGURES_LATE_COLUMN = 1 + FIGURES_COLUMNS.findIndex((column) => column.key === 'late');

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('every format states the shared figures', () => {
  it('PDF text, Markdown, XLSX cells and the late list agree with platformFigures', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const first = iso(ORIGIN + w.firstDay * DAY);
        let last = first;
        for (let d = 1; d < w.days; d++) last = dayAfter(last);
        const period = periodOfDays(first, last, w.zone);
        const at = period.from + w.atAfter;
        const requests = requestsOf(w.specs).filter((r) => w.chosen.includes(r.platformId));
        const figures = platformFigures(requests, period, at, true);
        const cells = figuresCells(figures, w.language, name);
        const exportMeta = meta({ period, timeZone: w.zone, language: w.language, generatedAt: at });
        const input = { figures, weekly: [], platforms: PLATFORMS, meta: exportMeta };

        // Markdown: the table's rows are the cells.
        const markdown = new TextDecoder().decode(await figuresMarkdown(input));
        const mdRows = markdown
          .split('\n')
          .filter((line) => line.startsWith('| '))
          .map((line) => line.slice(2, -2).split(' | '));
        expect(mdRows.length === 0 ? [] : [mdRows[0], ...mdRows.slice(2)]).toEqual(
          cells.body.length === 0 ? [] : [cells.header, ...cells.body],
        );

        // XLSX: counts are numbers equal to the figures, the other cells the same strings.
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await figuresXlsx(input)) as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0]!;
        cells.body.forEach((row, r) => {
          const values = (sheet.getRow(r + 2).values as ExcelJS.CellValue[]).slice(1);
          expect(values.map(String)).toEqual(row);
          const f = figures.find((line) =>
            line.platformId === ALL_PLATFORMS ? row[0] === cells.body.at(-1)?.[0] : name(line.platformId) === row[0],
          )!;
          expect(values.slice(1, 6)).toEqual([f.created, f.withdrawn, f.counted, f.acknowledged, f.answered]);
          expect(values.slice(11, 14)).toEqual([f.late, f.lateWithdrawn, f.unanswered]);
        });

        // PDF: each row's cells, in order, in the first page's text.
        if (cells.body.length > 0) {
          const { pages } = await pdfPages(await figuresPdf(input), [1]);
          const text = squeeze(pages[0] ?? '');
          for (const row of cells.body) expect(text).toContain(squeeze(row.join('')));
        }

        // Late list: per platform, its rows are `late`, its unanswered rows `unanswered`; the CSV holds them all.
        const rows = lateResponseRows(requests, PLATFORMS, period, at);
        const csv = new TextDecoder().decode(await lateListCsv({ rows, meta: exportMeta }, { dialect: 'rfc4180' }));
        const table = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n', skipEmptyLines: true, comments: '#' }).data.slice(1);
        for (const f of figures.filter((line) => line.platformId !== ALL_PLATFORMS)) {
          expect(table.filter((row) => row[1] === name(f.platformId))).toHaveLength(f.late);
          expect(rows.filter((row) => row.platformId === f.platformId && row.unanswered)).toHaveLength(f.unanswered);
        }
        expect(table).toHaveLength(figures.at(-1)?.late ?? 0);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('the campaign report’s PDF text and XLSX cells agree with campaignFigures', async () => {
    const campaign: Campaign = {
      id: 'c',
      name: 'Vague',
      status: 'open',
      startedAt: ORIGIN,
      startedBy: 'operator',
      closedAt: null,
      closedBy: null,
      terms: [],
      updatedAt: ORIGIN,
    };
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const at = ORIGIN + w.atAfter;
        // The read model at the position: requests sent by then, two in three under the campaign.
        const requests = requestsOf(w.specs)
          .filter((r) => r.createdAt <= at && w.chosen.includes(r.platformId))
          .map((r, i) => (i % 3 === 2 ? r : { ...r, campaignId: campaign.id }));
        const cells = figuresCells(campaignFigures(requests, campaign.id, at), w.language, name);
        const input = campaignReportInput(
          requests,
          campaign,
          PLATFORMS,
          meta({ period: { from: ORIGIN, to: at }, timeZone: w.zone, language: w.language }),
        );
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await campaignReportXlsx(input)) as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0]!;
        const { pages } = await pdfPages(await campaignReportPdf(input), [1]);
        const text = squeeze(pages[0] ?? '');
        cells.body.forEach((row, r) => {
          expect((sheet.getRow(r + 2).values as ExcelJS.CellValue[]).slice(1).map(String)).toEqual(row);
          expect(text).toContain(squeeze(row.join('')));
        });
        expect(input.late).toHaveLength(Number(cells.body.at(-1)?.[FIGURES_LATE_COLUMN] ?? 0));
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
