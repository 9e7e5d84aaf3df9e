import { emptyState, platformFigures, reduce, type DomainState, type PlatformFigures, type Period, type Viewer } from '@contact-desk/shared';
import { SqliteStorage } from '../storage/sqlite-storage.js';

const EVERYTHING: Viewer = { role: 'system', platformId: null };
const PAGE = 5_000;

export interface FiguresQuery {
  readonly period: Period;
  /** Only these platforms; all when empty. */
  readonly platformIds: readonly string[];
  /** Fold the log up to this seq (the position an export cites); the head when undefined. */
  readonly upToSeq?: number;
  /** The time the figures are computed as of (an export's "generated at"). */
  readonly at: number;
}

export interface RecomputedFigures {
  readonly upToSeq: number;
  readonly upToHash: string;
  /** Per platform, then all platforms together (`ALL_PLATFORMS`), as the exports state them. */
  readonly figures: readonly PlatformFigures[];
  /** Platform names by id, as the log names them at that position. */
  readonly platformNames: ReadonlyMap<string, string>;
}

/** The record as the log holds it at a position: every event up to `upToSeq` (the head when undefined) folded. */
export interface RecordAt {
  readonly upToSeq: number;
  readonly upToHash: string;
  readonly state: DomainState;
}

/**
 * The log folded from scratch up to a seq, with the same reducer as the app: what any figure cited
 * at that position must be computed from.
 */
export function recordAt(dataFile: string, upToSeq?: number): RecordAt {
  const storage = new SqliteStorage(dataFile, { readOnly: true });
  try {
    const head = storage.headNow();
    const last = upToSeq ?? head.seq;
    if (last > head.seq || last < 0) throw new RangeError(`seq ${last} is not in the log (head ${head.seq})`);
    let state = emptyState();
    let upToHash = head.hash;
    while (state.lastSeq < last) {
      const page = storage.eventsAfterNow(EVERYTHING, state.lastSeq, Math.min(PAGE, last - state.lastSeq));
      if (page.length === 0) break;
      state = reduce(state, page);
      upToHash = page.at(-1)?.hash ?? upToHash;
    }
    return { upToSeq: state.lastSeq, upToHash, state };
  } finally {
    storage.closeNow();
  }
}

/**
 * The figures of an export, recomputed from the log alone: the events up to the cited seq are
 * folded from scratch with the same reducer and the same SLA math as the app, so a platform or
 * the ministry can check any published figure without trusting either side's copy.
 */
export function recomputeFigures(dataFile: string, query: FiguresQuery): RecomputedFigures {
  const { upToSeq, upToHash, state } = recordAt(dataFile, query.upToSeq);
  const wanted = new Set(query.platformIds);
  const requests = [...state.requests.values()].filter((request) => wanted.size === 0 || wanted.has(request.platformId));
  const platformNames = new Map([...state.platforms.values()].map((platform) => [platform.id, platform.name]));
  return { upToSeq, upToHash, figures: platformFigures(requests, query.period, query.at, true), platformNames };
}
