import { outcomeTemplate, type ImportRefusal, type Request } from '@contact-desk/shared';
import Papa from 'papaparse';
import type { Translate } from '../common/refusal-wording';
import { columnWord, refusalWords } from './refusal-words';

/**
 * The files the import offers: a template of the liaison's open items for their own tool, and
 * the report of a refused file. UTF-8 with its byte order mark, so that Excel reads the accents;
 * `;` in French (what French Excel splits on), `,` in English; cells a spreadsheet would run as
 * formulas are written `'=…` (the import reads them back as they were).
 */
function csvBytes(table: readonly (readonly string[])[], language: 'fr' | 'en'): Uint8Array {
  const csv = Papa.unparse(table as string[][], { delimiter: language === 'fr' ? ';' : ',', newline: '\r\n', escapeFormulae: true });
  return new TextEncoder().encode(`\uFEFF${csv}\r\n`);
}

function day(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

export interface DownloadFile {
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

/** The template: one row per item of the platform's requests that can be answered now, outcome empty. */
export function templateFile(requests: Iterable<Request>, platformId: string, language: 'fr' | 'en', now: number): DownloadFile {
  const name = `${language === 'fr' ? 'resultats' : 'outcomes'}-${platformId}-${day(now)}.csv`;
  return { name, mimeType: 'text/csv', bytes: csvBytes(outcomeTemplate(requests, platformId, language), language) };
}

/** The report of a refused file: one row per problem, the file's row first. */
export function reportFile(fileName: string, refused: readonly ImportRefusal[], language: 'fr' | 'en', t: Translate): DownloadFile {
  const header = ['row', 'column', 'value', 'why'].map((key) => t(`outcomes:refused.${key}`));
  const rows = refused.map((refusal) => [
    refusal.row === null ? t('outcomes:refused.file') : String(refusal.row),
    columnWord(refusal, t),
    refusal.value,
    refusalWords(refusal, t),
  ]);
  const base = fileName.replace(/\.[^.]*$/, '');
  return {
    name: `${base}-${language === 'fr' ? 'refus' : 'refused'}.csv`,
    mimeType: 'text/csv',
    bytes: csvBytes([header, ...rows], language),
  };
}
