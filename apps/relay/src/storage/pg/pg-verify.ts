import { verifyStoredChain } from '../../audit/verify-chain.js';
import { verifyProjections } from '../../audit/verify-projections.js';
import { openPgStorage } from './pg-storage.js';

/** A database whose record does not hold together: its chain breaks, or its projections are not what its log says. */
export class DatabaseCheckError extends Error {
  override readonly name = 'DatabaseCheckError';
}

/** What a checked database holds. */
export interface DatabaseReport {
  readonly events: number;
  readonly headSeq: number;
  readonly headHash: string;
  /** Entities of the projections, each equal to what folding the log gives. */
  readonly entities: number;
  readonly verifyMs: number;
}

/**
 * Checks the record in the PostgreSQL database at `url` as `relay audit verify` does: the hash
 * chain from the first event to the head, then the projections against the log folded from
 * scratch. Throws `DatabaseCheckError` saying where it fails. Opening the store brings an older
 * schema up to date first, as a relay node would.
 */
export async function verifyDatabase(url: string): Promise<DatabaseReport> {
  const started = Date.now();
  const chain = await verifyStoredChain({ dataDir: '', databaseUrl: url });
  if (!chain.ok) throw new DatabaseCheckError(`the log's hash chain breaks at event ${chain.brokenSeq}: ${chain.reason}`);
  const storage = await openPgStorage(url, { poolSize: 2 });
  try {
    const projections = await verifyProjections(storage);
    if (!projections.ok) {
      throw new DatabaseCheckError(`the projections differ from the log: ${projections.differences.slice(0, 5).join('; ')}`);
    }
    const { events, headSeq, headHash } = chain;
    return { events, headSeq, headHash, entities: projections.checked, verifyMs: Date.now() - started };
  } finally {
    await storage.close();
  }
}
