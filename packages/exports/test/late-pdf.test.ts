import { describe, expect, it } from 'vitest';
import { PDF_LATE_COLUMNS as LATE_COLUMNS } from '../src/late-columns.js';
import { lateListPdf, lateResponseRows, textsFor, type LateRow } from '../src/index.js';
import { goldenRequests, LONG_URL, meta, NOW, PERIOD, PLATFORMS } from './fixtures.js';
import { pdfPages, pdfTextRuns, squeeze } from './pdf-text.js';

/** A head hash as the relay gives it: 64 hex digits. */
const HEAD_HASH = '5c1e0d9a7b3f42e8a6d1c0b9f8e7d6c5b4a39281706f5e4d3c2b1a0918273645';
const UNICODE_PLATFORM = 'Cœur & Façade à «voir» — è ç Ελλάδα Жук ąę';

function template(): LateRow {
  const rows = lateResponseRows(goldenRequests(), PLATFORMS, PERIOD, NOW);
  return rows.find((row) => row.ref === 'CD-2026-0005')!;
}

function rowsWithUrls(count: number): LateRow[] {
  const base = template();
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    ref: `CD-2026-${String(i + 1).padStart(6, '0')}`,
    platform: i % 3 === 0 ? UNICODE_PLATFORM : base.platform,
    createdAt: base.createdAt + i * 60_000,
    locations: [LONG_URL],
  }));
}

/** Rows made to overflow: names without spaces, long refs and labels, many outcomes and locations. */
function extremeRows(count: number): LateRow[] {
  const base = template();
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    ref: `CD-2026-${String(i + 1).padStart(6, '0')}-ANNEXE-COMPLÉMENTAIRE-${i}`,
    platform: 'Fédération-des-fournisseurs-d’accès-et-de-services-numériques-européens',
    priority: 'PRIOTERR',
    itemCount: 123_456,
    outcomes: { removed: 12, geo_blocked: 3, account_suspended: 7, information_supplied: 2, not_found: 1, cannot_execute: 4 },
    locations: [`${'x'.repeat(400)}${i}`, LONG_URL, ...Array.from({ length: 30 }, (_, n) => `https://example.com/contenu/${i}/${n}`)],
  }));
}

describe('lateListPdf drawn directly', () => {
  it('states the head hash on the first page and in every footer, and renders accents and other scripts', async () => {
    const bytes = await lateListPdf({ rows: rowsWithUrls(60), meta: meta({ headHash: HEAD_HASH }) });
    const { total, pages } = await pdfPages(bytes);
    expect(total).toBeGreaterThan(1);
    expect(pages[0]).toContain('Empreinte de tête');
    expect(pages[0]).toContain(HEAD_HASH);
    expect(pages[0]).toContain('Dernier n° de séquence');
    pages.forEach((page, index) => {
      expect(page).toContain(`Position du journal #48213 · ${HEAD_HASH} · Europe/Paris`);
      expect(page).toContain(`page ${index + 1} / ${total}`);
    });
    const all = pages.join('\n');
    // The name is wrapped in its column: compare without the line breaks.
    expect(squeeze(all)).toContain(squeeze(UNICODE_PLATFORM));
    expect(all).toContain('Été «test»; Vidéo');
    expect(all).toContain('Échéance');
    // Every glyph comes from the embedded Roboto subset; no standard font is referenced.
    const raw = new TextDecoder('latin1').decode(bytes);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Regular/);
    expect(raw).not.toContain('/Helvetica');
  });

  it('repeats the header on every page, never splits a row, and ends with the total line', { timeout: 60_000 }, async () => {
    const count = 400;
    const { total, pages } = await pdfPages(await lateListPdf({ rows: rowsWithUrls(count), meta: meta() }));
    expect(total).toBeGreaterThan(5);
    let refs = 0;
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toContain('Référence');
      expect(page).toContain('Adresses');
      const pageRefs = page.match(/CD-2026-\d{6}/g) ?? [];
      // The long URL is the last line of its row: a row cut by a page break would leave it behind.
      const rowEnds = squeeze(page).split('t=42s').length - 1;
      expect(rowEnds, `rows complete on page ${index + 1}`).toBe(pageRefs.length);
      refs += pageRefs.length;
    });
    expect(refs).toBe(count);
    expect(pages.at(-1)).toMatch(
      /Total\s: 400 demandes — accusé de réception en retard\s: 400 · réponse en retard\s: 400 · sans réponse\s: 400/,
    );
  });

  it('keeps every text inside its column, cutting what does not fit with an ellipsis and a count', { timeout: 60_000 }, async () => {
    const bytes = await lateListPdf({ rows: extremeRows(12), meta: meta({ language: 'en' }) });
    const { width: pageWidth, runs } = await pdfTextRuns(bytes, 2);
    const labels = LATE_COLUMNS.map((column) => textsFor('en').late.columns[column.key]);
    const top = runs.find((run) => run.str === 'Reference')!;
    // The first line of each header: one run per column, left to right.
    const heads = runs.filter((run) => Math.abs(run.y - top.y) < 0.5).sort((a, b) => a.x - b.x);
    expect(heads.map((run) => run.str)).toEqual(labels.map((label, i) => (label.startsWith(heads[i]!.str) ? heads[i]!.str : label)));
    const body = runs.filter((run) => run.y > 40);
    expect(body.length).toBeGreaterThan(100);
    for (const run of body) {
      let column = 0;
      while (column + 1 < heads.length && heads[column + 1]!.x - 3 <= run.x) column++;
      const limit = column + 1 < heads.length ? heads[column + 1]!.x - 4 : pageWidth - 20;
      expect(run.x + run.width, `"${run.str}" in column ${labels[column]}`).toBeLessThanOrEqual(limit);
    }
    const text = (await pdfPages(bytes, [2])).pages[0]!;
    expect(text).toContain('…');
    const more = /… and (\d+) more/.exec(text);
    expect(more).not.toBeNull();
    expect(squeeze(text)).toContain('123456');
  });

  it('draws tabs and carriage returns of pasted locations as spaces', async () => {
    const row = { ...template(), locations: ['https://example.com/a\r\n', '@compte\tsuspect'] };
    const { pages } = await pdfPages(await lateListPdf({ rows: [row], meta: meta() }));
    expect(pages[0]).toMatch(/https:\/\/example\.com\/a\s*\n@compte suspect/);
    // No glyph-less character left (the reader's own layout adds only line breaks and tabs).
    expect([...pages[0]!].filter((c) => c < ' ' && c !== '\n' && c !== '\t')).toEqual([]);
  });

  it('writes an empty list as a sentence, with the metadata and the page number', async () => {
    const { total, pages } = await pdfPages(await lateListPdf({ rows: [], meta: meta({ language: 'en', headHash: HEAD_HASH }) }));
    expect(total).toBe(1);
    expect(pages[0]).toContain('No late or unanswered request in the period.');
    expect(pages[0]).toContain('Head hash');
    expect(pages[0]).toContain('page 1 / 1');
  });

  it('reports progress every 1000 rows and at the end', async () => {
    const progress: [number, number][] = [];
    await lateListPdf({ rows: rowsWithUrls(2_500), meta: meta() }, { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });
});
