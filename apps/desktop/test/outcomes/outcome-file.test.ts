import { planOutcomeImport, type OutcomeSheet } from '@contact-desk/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportFile, templateFile } from '../../src/renderer/src/features/outcomes/outcome-downloads';
import { readOutcomeFile, zipDeclaredSize, type ReadOutcome } from '../../src/renderer/src/features/outcomes/outcome-file';
import { createRequest, seeded } from '../support/desk';
import { translator } from '../support/translate';

const LIMITS = { bytes: 5 * 1024 * 1024, rows: 5_000, requests: 500 };
const utf8 = (text: string) => new TextEncoder().encode(text);

function sheetOf(read: ReadOutcome): OutcomeSheet {
  if (!read.ok) throw new Error(`refused: ${JSON.stringify(read.result)}`);
  return read.sheet;
}

function problemOf(read: ReadOutcome): string {
  if (read.ok || read.result.ok) throw new Error('read');
  return read.result.refused.map((refusal) => refusal.problem).join(',');
}

async function xlsx(rows: readonly (readonly unknown[] | null)[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Résultats');
  rows.forEach((row, index) => {
    if (row) sheet.getRow(index + 1).values = [...row] as ExcelJS.CellValue[];
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('reading an outcomes file', () => {
  it('a CSV with any usual separator, its byte order mark, quoted lines and blank rows, numbered as in the file', async () => {
    const text =
      '\uFEFFréférence;contenu;résultat;motif\r\nCD-2026-000001;https://x.com/a;Retiré;\r\n\r\nCD-2026-000001;"https://x.com/b";Refusé;"Deux\nlignes"\r\nCD-2026-000002;\'@compte;retiré;\r\n';
    const sheet = sheetOf(await readOutcomeFile(utf8(text)));
    expect(sheet.headers).toEqual(['référence', 'contenu', 'résultat', 'motif']);
    expect(sheet.rowNumbers).toEqual([2, 4, 5]);
    expect(sheet.rows[1]).toEqual({ référence: 'CD-2026-000001', contenu: 'https://x.com/b', résultat: 'Refusé', motif: 'Deux\nlignes' });
    // A spreadsheet's guard against formulas is dropped: the handle is read as the request has it.
    expect(sheet.rows[2]!.contenu).toBe('@compte');
    const commas = sheetOf(await readOutcomeFile(utf8('ref,url,outcome\nCD-2026-000001,https://x.com/a,removed\n')));
    expect(commas.rows).toEqual([{ ref: 'CD-2026-000001', url: 'https://x.com/a', outcome: 'removed' }]);
  });

  it('a CSV French Excel saved in Windows-1252', async () => {
    const bytes = new Uint8Array([...utf8('ref;url;r'), 0xe9, ...utf8('sultat\r\nCD-2026-000001;https://x.com/a;Retir'), 0xe9, 0x0d, 0x0a]);
    const sheet = sheetOf(await readOutcomeFile(bytes));
    expect(sheet.headers).toEqual(['ref', 'url', 'résultat']);
    expect(sheet.rows[0]!.résultat).toBe('Retiré');
  });

  it('an XLSX’s first sheet, each cell as it shows, rows numbered as in the sheet', async () => {
    const bytes = await xlsx([
      ['Reference', 'Location', 'Outcome', 'Count'],
      ['CD-2026-000001', { text: 'https://x.com/a', hyperlink: 'https://x.com/a' }, 'removed', 3],
      null,
      ['CD-2026-000002', { richText: [{ text: 'https://x.com/' }, { text: 'b' }] }, { formula: '"not"&" found"', result: 'not found' }],
    ]);
    const sheet = sheetOf(await readOutcomeFile(bytes));
    expect(sheet.rowNumbers).toEqual([2, 4]);
    expect(sheet.rows).toEqual([
      { Reference: 'CD-2026-000001', Location: 'https://x.com/a', Outcome: 'removed', Count: '3' },
      { Reference: 'CD-2026-000002', Location: 'https://x.com/b', Outcome: 'not found', Count: '' },
    ]);
  });

  it('refuses a file over its limits before reading it all, and what is not a CSV or an XLSX', async () => {
    expect(problemOf(await readOutcomeFile(new Uint8Array(LIMITS.bytes + 1)))).toBe('too_large');
    const many = ['ref,url,outcome', ...Array.from({ length: 4 }, (_, i) => `CD-2026-00000${i},u,removed`), ''].join('\n');
    expect(problemOf(await readOutcomeFile(utf8(many), { ...LIMITS, rows: 3 }))).toBe('too_many_rows');
    expect(sheetOf(await readOutcomeFile(utf8(many), { ...LIMITS, rows: 4 })).rows).toHaveLength(4);
    const bigSheet = await xlsx([['ref'], ['a'], ['b'], ['c'], ['d']]);
    expect(problemOf(await readOutcomeFile(bigSheet, { ...LIMITS, rows: 3 }))).toBe('too_many_rows');
    expect(problemOf(await readOutcomeFile(utf8('ref,url\n"CD-2026-000001,never closed\n')))).toBe('unreadable');
    expect(problemOf(await readOutcomeFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])))).toBe('unreadable');
    expect(problemOf(await readOutcomeFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toBe('unreadable');
    expect(problemOf(await readOutcomeFile(utf8('')))).toBe('no_rows');
  });

  it('refuses an XLSX whose parts say they unzip to more than 50 MB, before unzipping them', async () => {
    const bytes = await xlsx([['ref'], ['a']]);
    expect(zipDeclaredSize(bytes)).toBeGreaterThan(1000);
    expect(zipDeclaredSize(bytes)).toBeLessThan(100_000);
    // The same file with one entry's uncompressed size in the central directory set to 4 GB.
    const forged = bytes.slice();
    const view = new DataView(forged.buffer);
    for (let at = forged.length - 4; at >= 0; at--) {
      if (view.getUint32(at, true) === 0x02014b50) {
        view.setUint32(at + 24, 0xfffffff0, true);
        break;
      }
    }
    expect(problemOf(await readOutcomeFile(forged))).toBe('too_large');
  });
});

describe('the files the import offers', () => {
  it('the template, filled in and read back, answers every open item', async () => {
    const { desk, operator } = seeded();
    const ids = [createRequest(desk, operator), createRequest(desk, operator, { items: ['@compte_x', 'https://facebook.com/=SUM(1)'] })];
    for (const language of ['fr', 'en'] as const) {
      const file = templateFile(desk.state.requests.values(), 'meta', language, Date.UTC(2026, 2, 2));
      expect(file.name).toBe(language === 'fr' ? 'resultats-meta-2026-03-02.csv' : 'outcomes-meta-2026-03-02.csv');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.split('\r\n')[0]).toBe(
        language === 'fr'
          ? '\uFEFFréférence;contenu;id_contenu;résultat;motif;fondement'
          : '\uFEFFreference,location,item_id,outcome,reason,ground',
      );
      const separator = language === 'fr' ? ';' : ',';
      const filled = text
        .split('\r\n')
        .map((line, index) =>
          index === 0 || line === ''
            ? line
            : line.replace(new RegExp(`${separator}${separator}${separator}$`), `${separator}Retiré${separator}${separator}`),
        )
        .join('\r\n');
      const result = planOutcomeImport(sheetOf(await readOutcomeFile(utf8(filled))), desk.state.requests.values(), 'meta');
      if (!result.ok) throw new Error(JSON.stringify(result.refused));
      expect(result.plan.answers.map((answer) => answer.requestId)).toEqual(ids);
      expect(result.plan.items).toBe(4);
    }
  });

  it('the report of a refused file, one row per problem in the user’s words', async () => {
    const t = await translator('fr');
    const file = reportFile(
      'résultats.xlsx',
      [
        { row: null, column: null, problem: 'too_many_rows', value: '', limit: 5000 },
        { row: 3, column: 'outcome', problem: 'bad_outcome', value: 'supprimé' },
      ],
      'fr',
      t,
    );
    expect(file.name).toBe('résultats-refus.csv');
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes).slice(1).split('\r\n');
    expect(lines[0]).toBe('Ligne;Colonne;Valeur;Motif du refus');
    expect(lines[1]).toBe('Fichier;;;Plus de 5000 lignes : découpez le fichier.');
    expect(lines[2]).toMatch(/^3;Résultat;supprimé;Résultat inconnu\. Attendu : Retiré, Géo-bloqué, /);
  });
});
