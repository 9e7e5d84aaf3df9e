import { createHash } from 'node:crypto';
import pg from 'pg';

/** How the relay connects to PostgreSQL (see `openPgStorage`). */
export interface PgConnectionOptions {
  /** Connections in the pool that serves reads and writes (default 10). */
  readonly poolSize?: number;
  /**
   * A session that sits inside an open transaction this long is ended by the server, so that a
   * node frozen mid-write (a long pause, a lost network) cannot hold the log's write lock for good
   * (default 30 s; the relay's own transactions never wait on anything but the database).
   */
  readonly idleInTransactionTimeoutMs?: number;
  /** How long opening a connection may take before the call fails (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** Called with errors of idle connections (the server went away); they are replaced on the next use. */
  readonly onConnectionError?: (error: Error) => void;
}

const BIGINT_OID = 20;

/**
 * Seqs, times and counts are BIGINT columns: read back as JS numbers (every one of them is far
 * below 2^53), on this pool's own parsers rather than on the `pg` module's global ones.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === BIGINT_OID ? (text: string) => Number(text) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Settings of every connection: commits are durable before they are acknowledged whatever the
 * server's default; a transaction left open is cut; the server probes silent clients so that a
 * dead node's sessions (and the locks they hold) go within about half a minute.
 */
function sessionSettings(options: PgConnectionOptions): string {
  const settings = {
    synchronous_commit: 'on',
    idle_in_transaction_session_timeout: String(options.idleInTransactionTimeoutMs ?? 30_000),
    tcp_keepalives_idle: '10',
    tcp_keepalives_interval: '5',
    tcp_keepalives_count: '3',
  };
  return Object.entries(settings)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
}

/** What a pool and a dedicated client (LISTEN, a lead) are both opened with. */
export function clientConfig(url: string, options: PgConnectionOptions): pg.ClientConfig {
  return {
    connectionString: url,
    types,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    application_name: 'contact-desk-relay',
    options: sessionSettings(options),
  };
}

export function openPool(url: string, options: PgConnectionOptions): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(url, options), max: options.poolSize ?? 10 });
  // An idle connection that breaks is dropped by the pool; without a listener its error would
  // end the process.
  pool.on('error', (error) => options.onConnectionError?.(error));
  return pool;
}

/** A connection of its own, outside the pool: for a session that must last (LISTEN, a held lock). */
export function dedicatedClient(url: string, options: PgConnectionOptions): pg.Client {
  return new pg.Client(clientConfig(url, options));
}

/**
 * A 64-bit advisory lock key for a name, as the decimal text PostgreSQL's BIGINT takes. Derived
 * from the name so that each lock (the log's writer, each lead role) has its own key without a
 * registry of numbers.
 */
export function advisoryKey(name: string): string {
  return createHash('sha256').update(`contact-desk:${name}`).digest().readBigInt64BE(0).toString();
}

/** What runs a query: the pool, or one client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * Runs `work` in one transaction on one pooled connection: `begin` (BEGIN and its options), then
 * COMMIT; on any error ROLLBACK and the error passed on as it is. A connection that broke (the
 * server went away) is dropped from the pool rather than reused, and its late errors are heard
 * here: a checked-out client's error event has no other listener, and would end the process.
 */
export async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken ??= error);
  client.on('error', onError);
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    if (!broken) await client.query('ROLLBACK').catch(onError);
    throw error;
  } finally {
    if (!broken) client.off('error', onError);
    client.release(broken);
  }
}
