import { emptyState, platformFigures, reduce, type PlatformFigures, type Period, type Viewer } from '@contact-desk/shared';
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

/**
 * The figures of an export, recomputed from the log alone: the events up to the cited seq are
 * folded from scratch with the same reducer and the same SLA math as the app, so a platform or
 * the ministry can check any published figure without trusting either side's copy.
 */
export function recomputeFigures(dataFile: string, query: FiguresQuery): RecomputedFigures {
  const storage = new SqliteStorage(dataFile, { readOnly: true });
  try {
    const head = storage.head();
    const upToSeq = query.upToSeq ?? head.seq;
    if (upToSeq > head.seq || upToSeq < 0) throw new RangeError(`seq ${upToSeq} is not in the log (head ${head.seq})`);
    let state = emptyState();
    let upToHash = head.hash;
    while (state.lastSeq < upToSeq) {
      const page = storage.eventsAfter(EVERYTHING, state.lastSeq, Math.min(PAGE, upToSeq - state.lastSeq));
      if (page.length === 0) break;
      state = reduce(state, page);
      upToHash = page.at(-1)?.hash ?? upToHash;
    }
    const wanted = new Set(query.platformIds);
    const requests = [...state.requests.values()].filter((request) => wanted.size === 0 || wanted.has(request.platformId));
    const platformNames = new Map([...state.platforms.values()].map((platform) => [platform.id, platform.name]));
    return { upToSeq: state.lastSeq, upToHash, figures: platformFigures(requests, query.period, query.at, true), platformNames };
  } finally {
    storage.close();
  }
}
