/**
 * The workbook writer under the XLSX exports: a ZIP that other readers open (JSZip, exceljs),
 * cells typed and styled as asked, text escaped, characters XML cannot hold dropped, and rows
 * flushed to the deflater as they come.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { XlsxBook } from '../src/xlsx-book.js';
import { columnName, xmlText } from '../src/xlsx-sheet.js';
import { crc32, ZipEntry, zipArchive } from '../src/zip.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('the ZIP writer', () => {
  it('computes the standard CRC-32, also in pieces', () => {
    expect(crc32(encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(encode('56789'), crc32(encode('1234')))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('writes an archive JSZip reads back, entries in order, UTF-8 names and content', async () => {
    const first = new ZipEntry('a/première.txt');
    await first.write('Été «test»\n');
    await first.write('x'.repeat(100_000));
    const second = new ZipEntry('b.xml');
    await second.write('<b/>');
    // JSZip checks each entry's CRC-32 against its own computation.
    const zip = await JSZip.loadAsync(await zipArchive([first, second, new ZipEntry('empty')]), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['a/première.txt', 'b.xml', 'empty']);
    expect(await zip.file('a/première.txt')!.async('string')).toBe(`Été «test»\n${'x'.repeat(100_000)}`);
    expect(await zip.file('b.xml')!.async('string')).toBe('<b/>');
    expect(await zip.file('empty')!.async('string')).toBe('');
  });
});

describe('the workbook writer', () => {
  it('names columns as spreadsheets do', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('escapes markup and drops what XML cannot hold, keeping tabs and line breaks', () => {
    expect(xmlText('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
    expect(xmlText('bell\u0007 nul\u0000 tab\t line\nend\uFFFE')).toBe('bell nul tab\t line\nend');
  });

  it('writes typed, styled cells that exceljs reads back, over flushes', async () => {
    const book = new XlsxBook({ creator: 'Contact Desk', title: 'Essai « 1 »', created: Date.UTC(2026, 10, 29, 12) });
    const bold = book.style({ font: { bold: true }, alignment: { vertical: 'top', wrapText: true } });
    const date = book.style({ numFmt: 'dd/mm/yyyy hh:mm' });
    expect(book.style({ font: { bold: true }, alignment: { vertical: 'top', wrapText: true } })).toBe(bold);
    const sheet = book.addSheet('L’année « 2026 »', {
      columns: [{ width: 20 }, { width: 12 }, { width: 9 }],
      frozen: { columns: 1, rows: 1 },
      orientation: 'landscape',
      pagesHigh: 0,
      headerOnEveryPage: true,
    });
    sheet.addRow([{ value: 'Nom', style: bold }, { value: 'Quand' }, { value: 'N' }], 30);
    for (let i = 0; i < 1_200; i++) {
      sheet.addRow([{ value: `ligne <${i}>\nsuite` }, { value: new Date(Date.UTC(2026, 2, 29, 2, 30)), style: date }, { value: i }], 30);
      if (i % 500 === 0) await sheet.flush();
    }
    sheet.addRow([{ value: null }, { value: null, style: date }, { value: -0.5 }]);
    sheet.addRow([{ value: '  bords gardés ' }]);
    sheet.filterHeader();
    sheet.merge(1, 2, 3);
    const bytes = await book.bytes();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.title).toBe('Essai « 1 »');
    expect(workbook.creator).toBe('Contact Desk');
    const read = workbook.getWorksheet('L’année « 2026 »')!;
    expect(read.rowCount).toBe(1_203);
    expect(read.getCell('A1203').value).toBe('  bords gardés ');
    expect(read.getCell('A1').value).toBe('Nom');
    expect(read.getCell('A1').font).toMatchObject({ bold: true });
    expect(read.getCell('A1').alignment).toMatchObject({ vertical: 'top', wrapText: true });
    expect(read.getCell('A1201').value).toBe('ligne <1199>\nsuite');
    expect(read.getCell('B2').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect((read.getCell('B2').value as Date).toISOString()).toBe('2026-03-29T02:30:00.000Z');
    expect(read.getCell('C1201').value).toBe(1_199);
    expect(read.getCell('C1202').value).toBe(-0.5);
    expect(read.getCell('A1202').value).toBeNull();
    expect(read.getRow(2).height).toBe(30);
    expect(read.getColumn(1).width).toBe(20);
    expect(read.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(read.autoFilter).toBe('A1:C1');
    expect(read.getCell('C1').isMerged).toBe(true);
    expect(read.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });

    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'L’année « 2026 »'!$1:$1</definedName>`,
    );
  });

  it('refuses a number a spreadsheet cannot hold rather than writing a broken file', async () => {
    const book = new XlsxBook({ creator: 'Contact Desk', title: 't', created: 0 });
    const sheet = book.addSheet('s', { columns: [{ width: 9 }], orientation: 'portrait', pagesHigh: 1 });
    expect(() => sheet.addRow([{ value: Number.NaN }])).toThrow(RangeError);
    expect(() => sheet.addRow([{ value: new Date(Number.NaN) }])).toThrow(RangeError);
  });
});
