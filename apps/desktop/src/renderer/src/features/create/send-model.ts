import type { Category, MutationInput, PreviewRequest, ProtocolError, Request, RequestKind } from '@contact-desk/shared';

/** What every request of one sending shares, as the form holds it. */
export interface RequestFields {
  readonly kind: RequestKind;
  readonly priority: string;
  readonly category: Category;
  readonly grounds: string;
  readonly pharosRef: string;
  /** The campaign picked from the open ones, or null. */
  readonly campaignId: string | null;
  readonly doNotInform: boolean;
  /** Retention end as a date (yyyy-mm-dd), for a preservation. */
  readonly retention: string;
}

/**
 * The `request.create` arguments of one planned request: the shared fields, its platform and
 * items, and its grounds followed by `partNote` when the list was cut into parts.
 */
export function createArgs(
  requestId: string,
  fields: RequestFields,
  request: PreviewRequest,
  partNote: string | null,
): MutationInput<'request.create'> {
  const grounds = fields.grounds.trim();
  return {
    requestId,
    platformId: request.platformId,
    kind: fields.kind,
    priority: fields.priority,
    items: [...request.items],
    category: fields.category,
    grounds: partNote ? `${grounds}\n\n${partNote}` : grounds,
    pharosRef: fields.pharosRef.trim() || null,
    campaignId: fields.campaignId,
    doNotInform: fields.doNotInform,
    retentionUntil: fields.kind === 'preservation' && fields.retention ? new Date(`${fields.retention}T23:59:59`).getTime() : null,
  };
}

/** How many items each platform gets in all its parts: what a part's note counts. */
export function itemsPerPlatform(requests: readonly PreviewRequest[]): ReadonlyMap<string, number> {
  const totals = new Map<string, number>();
  for (const request of requests) totals.set(request.platformId, (totals.get(request.platformId) ?? 0) + request.items.length);
  return totals;
}

/** One request of a sending: queued on the device (its mutation), or refused there at once. */
export interface SendEntry {
  readonly platformId: string;
  readonly part: number;
  readonly parts: number;
  readonly items: readonly string[];
  readonly requestId: string;
  readonly mutationId: string | null;
  /** The refusal given on this device before anything was queued. */
  readonly refusal: ProtocolError | null;
}

/** What a sending shares and what it left out, said on its report. */
export interface SendContext {
  readonly fields: RequestFields;
  /** Items the ministry took out of the list before sending. */
  readonly leftOut: number;
  /** Lines that repeated an earlier one, sent once. */
  readonly repeated: number;
}

export interface SendRun {
  readonly context: SendContext;
  readonly entries: readonly SendEntry[];
  /** Requests the sending holds, sent or not yet. */
  readonly total: number;
  readonly running: boolean;
}

export type EntryState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'recorded'; readonly ref: string }
  | { readonly kind: 'refused'; readonly error: ProtocolError };

/**
 * Where one request of a sending stands. Recorded only once the relay's events put it in the
 * confirmed state (with the reference the relay gave); refused on the device or by the relay
 * (`refusals`, by mutation id); waiting otherwise — a mutation the relay answered whose events
 * are not in yet still waits.
 */
export function entryState(
  entry: SendEntry,
  confirmed: ReadonlyMap<string, Request>,
  refusals: ReadonlyMap<string, ProtocolError>,
): EntryState {
  if (entry.refusal) return { kind: 'refused', error: entry.refusal };
  const recorded = confirmed.get(entry.requestId);
  if (recorded) return { kind: 'recorded', ref: recorded.ref };
  const error = entry.mutationId ? refusals.get(entry.mutationId) : undefined;
  return error ? { kind: 'refused', error } : { kind: 'waiting' };
}

export interface SendTally {
  readonly recorded: number;
  readonly waiting: number;
  readonly refused: number;
}

export function tally(states: readonly EntryState[]): SendTally {
  const count = (kind: EntryState['kind']) => states.filter((state) => state.kind === kind).length;
  return { recorded: count('recorded'), waiting: count('waiting'), refused: count('refused') };
}
