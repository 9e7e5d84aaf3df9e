import { CANNOT_EXECUTE_GROUNDS, ITEM_OUTCOMES, type CannotExecuteGround, type ItemOutcome } from '../domain/request.js';

/**
 * The words an outcomes file may use, in French or English: its column headers, its outcomes and
 * its grounds. They are compared folded (`foldName`): case, accents, and the spaces, hyphens,
 * underscores and apostrophes between words do not matter, so `Géo-bloqué`, `geo_blocked` and
 * `GEO BLOQUE` are one word.
 */

/** The columns an outcomes file is read by. */
export const OUTCOME_COLUMNS = ['ref', 'location', 'itemId', 'outcome', 'reason', 'ground'] as const;
export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];

/** Accepted header names of each column (the first French and English ones are the template's). */
export const OUTCOME_HEADER_NAMES: Readonly<Record<OutcomeColumn, { readonly fr: readonly string[]; readonly en: readonly string[] }>> = {
  ref: {
    fr: ['référence', 'demande', 'référence de la demande', 'réf'],
    en: ['reference', 'ref', 'request', 'request ref', 'request reference'],
  },
  location: {
    fr: ['contenu', 'url', 'adresse', 'emplacement', 'lien', 'url du contenu'],
    en: ['location', 'url', 'item location', 'item url', 'link', 'address'],
  },
  itemId: {
    fr: ['id_contenu', 'identifiant du contenu', 'identifiant', 'id'],
    en: ['item_id', 'item id', 'id'],
  },
  outcome: {
    fr: ['résultat', 'suite donnée', 'issue'],
    en: ['outcome', 'result'],
  },
  reason: {
    fr: ['motif', 'raison', 'commentaire', 'justification'],
    en: ['reason', 'comment', 'justification'],
  },
  ground: {
    fr: ['fondement', 'fondement de l’inexécution'],
    en: ['ground', 'cannot execute ground'],
  },
};

/** Accepted names of each outcome, besides its code (`geo_blocked`). */
export const OUTCOME_VALUE_NAMES: Readonly<Record<ItemOutcome, readonly string[]>> = {
  removed: ['Retiré', 'Removed'],
  geo_blocked: ['Géo-bloqué', 'Geo-blocked'],
  account_suspended: ['Compte suspendu', 'Account suspended'],
  preserved: ['Conservé', 'Preserved'],
  information_supplied: ['Information fournie', 'Informations fournies', 'Information supplied'],
  refused: ['Refusé', 'Refused'],
  not_found: ['Introuvable', 'Not found'],
  cannot_execute: ['Inexécutable', 'Inexécution', 'Cannot execute'],
};

/** Accepted names of each ground of a "cannot execute" (Annex III), besides its code. */
export const GROUND_VALUE_NAMES: Readonly<Record<CannotExecuteGround, readonly string[]>> = {
  force_majeure: ['Force majeure'],
  technical_impossibility: ['Impossibilité technique', 'Technical impossibility'],
  manifest_error: ['Erreur manifeste', 'Manifest error'],
  insufficient_information: ['Informations insuffisantes', 'Information insuffisante', 'Insufficient information'],
};

/** A name as it is compared: lower case, no accents, words separated by one space. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Each folded name to its code; a code is also its own name. */
function lookup<T extends string>(codes: readonly T[], namesOf: (code: T) => readonly string[]): ReadonlyMap<string, T> {
  const table = new Map<string, T>();
  for (const code of codes) for (const name of [code, ...namesOf(code)]) table.set(foldName(name), code);
  return table;
}

const OUTCOMES = lookup(ITEM_OUTCOMES, (outcome) => OUTCOME_VALUE_NAMES[outcome]);
const GROUNDS = lookup(CANNOT_EXECUTE_GROUNDS, (ground) => GROUND_VALUE_NAMES[ground]);
const HEADERS = lookup(OUTCOME_COLUMNS, (column) => [...OUTCOME_HEADER_NAMES[column].fr, ...OUTCOME_HEADER_NAMES[column].en]);

/** The outcome a cell names, if any. */
export function outcomeNamed(cell: string): ItemOutcome | undefined {
  return OUTCOMES.get(foldName(cell));
}

/** The ground a cell names, if any. */
export function groundNamed(cell: string): CannotExecuteGround | undefined {
  return GROUNDS.get(foldName(cell));
}

/** The column a header names, if any (`itemId` is also the header `item_id`). */
export function columnNamed(header: string): OutcomeColumn | undefined {
  return HEADERS.get(foldName(header));
}
