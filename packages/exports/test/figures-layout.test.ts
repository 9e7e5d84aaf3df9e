import { describe, expect, it } from 'vitest';
import { figuresPdf } from '../src/index.js';
import { sampleFigures, SAMPLE_PLATFORMS } from '../scripts/sample-data.js';
import { pdfPages, pdfTextRuns, squeeze } from './pdf-text.js';

const MARGIN = 32;

describe('figures PDF layout', () => {
  for (const language of ['fr', 'en'] as const) {
    it(`writes whole platform names and keeps every text within the page's margins (${language})`, async () => {
      const bytes = await figuresPdf(sampleFigures(language));
      const { total, pages } = await pdfPages(bytes);
      // Table, bar charts, weekly trends: every platform's whole name on each.
      for (const page of pages) {
        for (const { name } of SAMPLE_PLATFORMS.values()) expect(squeeze(page)).toContain(squeeze(name));
      }
      for (let page = 1; page <= total; page++) {
        const { width, runs } = await pdfTextRuns(bytes, page);
        expect(runs.length).toBeGreaterThan(20);
        for (const run of runs) {
          expect(run.x, `${run.str} on page ${page}`).toBeGreaterThanOrEqual(MARGIN - 0.5);
          expect(run.x + run.width, `${run.str} on page ${page}`).toBeLessThanOrEqual(width - MARGIN + 0.5);
        }
      }
      // The bar charts' value labels never sit on a p90 marker: each is written once, whole.
      const charts = pages[1] ?? '';
      expect(charts).toMatch(/52 min · p90 1 h 23/);
    });
  }
});
