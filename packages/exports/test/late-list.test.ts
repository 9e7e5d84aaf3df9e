import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { lateListCsv, lateListXlsx, lateResponseRows, type LateListInput } from '../src/index.js';
import { formatDuration } from '@contact-desk/shared';
import { goldenRequests, HOUR, LONG_URL, meta, MINUTE, NOW, PERIOD, PLATFORMS, T } from './fixtures.js';

/** The CSV's table, its preamble of `#` comment lines skipped as a program would. */
function csvTable(text: string, delimiter: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: '\r\n', skipEmptyLines: true, comments: '#' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function input(language: 'fr' | 'en' = 'fr'): LateListInput {
  const rows = lateResponseRows(goldenRequests(), PLATFORMS, PERIOD, NOW);
  // A reference with the separator, quotes and accents.
  rows[0] = { ...rows[0]!, ref: 'Été «test»; "quoted"' };
  return { rows, meta: meta({ language }) };
}

describe('lateListCsv', () => {
  it('excel-fr: BOM, semicolons, CRLF, French dates in the zone with their offset, delays as every export writes them, quoting', async () => {
    const progress: number[] = [];
    const bytes = await lateListCsv(input(), { dialect: 'excel-fr', onProgress: (done) => progress.push(done) });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    const preamble = lines.filter((line) => line.startsWith('#'));
    expect(lines.length).toBe(preamble.length + 6); // preamble + header + 4 rows + final empty
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('"Été «test»; ""quoted"""');
    const [header, r3, r4, r5] = csvTable(text.slice(1), ';');
    expect(header?.slice(0, 8)).toEqual([
      'Référence',
      'Plateforme',
      'Type',
      'Priorité',
      'Créée le',
      'Échéance accusé',
      'Accusé le',
      'Retard accusé',
    ]);
    expect(r3?.slice(0, 8)).toEqual([
      'Été «test»; "quoted"',
      'Été «test»; Vidéo',
      'retrait',
      'P0',
      '03/11/2026 16:05 +01:00',
      '03/11/2026 16:20 +01:00',
      '03/11/2026 16:25 +01:00',
      '5 min',
    ]);
    expect(r3?.[13]).toBe('3');
    expect(r3?.[14]).toBe('retiré ×2, refusé ×1');
    expect(r4?.[11]).toBe('30 min');
    expect(r5?.[15]).toBe(`${LONG_URL} @compte_suspect`);
    // 27 days and some hours late: written in days and hours, as in every export.
    const late = NOW - (T + 4 * HOUR + 15 * MINUTE);
    expect(r5?.[7]).toBe(formatDuration(late, 'fr'));
    expect(r5?.[7]).toMatch(/^27 j \d\d h$/);
    expect(progress.at(-1)).toBe(4);
  });

  it('rfc4180: no BOM, commas, CRLF, ISO 8601 with the offset', async () => {
    const bytes = await lateListCsv(input('en'), { dialect: 'rfc4180' });
    expect(bytes[0]).toBe('#'.charCodeAt(0));
    const text = new TextDecoder().decode(bytes);
    const data = csvTable(text, ',');
    expect(data[0]?.[0]).toBe('Reference');
    expect(data[1]?.slice(0, 7)).toEqual([
      'Été «test»; "quoted"',
      'Été «test»; Vidéo',
      'removal',
      'P0',
      '2026-11-03T16:05:00+01:00',
      '2026-11-03T16:20:00+01:00',
      '2026-11-03T16:25:00+01:00',
    ]);
    expect(data[3]?.[15]).toBe(`${LONG_URL} @compte_suspect`);
  });

  it('keeps formulas from running in Excel', async () => {
    const base = input();
    const rows = [{ ...base.rows[0]!, ref: '=HYPERLINK("http://x")' }];
    const text = new TextDecoder().decode(await lateListCsv({ rows, meta: base.meta }, { dialect: 'excel-fr' }));
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('lateListXlsx', () => {
  it('writes typed cells, a frozen header with an autofilter and the metadata sheet', async () => {
    const bytes = await lateListXlsx(input());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Retards')!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getCell('A1').value).toBe('Référence');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:P1');
    const created = sheet.getCell('E2');
    expect(created.type).toBe(ExcelJS.ValueType.Date);
    expect(created.numFmt).toBe('dd/mm/yyyy hh:mm');
    // Wall time of Paris (16:05), stored as the spreadsheet's zone-less date.
    expect((created.value as Date).toISOString()).toBe('2026-11-03T16:05:00.000Z');
    // A duration is a number (fraction of a day) formatted [h]:mm; exceljs reads any number with
    // a time format back as a Date from Excel's epoch, so check the stored XML too.
    const delay = sheet.getCell('H2');
    expect(delay.numFmt).toBe('[h]:mm');
    expect((delay.value as Date).getTime() - Date.UTC(1899, 11, 30)).toBe(5 * 60_000);
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    const h2 = /<c r="H2"[^>]*>.*?<\/c>/.exec(xml)![0];
    expect(h2).not.toContain('t="');
    expect(Number(/<v>([^<]+)<\/v>/.exec(h2)![1])).toBeCloseTo(5 / (24 * 60), 10);
    expect(xml).toContain('<pane xSplit="1" ySplit="1"');
    expect(sheet.getCell('I4').value).toEqual(new Date('2026-11-03T19:05:00.000Z'));
    expect(sheet.getCell('N2').value).toBe(3);
    expect(sheet.getCell('A2').value).toBe('Été «test»; "quoted"');
    const about = workbook.getWorksheet('Informations')!;
    const values = about.getSheetValues().flat().map(String).join('\n');
    expect(values).toContain('Europe/Paris');
    expect(values).toContain('48213');
    expect(values).toContain('b3f1c2d4e5');
    expect(values).toContain('01/11/2026 00:00');
  });

  it('names the sheets in English', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await lateListXlsx(input('en'))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Late responses', 'About']);
  });
});
