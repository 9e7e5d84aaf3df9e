import {
  ALL_PLATFORMS,
  compareRefs,
  createdIn,
  figuresOf,
  lateRequests,
  platformFigures,
  requestFigures,
  type Period,
  type PlatformFigures,
  type Request,
  type RequestFigures,
} from '@contact-desk/shared';

/**
 * What the figures screen shows and which requests lie behind each number. Every number comes
 * from packages/shared/src/figures; the lists behind them are the rows of `requestFigures` and
 * `lateRequests`, picked with the same definitions, so a count and its list cannot disagree.
 */

/** The groups of requests a number of the table stands for. */
export type FigureKind = 'created' | 'withdrawn' | 'timeToAck' | 'timeToAnswer' | 'onTime' | 'late' | 'lateWithdrawn' | 'unanswered';

export const FIGURE_KINDS: readonly FigureKind[] = [
  'created',
  'withdrawn',
  'timeToAck',
  'timeToAnswer',
  'onTime',
  'late',
  'lateWithdrawn',
  'unanswered',
];

/** A number the user opened: a figure of one platform's row (or of the total, `ALL_PLATFORMS`). */
export interface FigureChoice {
  readonly platformId: string;
  readonly kind: FigureKind;
}

/** A platform as the screen names it. */
export interface PlatformName {
  readonly id: string;
  readonly name: string;
}

/**
 * Whose figures the user may see: a liaison their own platform's, the ministry every platform's.
 * The store only holds what the relay let this device see; the screen does not rely on that alone.
 */
export function ownPlatformOf(actor: { readonly role: string; readonly platformId: string | null } | null): string | null | undefined {
  if (!actor) return undefined;
  return actor.role === 'liaison' ? actor.platformId : null;
}

/** The requests in scope: one platform's, or all (`own` null). */
export function requestsInScope(requests: Iterable<Request>, own: string | null): Request[] {
  return [...requests].filter((request) => own === null || request.platformId === own);
}

/** The platforms in scope by display name (then id), with any platform only known by its requests. */
export function platformsInScope(
  platforms: ReadonlyMap<string, { readonly name: string }>,
  requests: readonly Request[],
  own: string | null,
  language: string,
): PlatformName[] {
  const ids = new Set([...platforms.keys(), ...requests.map((request) => request.platformId)]);
  return [...ids]
    .filter((id) => own === null || id === own)
    .map((id) => ({ id, name: platforms.get(id)?.name ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name, language) || compareRefs(a.id, b.id));
}

/**
 * One row per platform in scope, in the order given (by name), a platform without a request in the
 * period included with its empty figures; with `withTotal`, the all-platforms row last.
 */
export function figureTable(
  requests: readonly Request[],
  platforms: readonly PlatformName[],
  period: Period,
  at: number,
  withTotal: boolean,
): PlatformFigures[] {
  const computed = new Map(platformFigures(requests, period, at, withTotal).map((row) => [row.platformId, row]));
  const rows = platforms.map((platform) => computed.get(platform.id) ?? figuresOf(platform.id, []));
  return withTotal ? [...rows, computed.get(ALL_PLATFORMS) ?? figuresOf(ALL_PLATFORMS, [])] : rows;
}

/** Which rows of `requestFigures` each kind takes (the late ones are read from `lateRequests`). */
const PICK: Record<Exclude<FigureKind, 'late' | 'lateWithdrawn'>, (row: RequestFigures) => boolean> = {
  created: () => true,
  withdrawn: (row) => row.withdrawn,
  timeToAck: (row) => !row.withdrawn && row.timeToAck !== null,
  timeToAnswer: (row) => !row.withdrawn && row.timeToAnswer !== null,
  onTime: (row) => !row.withdrawn && !row.late,
  unanswered: (row) => row.unanswered,
};

const byCreation = (a: RequestFigures, b: RequestFigures) =>
  a.request.createdAt - b.request.createdAt || compareRefs(a.request.ref, b.request.ref);

/** Durations shortest first, so the median and the p90 can be found in the list. */
const byDuration = (of: (row: RequestFigures) => number | null) => (a: RequestFigures, b: RequestFigures) =>
  (of(a) ?? 0) - (of(b) ?? 0) || byCreation(a, b);

/**
 * The requests behind a number, as of `at`: for the late ones exactly the rows of the late-response
 * list; for the times to acknowledge and to answer the requests they are the median and p90 of,
 * shortest first; otherwise oldest first.
 */
export function requestsBehind(requests: readonly Request[], period: Period, at: number, choice: FigureChoice): RequestFigures[] {
  const mine = choice.platformId === ALL_PLATFORMS ? requests : requests.filter((request) => request.platformId === choice.platformId);
  if (choice.kind === 'late') return lateRequests(mine, period, at);
  if (choice.kind === 'lateWithdrawn') return lateRequests(mine, period, at).filter((row) => row.withdrawn);
  const rows = mine.filter((request) => createdIn(request, period)).map((request) => requestFigures(request, at));
  const picked = rows.filter(PICK[choice.kind]);
  if (choice.kind === 'timeToAck') return picked.sort(byDuration((row) => row.timeToAck));
  if (choice.kind === 'timeToAnswer') return picked.sort(byDuration((row) => row.timeToAnswer));
  return picked.sort(byCreation);
}

/**
 * The count a kind stands for in a row of figures: the number the table shows for it, or for the
 * durations how many requests their median and p90 are taken over. The on-time share has no count.
 */
export function countOf(figures: PlatformFigures, kind: FigureKind): number | undefined {
  switch (kind) {
    case 'created':
      return figures.created;
    case 'withdrawn':
      return figures.withdrawn;
    case 'timeToAck':
      return figures.acknowledged;
    case 'timeToAnswer':
      return figures.answered;
    case 'late':
      return figures.late;
    case 'lateWithdrawn':
      return figures.lateWithdrawn;
    case 'unanswered':
      return figures.unanswered;
    case 'onTime':
      return undefined;
  }
}
