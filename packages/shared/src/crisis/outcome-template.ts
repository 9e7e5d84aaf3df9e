import { ALLOWED_FROM } from '../logic/request-machine.js';
import type { Request } from '../domain/request.js';
import { OUTCOME_HEADER_NAMES, type OutcomeColumn } from './outcome-names.js';

/** The template's columns, in order: what the importer reads, under the first name it accepts in the language. */
const TEMPLATE_COLUMNS: readonly OutcomeColumn[] = ['ref', 'location', 'itemId', 'outcome', 'reason', 'ground'];

/** The header row of an outcomes template, in French or English. */
export function templateHeaders(language: 'fr' | 'en'): string[] {
  return TEMPLATE_COLUMNS.map((column) => OUTCOME_HEADER_NAMES[column][language][0]!);
}

/**
 * An outcomes template for a liaison's tool: a header row, then one row per item of each request
 * of the platform that can be answered now (reference order), outcome, reason and ground left
 * empty. Read back by `planOutcomeImport` once filled.
 */
export function outcomeTemplate(requests: Iterable<Request>, platformId: string, language: 'fr' | 'en'): string[][] {
  const open = [...requests]
    .filter((request) => request.platformId === platformId && ALLOWED_FROM.answer.includes(request.status))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  return [
    templateHeaders(language),
    ...open.flatMap((request) => request.items.map((item) => [request.ref, item.location, item.id, '', '', ''])),
  ];
}
