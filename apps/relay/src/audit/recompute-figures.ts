import { platformFigures, type DomainState, type PlatformFigures, type Period } from '@contact-desk/shared';
import { foldLog, withAuditedStore, type AuditedStore } from './folded-log.js';

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
export async function recordAt(store: AuditedStore, upToSeq?: number): Promise<RecordAt> {
  return withAuditedStore(store, async (storage) => {
    const { state, upToHash } = await foldLog(storage, upToSeq);
    return { upToSeq: state.lastSeq, upToHash, state };
  });
}

/**
 * The figures of an export, recomputed from the log alone: the events up to the cited seq are
 * folded from scratch with the same reducer and the same SLA math as the app, so a platform or
 * the ministry can check any published figure without trusting either side's copy.
 */
export async function recomputeFigures(store: AuditedStore, query: FiguresQuery): Promise<RecomputedFigures> {
  const { upToSeq, upToHash, state } = await recordAt(store, query.upToSeq);
  const wanted = new Set(query.platformIds);
  const requests = [...state.requests.values()].filter((request) => wanted.size === 0 || wanted.has(request.platformId));
  const platformNames = new Map([...state.platforms.values()].map((platform) => [platform.id, platform.name]));
  return { upToSeq, upToHash, figures: platformFigures(requests, query.period, query.at, true), platformNames };
}
