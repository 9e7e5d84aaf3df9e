import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { minutesDocx, minutesMarkdown } from '../src/index.js';
import { minutesInput } from './minutes-fixture.js';

async function documentText(bytes: Uint8Array): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text: text.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>') };
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
      'Accusé médian',
      '1:30',
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
