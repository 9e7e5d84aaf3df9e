import { platformFigures } from '@contact-desk/shared';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  figuresPdf,
  lateListPdf,
  lateListXlsx,
  lateResponseRows,
  minutesDocx,
  minutesMarkdown,
  minutesPdf,
  type ExportMeta,
} from '../src/index.js';
import { goldenRequests, meta, NOW, PERIOD, PLATFORMS } from './fixtures.js';
import { minutesInput } from './minutes-fixture.js';
import { pdfPages, squeeze } from './pdf-text.js';

/** A head hash as the relay gives it (sha-256, 64 hex digits). */
const HEAD_HASH = '0f9e8d7c6b5a49382716f5e4d3c2b1a00a1b2c3d4e5f60718293a4b5c6d7e8f9';

const withHash = (overrides: Partial<ExportMeta> = {}) => meta({ headHash: HEAD_HASH, ...overrides });

async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).pages.join('\n');
}

/**
 * Anyone holding an export can check it against the relay's log: every export that states the
 * last sequence number also states the head hash, whole, when the relay gave one.
 */
describe('the log position in every export', () => {
  const rows = () => lateResponseRows(goldenRequests(), PLATFORMS, PERIOD, NOW);

  it('late list XLSX: on the metadata sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await lateListXlsx({ rows: rows(), meta: withHash() })) as unknown as ArrayBuffer);
    const values = workbook.getWorksheet('Informations')!.getSheetValues().flat().map(String);
    expect(values).toContain('48213');
    expect(values).toContain(HEAD_HASH);
  });

  it('late list PDF: in the metadata block and in the footer', async () => {
    const text = await pdfText(await lateListPdf({ rows: rows(), meta: withHash() }));
    expect(text).toContain('Empreinte de tête');
    // Once in the metadata block, once in the footer of the single page.
    expect(text.split(HEAD_HASH).length - 1).toBe(2);
    expect(text).toContain(`#48213 · ${HEAD_HASH}`);
  });

  it('figures PDF: in the metadata block and in every footer', async () => {
    const figures = platformFigures(goldenRequests(), PERIOD, NOW);
    const { total, pages } = await pdfPages(await figuresPdf({ figures, weekly: [], platforms: PLATFORMS, meta: withHash() }));
    expect(squeeze(pages[0]!)).toContain(squeeze(`Empreinte de tête ${HEAD_HASH}`));
    for (const page of pages) expect(squeeze(page)).toContain(squeeze(`#48213 · ${HEAD_HASH}`));
    expect(total).toBe(pages.length);
  });

  it('minutes PDF, DOCX and Markdown: with the sequence number', async () => {
    const input = { ...minutesInput(), meta: withHash({ title: 'Groupe de contact — compte rendu' }) };
    expect(squeeze(await pdfText(await minutesPdf(input)))).toContain(squeeze(`#48213 · ${HEAD_HASH}`));
    const zip = await JSZip.loadAsync(await minutesDocx(input));
    const documentXml = await zip.file('word/document.xml')!.async('string');
    expect(documentXml).toContain(HEAD_HASH);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/footer\d*\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(footers.join('')).toContain(`#48213 · ${HEAD_HASH}`);
    const markdown = new TextDecoder().decode(await minutesMarkdown(input));
    expect(markdown).toMatch(new RegExp(`\\*\\*Empreinte de tête\\*\\*\\s:\\s${HEAD_HASH}`));
  });
});
