import { parseRef } from '../domain/ids.js';
import { normalizeLocation } from '../domain/locations.js';
import { ITEM_OUTCOMES, type CannotExecuteGround, type ItemOutcome, type Request, type RequestItem } from '../domain/request.js';
import { ALLOWED_FROM } from '../logic/request-machine.js';
import { LIMITS } from '../protocol/mutations.js';
import { groundNamed, outcomeNamed, type OutcomeColumn } from './outcome-names.js';
import { isBlankRow, readOutcomeHeaders, VALUE_SHOWN, type ImportProblem, type ImportRefusal, type OutcomeSheet } from './outcome-sheet.js';

/**
 * Outcomes a liaison's own tool produced (a CSV or XLSX sheet, read into strings), checked against
 * the requests the device holds and turned into one `request.answer` per request — or, if any row
 * is wrong, into the list of every wrong row and why, with nothing to send. Pure: the app reads
 * the file, shows the plan or the refusals, and sends the plan only when the liaison confirms.
 *
 * A request the device does not hold reads "not found", whatever the reason: a liaison's device
 * holds its own platform's requests only, so another platform's reference must look exactly like
 * one that does not exist.
 */

/** How large a file may be, and how many rows and requests it may give. */
export const OUTCOME_IMPORT_LIMITS = {
  /** Bytes of the file, checked before it is read. */
  bytes: 5 * 1024 * 1024,
  /** Rows under the header, blank rows not counted. */
  rows: 5_000,
  /** Requests answered by one file: one mutation each (the bulk bar's own limit). */
  requests: 500,
} as const;

export type OutcomeImportLimits = { readonly [K in keyof typeof OUTCOME_IMPORT_LIMITS]: number };

export interface PlannedItem {
  readonly itemId: string;
  readonly outcome: ItemOutcome;
  readonly reason: string | null;
  readonly ground: CannotExecuteGround | null;
}

/** One request's answer: its items in the file's order, and the rows they came from. */
export interface PlannedAnswer {
  readonly requestId: string;
  readonly ref: string;
  readonly items: readonly PlannedItem[];
  readonly rows: readonly number[];
  /** Every item of the request has an answer once this one is recorded. */
  readonly completes: boolean;
}

export interface OutcomePlan {
  readonly answers: readonly PlannedAnswer[];
  readonly items: number;
  readonly byOutcome: Readonly<Record<ItemOutcome, number>>;
  /** Headers of no known column: left aside. */
  readonly ignoredHeaders: readonly string[];
}

export type OutcomeImport =
  { readonly ok: true; readonly plan: OutcomePlan } | { readonly ok: false; readonly refused: readonly ImportRefusal[] };

/** A refusal of the whole file. */
export function fileRefusal(problem: ImportProblem, limit?: number): OutcomeImport {
  return { ok: false, refused: [{ row: null, column: null, problem, value: '', ...(limit === undefined ? {} : { limit }) }] };
}

type Refuse = (column: OutcomeColumn, problem: ImportProblem, extra?: Partial<ImportRefusal>) => void;

interface Chosen extends PlannedItem {
  readonly row: number;
}

/** Plans the answers of a sheet, or lists every refused row. Nothing is planned when anything is refused. */
export function planOutcomeImport(
  sheet: OutcomeSheet,
  requests: Iterable<Request>,
  platformId: string,
  limits: OutcomeImportLimits = OUTCOME_IMPORT_LIMITS,
): OutcomeImport {
  const header = readOutcomeHeaders(sheet.headers);
  if (Array.isArray(header)) return { ok: false, refused: header };
  const { columns } = header;
  const filled = sheet.rows.flatMap((cells, index) =>
    isBlankRow(Object.values(cells)) ? [] : [{ cells, row: sheet.rowNumbers?.[index] ?? index + 2 }],
  );
  if (filled.length === 0) return fileRefusal('no_rows');
  if (filled.length > limits.rows) return fileRefusal('too_many_rows', limits.rows);
  // Only the platform's own requests are held: any other reference is not found.
  const held = new Map<string, Request>();
  for (const request of requests) if (request.platformId === platformId) held.set(request.ref, request);
  const refused: ImportRefusal[] = [];
  const chosen = new Map<string, { request: Request; items: Map<string, Chosen> }>();
  for (const { cells, row } of filled) {
    const cell = (column: OutcomeColumn) => {
      const header = columns[column];
      return header === undefined ? '' : (cells[header] ?? '').trim();
    };
    const before = refused.length;
    const refuse: Refuse = (column, problem, extra = {}) =>
      refused.push({ row, column, problem, value: cell(column).slice(0, VALUE_SHOWN), ...extra });
    const request = rowRequest(cell('ref'), held, refuse);
    const named = cell('itemId') !== '' || cell('location') !== '';
    if (!named) refuse(columns.location ? 'location' : 'itemId', 'missing');
    const item = request && named ? rowItem(request, cell('itemId'), cell('location'), refuse) : undefined;
    const answer = rowAnswer(cell, refuse);
    if (refused.length > before || !request || !item || !answer) continue;
    const entry = chosen.get(request.id) ?? { request, items: new Map<string, Chosen>() };
    chosen.set(request.id, entry);
    const earlier = entry.items.get(item.id);
    if (earlier && !sameAnswer(earlier, answer)) refuse('outcome', 'conflict', { otherRow: earlier.row });
    else if (!earlier) entry.items.set(item.id, { itemId: item.id, ...answer, row });
  }
  if (refused.length > 0) return { ok: false, refused };
  if (chosen.size > limits.requests) return fileRefusal('too_many_requests', limits.requests);
  return { ok: true, plan: planOf([...chosen.values()], header.ignored) };
}

