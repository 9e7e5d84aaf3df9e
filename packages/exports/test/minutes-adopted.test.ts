import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { minutesDocx, minutesMarkdown, minutesPdf, type MinutesInput } from '../src/index.js';
import { minutesInput } from './minutes-fixture.js';
import { pdfPages } from './pdf-text.js';
import { T } from './fixtures.js';

const HASH = 'ab'.repeat(32);
const pdfText = async (bytes: Uint8Array) => (await pdfPages(bytes)).pages.join('\n');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function adopted(language: 'fr' | 'en' = 'fr'): MinutesInput {
  const input = minutesInput(language);
  return {
    ...input,
    meta: { ...input.meta, generatedAt: T + 30 * 3_600_000, lastSeq: 4211, headHash: 'cd'.repeat(32) },
    adoption: { version: 2, adoptedAt: T + 30 * 3_600_000, upToSeq: 4211, contentHash: HASH, note: 'Décision 1 corrigée' },
    attendance: [{ party: 'Été «test»; Vidéo', kind: 'platform', status: 'present', attendees: ['Lina Martin', 'Paul Roy'] }],
    actionItems: [{ text: 'Relancer', owner: 'DLPAJ', status: 'done', closedAt: T + 25 * 3_600_000 }],
  };
}

const FORMATS = { pdf: minutesPdf, docx: minutesDocx, md: minutesMarkdown } as const;

afterEach(() => {
  vi.useRealTimers();
  delete process.env.TZ;
});

describe('adopted minutes', () => {
  it.each(Object.keys(FORMATS) as (keyof typeof FORMATS)[])(
    'give the same %s bytes whoever exports them, whenever and wherever',
    async (format) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.UTC(2026, 3, 1, 9, 0, 7));
      process.env.TZ = 'Europe/Paris';
      const first = await FORMATS[format](adopted());
      vi.setSystemTime(Date.UTC(2027, 0, 15, 23, 59, 31));
      process.env.TZ = 'America/Cayenne';
      const later = await FORMATS[format](adopted());
      expect(sha256(later)).toBe(sha256(first));
      // And the bytes do follow the content: a different version is a different file.
      const other = await FORMATS[format]({ ...adopted(), adoption: { ...adopted().adoption!, version: 3 } });
      expect(sha256(other)).not.toBe(sha256(first));
    },
    60_000,
  );

  it('cite the version, the adoption date, the log position and the content hash, with names, closures and the amendment', async () => {
    const md = new TextDecoder().decode(await minutesMarkdown(adopted('en')));
    expect(md).toContain(`Adopted version 2 on`);
    expect(md).toContain(`log position #4211, document hash ${HASH}`);
    expect(md).toContain('Décision 1 corrigée');
    expect(md).toContain('Été «test»; Vidéo — Lina Martin, Paul Roy');
    expect(md).toMatch(/Done on \d{2}\/\d{2}\/\d{4}/);
    expect(md).not.toContain('Draft');
    const pdf = (await pdfText(await minutesPdf(adopted()))).replace(/\s+/g, ' ');
    expect(pdf).toContain('Version 2 adoptée le');
    const docx = await JSZip.loadAsync(await minutesDocx(adopted()));
    expect(await docx.file('word/document.xml')!.async('string')).toContain(`empreinte du document ${HASH}`);
    expect(await docx.file('docProps/core.xml')!.async('string')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-');
  }, 30_000);

  it('mark a document made before adoption as a draft, in its heading and its facts', async () => {
    const md = new TextDecoder().decode(await minutesMarkdown(minutesInput('en')));
    expect(md).toContain('Emergency meeting — Draft — not adopted');
    expect(md).toContain('**Standing of the minutes**: Draft — not adopted');
    const pdf = (await pdfText(await minutesPdf(minutesInput()))).replace(/\s+/g, ' ');
    expect(pdf).toContain('Projet — non adopté');
  }, 30_000);
});
