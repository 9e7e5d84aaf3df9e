import pg from 'pg';
import type { ChainRow } from '../../audit/verify-chain.js';
import { clientConfig } from './pg-connections.js';

const PAGE = 5_000;

/** Every column the chain check reads, as stored: the payload's text, the indexed columns beside it. */
const CHAIN_COLUMNS = `e.seq, e.server_time, e.type, e.actor, e.mutation_id, e.client_time, e.audience, e.platform_id,
  CASE e.audience WHEN 'platforms' THEN (SELECT json_agg(p.platform_id ORDER BY p.platform_id)::text FROM event_platforms p WHERE p.seq = e.seq) END AS platform_ids,
  e.payload, e.prev_hash, e.hash, e.actor_id`;

/**
 * The log's rows in seq order, as stored, page by page in one REPEATABLE READ transaction (one
 * snapshot, whatever the nodes append meanwhile): what `relay audit verify` checks on PostgreSQL.
 */
export async function* pgChainRows(url: string): AsyncGenerator<ChainRow> {
  const client = new pg.Client(clientConfig(url, {}));
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (let after = 0; ;) {
      const { rows } = await client.query<ChainRow>(`SELECT ${CHAIN_COLUMNS} FROM events e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`, [
        after,
        PAGE,
      ]);
      yield* rows;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) break;
      after = last.seq;
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
