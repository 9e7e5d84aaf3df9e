import { platformFigures } from '@contact-desk/shared';
import { describe, expect, it, vi } from 'vitest';
import { figuresChartSvg, figuresPdf, lateListPdf, lateResponseRows, minutesPdf, type LateRow } from '../src/index.js';
import { goldenRequests, LONG_URL, meta, NOW, PERIOD, PLATFORMS } from './fixtures.js';
import { minutesInput } from './minutes-fixture.js';
import { pdfPages, squeeze } from './pdf-text.js';

function manyRows(count: number): LateRow[] {
  const [template] = lateResponseRows(goldenRequests(), PLATFORMS, PERIOD, NOW);
  return Array.from({ length: count }, (_, i) => ({
    ...template!,
    ref: `CD-2026-${String(i + 1).padStart(5, '0')}`,
    createdAt: template!.createdAt + i * 60_000,
    locations: [LONG_URL],
  }));
}

describe('lateListPdf', () => {
  it('states the period, the zone and the log position, and numbers the pages', async () => {
    const rows = lateResponseRows(goldenRequests(), PLATFORMS, PERIOD, NOW);
    const { total, pages } = await pdfPages(await lateListPdf({ rows, meta: meta() }));
    expect(total).toBe(1);
    const text = pages[0]!;
    expect(text).toContain('01/11/2026 00:00 – 01/12/2026 00:00');
    expect(text).toContain('Europe/Paris (UTC+01:00)');
    expect(text).toContain('48213');
    expect(text).toContain('page 1 / 1');
    expect(text).toContain('Été «test»; Vidéo');
    expect(squeeze(text)).toContain(squeeze(LONG_URL));
  });

  it('lays out 10 000 rows on many pages, the header on each, the last ref on the last page', { timeout: 120_000 }, async () => {
    const progress: number[] = [];
    const rows = manyRows(10_000);
    const bytes = await lateListPdf({ rows, meta: meta({ language: 'en' }) }, { onProgress: (done) => progress.push(done) });
    const { total } = await pdfPages(bytes, [1]);
    expect(total).toBeGreaterThan(100);
    const middle = Math.floor(total / 2);
    const { pages: read } = await pdfPages(bytes, [1, 2, middle, total]);
    const pages: string[] = [];
    [1, 2, middle, total].forEach((n, i) => (pages[n - 1] = read[i]!));
    for (const page of [pages[1]!, pages[middle - 1]!, pages[total - 1]!]) {
      expect(page).toContain('Reference');
      expect(page).toContain('Ack deadline');
    }
    expect(squeeze(pages[total - 1]!)).toContain('CD-2026-10000');
    expect(pages[total - 1]).toContain(`page ${total} / ${total}`);
    expect(pages[0]).toContain('Last sequence number');
    expect(progress).toContain(1000);
    expect(progress.at(-1)).toBe(10_000);
  });
});

describe('figuresPdf', () => {
  it('writes the figures table and the charts', async () => {
    const figures = platformFigures(goldenRequests(), PERIOD, NOW, true);
    const weekly = [
      { week: '2026-W44', platformId: 'p1', medianAck: 8 * 60_000, medianAnswer: 40 * 60_000 },
      { week: '2026-W45', platformId: 'p1', medianAck: 12 * 60_000, medianAnswer: 55 * 60_000 },
      { week: '2026-W45', platformId: 'p2', medianAck: 2 * 3_600_000, medianAnswer: 5 * 3_600_000 },
      { week: '2026-W46', platformId: 'p1', medianAck: 6 * 60_000, medianAnswer: 35 * 60_000 },
    ];
    const { total, pages } = await pdfPages(
      await figuresPdf({ figures, weekly, platforms: PLATFORMS, meta: meta({ title: 'Chiffres — novembre 2026' }) }),
    );
    expect(total).toBeGreaterThanOrEqual(2);
    const all = pages.join('\n').replace(/[\u00a0\u202f]/g, ' ');
    expect(all).toContain('Chiffres par plateforme');
    expect(all).toMatch(/Été «test»; Vidéo\s+6\s+1\s+5\s+4\s+4\s+8 min\s+20 min\s+40 min\s+1 h 30\s+40,0 %\s+3\s+0\s+1/);
    expect(all).toMatch(/Toutes plateformes\s+7\s+1\s+6\s+5\s+5/);
    expect(all).toContain("Délai d'accusé de réception");
    expect(all).toContain('Réponse médiane par semaine');
    expect(all).toContain('2026-W45');
    expect(all).toContain(`page ${total} / ${total}`);
  });

  it('draws the text of the charts in the Roboto faces of the document (no font fallback)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const figures = platformFigures(goldenRequests(), PERIOD, NOW);
      const weekly = [{ week: '2026-W45', platformId: 'p1', medianAck: 8 * 60_000, medianAnswer: 40 * 60_000 }];
      await figuresPdf({ figures, weekly, platforms: PLATFORMS, meta: meta() });
      expect(warn.mock.calls.map((call) => String(call[0])).filter((message) => message.includes('font'))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it('builds the same chart for the app', () => {
    const svg = figuresChartSvg(platformFigures(goldenRequests(), PERIOD, NOW), PLATFORMS, { language: 'en' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Time to acknowledge');
    expect(svg).toContain('Été «test»; Vidéo');
    expect(svg).toContain('R&#233;seau &#34;Social&#34;'.replace('&#233;', 'é'));
    expect(svg).toContain('8 min · p90 20 min');
  });
});

describe('minutesPdf', () => {
  it('writes the meeting, attendance, agenda, decisions, action items and figures', async () => {
    const { pages } = await pdfPages(await minutesPdf(minutesInput()));
    const all = pages.join('\n');
    for (const expected of [
      'Groupe de contact n° 12',
      "Réunion d'urgence",
      'Participants',
      'Ministère de l’Intérieur — DLPAJ',
      'excusé',
      'Ordre du jour',
      'CD-2026-0003, CD-2026-0005',
      'Décisions',
      'Une astreinte joignable 24 h/24',
      'Actions',
      'Transmettre le numéro de l’astreinte',
      'Chiffres de la période',
      '48213',
      'Europe/Paris',
    ]) {
      expect(all).toContain(expected);
    }
    expect(all).toMatch(/page 1 \/ \d/);
  });
});
