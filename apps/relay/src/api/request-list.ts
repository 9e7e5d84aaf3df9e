import {
  compareUrgency,
  isLateNow,
  priorityRanks,
  protocolError,
  urgencyKey,
  waitingOn,
  type DomainState,
  type ProtocolError,
  type Request,
  type UrgencyKey,
} from '@contact-desk/shared';
import { z } from 'zod';
import type { ListQuery } from './api-inputs.js';

/**
 * The list of a platform's requests: filtered, in the triage urgency order (docs/triage.md) or by
 * last change, a page at a time. The cursor is opaque to clients: the position after the page's
 * last request, and for the urgency order the relay time the order was computed at, so that every
 * page of one walk sorts the same way.
 */

const DEFAULT_LIMIT = 100;

const cursorSchema = z.discriminatedUnion('o', [
  z
    .object({
      o: z.literal('urgency'),
      at: z.number().int().nonnegative(),
      k: z.object({ band: z.number(), priority: z.number(), reason: z.number(), time: z.number() }).strict(),
      ref: z.string().max(64),
    })
    .strict(),
  z.object({ o: z.literal('updated'), u: z.number().int().nonnegative(), id: z.string().max(64) }).strict(),
]);
type Cursor = z.infer<typeof cursorSchema>;

const BAD_CURSOR = protocolError('invalid_payload', 'Invalid query at cursor: not a cursor this list gave.', {
  issues: [{ path: 'cursor', message: 'not a cursor this list gave' }],
});

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decode(text: string, order: ListQuery['order']): Cursor | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success && parsed.data.o === order ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function matches(request: Request, platformId: string, query: ListQuery, now: number): boolean {
  if (request.platformId !== platformId) return false;
  if (query.status && !query.status.includes(request.status)) return false;
  if (query.waiting && waitingOn(request) !== query.waiting) return false;
  if (query.late !== undefined && isLateNow(request, now) !== query.late) return false;
  return query.updatedSince === undefined || request.updatedAt > query.updatedSince;
}

export type RequestList = { readonly requests: readonly Request[]; readonly nextCursor: string | null } | { readonly error: ProtocolError };

/** One page of a platform's requests matching the query, at the relay's time `now`. */
export function listRequests(
  state: Pick<DomainState, 'requests' | 'policy'>,
  platformId: string,
  query: ListQuery,
  now: number,
): RequestList {
  const cursor = query.cursor === undefined ? undefined : decode(query.cursor, query.order);
  if (query.cursor !== undefined && cursor === undefined) return { error: BAD_CURSOR };
  const limit = query.limit ?? DEFAULT_LIMIT;
  const selected = [...state.requests.values()].filter((request) => matches(request, platformId, query, now));

  let ordered: Request[];
  let cursorAfter: (request: Request) => Cursor;
  if (query.order === 'updated') {
    const byChange = (a: { u: number; id: string }, b: { u: number; id: string }) => a.u - b.u || compareText(a.id, b.id);
    const position = (request: Request) => ({ u: request.updatedAt, id: request.id });
    ordered = selected.sort((a, b) => byChange(position(a), position(b)));
    if (cursor?.o === 'updated') ordered = ordered.filter((request) => byChange(position(request), cursor) > 0);
    cursorAfter = (request) => ({ o: 'updated', ...position(request) });
  } else {
    // Every page of one walk is ordered at the time of its first page.
    const at = cursor?.o === 'urgency' ? cursor.at : now;
    const rankOf = priorityRanks(state.policy);
    const keys = new Map(selected.map((request) => [request.id, urgencyKey(request, at, rankOf)]));
    const position = (request: Request) => ({ k: keys.get(request.id) as UrgencyKey, ref: request.ref });
    const byUrgency = (a: { k: UrgencyKey; ref: string }, b: { k: UrgencyKey; ref: string }) =>
      compareUrgency(a.k, b.k) || compareText(a.ref, b.ref);
    ordered = selected.sort((a, b) => byUrgency(position(a), position(b)));
    if (cursor?.o === 'urgency') ordered = ordered.filter((request) => byUrgency(position(request), cursor) > 0);
    cursorAfter = (request) => ({ o: 'urgency', at, ...position(request), k: { ...position(request).k } });
  }
  const page = ordered.slice(0, limit);
  const last = page.at(-1);
  return { requests: page, nextCursor: ordered.length > limit && last ? encode(cursorAfter(last)) : null };
}
