import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { minutesDocx, minutesMarkdown } from '../src/index.js';
import { minutesInput } from './minutes-fixture.js';

async function documentText(bytes: Uint8Array): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return {
    xml,
    text: text
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  };
}

describe('minutesDocx', () => {
  it('has headings, the attendance and action tables, decisions and figures', async () => {
    const bytes = await minutesDocx(minutesInput());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    const { xml, text } = await documentText(bytes);
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('<w:tblHeader');
    for (const expected of [
      'Groupe de contact — compte rendu',
      'Période',
      '48213',
      'Europe/Paris',
      'Participants',
      'Ministère de l’Intérieur — DLPAJ',
      'Réseau "Social"',
      'excusé',
      'Ordre du jour',
      'Un numéro de secours sera communiqué.',
      'CD-2026-0003, CD-2026-0005',
      'Décisions',
      'Une astreinte joignable 24 h/24 est désignée sous huit jours.',
      'Prochaine réunion ordinaire le 15 décembre.',
      'Transmettre le numéro de l’astreinte',
      'Ouverte',
      'Accusé, médiane',
      '1 h 30',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('writes English texts', async () => {
    const { text } = await documentText(await minutesDocx(minutesInput('en')));
    expect(text).toContain('Attendance');
    expect(text).toContain('Emergency meeting');
    expect(text).toContain('Action items');
  });
});

describe('minutesMarkdown', () => {
  it('writes GitHub tables, escaping pipes', async () => {
    const text = new TextDecoder().decode(await minutesMarkdown(minutesInput()));
    expect(text.startsWith('# Groupe de contact — compte rendu\n')).toBe(true);
    expect(text).toContain('| Participant | Qualité | Présence |\n| --- | --- | --- |');
    expect(text).toContain('| Plateforme \\| Pipe | Plateforme | absent |');
    expect(text).toContain('1. Été «test»; Vidéo — Une astreinte joignable');
    expect(text).toContain('`CD-2026-0005`');
    expect(text).toMatch(/\*\*Dernier n° de séquence\*\*\s:\s48213/);
  });
});

describe('minutesDocx tables', () => {
  it('give every table fixed column widths that fill the text width, rows kept whole and a repeated header', async () => {
    const { xml } = await documentText(await minutesDocx(minutesInput()));
    // The sections' text widths (page width less the margins), in order: portrait, then landscape.
    const widths = [...xml.matchAll(/<w:pgSz w:w="(\d+)"[^>]*\/>.*?<w:pgMar w:top="\d+" w:right="(\d+)"[^>]*w:left="(\d+)"/g)].map(
      (m) => Number(m[1]) - Number(m[2]) - Number(m[3]),
    );
    expect(widths).toEqual([9638, 14570]);
    const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
    expect(tables).toHaveLength(3);
    tables.forEach((table, index) => {
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(
        grid.reduce((a, b) => a + b, 0),
        `table ${index}`,
      ).toBe(index < 2 ? widths[0] : widths[1]);
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
      const rows = [...table.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
      expect(rows[0]).toContain('<w:tblHeader/>');
      for (const row of rows) {
        expect(row).toContain('<w:cantSplit/>');
        // Each cell states its width in DXA, the grid's.
        const cells = [...row.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
        expect(cells).toEqual(grid);
      }
    });
  });
});
