import { canonicalJson, COLLECTION_NAMES, type CollectionName, type DomainState } from '@contact-desk/shared';
import { foldLog, withAuditedStore, type AuditedStore } from './folded-log.js';

export interface ProjectionReport {
  readonly ok: boolean;
  /** Entities compared. */
  readonly checked: number;
  /** The first differences, as `collection/id`. */
  readonly differences: readonly string[];
}

const SHOWN = 20;

/** Every entity collection, and the request counters. */
const COLLECTIONS: readonly (CollectionName | 'refCounters')[] = [...COLLECTION_NAMES, 'refCounters'];

/**
 * Folds the whole log from scratch and compares the result with the stored projections (the
 * tables the relay serves and counts from). A projection edited by hand — an `ack_at` moved, a
 * request deleted — shows up here even though the log's chain is intact.
 */
export async function verifyProjections(store: AuditedStore): Promise<ProjectionReport> {
  return withAuditedStore(store, async (storage) => {
    const { state: stored } = await storage.snapshot();
    const { state: folded } = await foldLog(storage, stored.lastSeq);
    return compare(folded, stored);
  });
}

function compare(folded: DomainState, stored: DomainState): ProjectionReport {
  const differences: string[] = [];
  let checked = 0;
  if (folded.lastSeq !== stored.lastSeq) differences.push(`lastSeq: log ${folded.lastSeq}, projections ${stored.lastSeq}`);
  if (canonicalJson(folded.policy) !== canonicalJson(stored.policy)) differences.push('policy');
  for (const name of COLLECTIONS) {
    const expected = folded[name] as ReadonlyMap<unknown, unknown>;
    const actual = stored[name] as ReadonlyMap<unknown, unknown>;
    for (const key of new Set([...expected.keys(), ...actual.keys()])) {
      checked += 1;
      const want = expected.get(key);
      const got = actual.get(key);
      if (want === undefined || got === undefined || canonicalJson(want) !== canonicalJson(got)) {
        const what = want === undefined ? 'not in the log' : got === undefined ? 'missing' : 'differs from the log';
        differences.push(`${name}/${String(key)}: ${what}`);
      }
    }
  }
  return { ok: differences.length === 0, checked, differences: differences.slice(0, SHOWN) };
}
