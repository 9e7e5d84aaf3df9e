import { describe, expect, it } from 'vitest';
import { campaignCourseSvg, campaignReportPdf, textsFor } from '../src/index.js';
import { timeTicks } from '../src/course-chart.js';
import { wallTime } from '../src/format.js';
import { sampleCampaign, SAMPLE_PLATFORMS } from '../scripts/sample-data.js';
import { HOUR, T } from './fixtures.js';
import { pdfPages, pdfTextRuns, squeeze } from './pdf-text.js';

const MARGIN = 32;

describe('campaign report layout', () => {
  for (const language of ['fr', 'en'] as const) {
    it(`keeps every text within the margins and clear of its neighbours on its line (${language})`, async () => {
      const bytes = await campaignReportPdf(sampleCampaign(language));
      const { total, pages } = await pdfPages(bytes);
      for (const { name } of SAMPLE_PLATFORMS.values()) expect(squeeze(pages[0]!)).toContain(squeeze(name));
      for (let page = 1; page <= total; page++) {
        const { width, runs } = await pdfTextRuns(bytes, page);
        for (const run of runs) {
          expect(run.x, `${run.str} on page ${page}`).toBeGreaterThanOrEqual(MARGIN - 0.5);
          expect(run.x + run.width, `${run.str} on page ${page}`).toBeLessThanOrEqual(width - MARGIN + 0.5);
        }
        // Runs on one baseline never run into each other (a cell into the next, a label into a label).
        const lines = new Map<number, typeof runs>();
        for (const run of runs) lines.set(Math.round(run.y * 2), [...(lines.get(Math.round(run.y * 2)) ?? []), run]);
        for (const line of lines.values()) {
          const sorted = [...line].sort((a, b) => a.x - b.x);
          sorted
            .slice(1)
            .forEach((run, i) =>
              expect(sorted[i]!.x + sorted[i]!.width, `${sorted[i]!.str} | ${run.str} on page ${page}`).toBeLessThanOrEqual(run.x + 0.5),
            );
        }
      }
    });
  }
});

describe('the course chart', () => {
  it('marks round wall times of the export’s zone, whatever its offset', () => {
    const texts = textsFor('fr');
    for (const zone of ['Europe/Paris', 'Asia/Kolkata', 'America/New_York']) {
      const ticks = timeTicks(T, T + 10 * HOUR, zone, texts, 10);
      expect(ticks.length).toBeGreaterThanOrEqual(5);
      for (const tick of ticks) expect(wallTime(tick.at, zone).minute).toBe(0);
    }
    // Days, across the night the clocks go back in Paris (25 October 2026): one tick a midnight
    // of Paris, 29 October's at 23:00 UTC included.
    const days = timeTicks(Date.UTC(2026, 9, 22), Date.UTC(2026, 9, 29), 'Europe/Paris', textsFor('en'), 10);
    expect(days.map((tick) => tick.lines)).toEqual([['23 Oct'], ['24 Oct'], ['25 Oct'], ['26 Oct'], ['27 Oct'], ['28 Oct'], ['29 Oct']]);
    expect(days.map((tick) => wallTime(tick.at, 'Europe/Paris').hour)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('writes the last counts at the lines’ ends and the days in the language', () => {
    const course = [
      { at: T, sent: 1, acknowledged: 0, answered: 0 },
      { at: T + 30 * HOUR, sent: 12, acknowledged: 11, answered: 9 },
    ];
    const fr = campaignCourseSvg(course, { language: 'fr', timeZone: 'Europe/Paris' });
    for (const text of ['Envoyées 12', 'Accusées 11', 'Répondues 9', '4 nov.']) expect(fr).toContain(text);
    expect(fr).not.toMatch(/NaN|undefined/);
    expect(campaignCourseSvg(course, { language: 'en', timeZone: 'Europe/Paris' })).toContain('4 Nov');
  });
});