/** The held request a row names, if it can be answered now. */
function rowRequest(ref: string, held: ReadonlyMap<string, Request>, refuse: Refuse): Request | undefined {
  const normal = ref.toUpperCase();
  const request = held.get(normal);
  if (ref === '') refuse('ref', 'missing');
  else if (!parseRef(normal)) refuse('ref', 'bad_ref');
  else if (!request) refuse('ref', 'not_found');
  else if (!ALLOWED_FROM.answer.includes(request.status)) refuse('ref', 'not_answerable', { status: request.status });
  else return request;
  return undefined;
}

/** The item a row names by its id and/or its location (the location as given, or normalised). */
function rowItem(request: Request, id: string, location: string, refuse: Refuse): RequestItem | undefined {
  const byId = id === '' ? undefined : request.items.find((item) => item.id === id);
  if (id !== '' && !byId) refuse('itemId', 'unknown_item');
  if (location === '') return byId;
  const exact = request.items.filter((item) => item.location.trim() === location);
  // The location as given first; else written another way (scheme, www., trailing slash, tracking parameters).
  const normal = exact.length > 0 ? null : normalizeLocation(location);
  const byLocation = normal === null ? exact : request.items.filter((item) => item.normalized === normal);
  if (byLocation.length === 0) refuse('location', 'unknown_item');
  else if (byId && !byLocation.includes(byId)) refuse('itemId', 'item_mismatch');
  else if (id === '' && byLocation.length > 1) refuse('location', 'ambiguous_item');
  return byId ?? (byLocation.length === 1 ? byLocation[0] : undefined);
}

/** The outcome, reason and ground of a row, as the protocol takes them. */
function rowAnswer(cell: (column: OutcomeColumn) => string, refuse: Refuse): Omit<PlannedItem, 'itemId'> | undefined {
  const outcome = outcomeNamed(cell('outcome'));
  if (cell('outcome') === '') refuse('outcome', 'missing');
  else if (!outcome) refuse('outcome', 'bad_outcome');
  const reason = cell('reason');
  if (reason.length > LIMITS.textLength) refuse('reason', 'too_long', { limit: LIMITS.textLength });
  else if (reason === '' && (outcome === 'refused' || outcome === 'cannot_execute')) refuse('reason', 'missing');
  const ground = cell('ground') === '' ? null : groundNamed(cell('ground'));
  if (ground === undefined) refuse('ground', 'bad_ground');
  else if (outcome === 'cannot_execute' && ground === null) refuse('ground', 'missing');
  else if (outcome && outcome !== 'cannot_execute' && ground !== null) refuse('ground', 'unexpected_ground');
  if (!outcome || ground === undefined) return undefined;
  return { outcome, reason: reason === '' ? null : reason, ground };
}

function sameAnswer(a: Omit<PlannedItem, 'itemId'>, b: Omit<PlannedItem, 'itemId'>): boolean {
  return a.outcome === b.outcome && a.reason === b.reason && a.ground === b.ground;
}

function planOf(
  chosen: readonly { request: Request; items: ReadonlyMap<string, Chosen> }[],
  ignoredHeaders: readonly string[],
): OutcomePlan {
  const byOutcome = Object.fromEntries(ITEM_OUTCOMES.map((outcome) => [outcome, 0])) as Record<ItemOutcome, number>;
  let items = 0;
  const answers = chosen.map(({ request, items: given }) => {
    for (const entry of given.values()) byOutcome[entry.outcome] += 1;
    items += given.size;
    return {
      requestId: request.id,
      ref: request.ref,
      items: [...given.values()].map(({ itemId, outcome, reason, ground }) => ({ itemId, outcome, reason, ground })),
      rows: [...given.values()].map((entry) => entry.row),
      completes: request.items.every((item) => given.has(item.id) || item.answer !== null),
    };
  });
  return { answers, items, byOutcome, ignoredHeaders };
}

/** The `request.answer` arguments of a request's answer: one mutation, or one per 500 items for a longer request. */
export function answerArgs(requestId: string, items: readonly PlannedItem[]): { requestId: string; items: PlannedItem[] }[] {
  const batches: { requestId: string; items: PlannedItem[] }[] = [];
  for (let start = 0; start < items.length; start += LIMITS.itemsPerRequest) {
    batches.push({ requestId, items: items.slice(start, start + LIMITS.itemsPerRequest) });
  }
  return batches;
}
