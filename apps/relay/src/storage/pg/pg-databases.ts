import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { clientConfig } from './pg-connections.js';
import { databaseName, withDatabase } from './pg-url.js';

/** The database every PostgreSQL server has, to connect to while creating, dropping or renaming others. */
const MAINTENANCE_DATABASE = 'postgres';

/** PostgreSQL's longest identifier, in bytes (a longer one is cut short, silently). */
const MAX_NAME_BYTES = 63;

/** Runs `work` on a connection of its own to the database at `url`, closed after. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(clientConfig(url, {}));
  client.on('error', () => undefined); // a lost connection rejects the query under way
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` on a connection to the server's maintenance database: a database cannot be created,
 * dropped or renamed from a session inside it. The role needs CREATEDB, and must own a database
 * it renames or drops.
 */
export function withMaintenance<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(withDatabase(url, MAINTENANCE_DATABASE), work);
}

/** A new, empty database beside the one at `url` (`<prefix>_<random>`); resolves to its URL. */
export async function createScratchDatabase(url: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withMaintenance(url, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  return withDatabase(url, name);
}

/** Drops the database at `url`, closing whatever sessions are left in it; one that does not exist is no error. */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withMaintenance(url, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}

/** The name a replaced database is kept under, sorting by time: `contact_desk_replaced_20260310T090000Z`. */
export function asideDatabaseName(name: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const aside = `${name}_replaced_${stamp}`;
  if (Buffer.byteLength(aside) > MAX_NAME_BYTES) {
    throw new Error(
      `the database name ${name} is too long to keep it aside as ${aside} (PostgreSQL names have at most ${MAX_NAME_BYTES} bytes)`,
    );
  }
  return aside;
}

/** Whether a database of that name exists on the server. */
export async function databaseExists(client: pg.Client, name: string): Promise<boolean> {
  return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
}

/**
 * The other clients connected to a database, by application name (e.g. `contact-desk-relay: 3`).
 * The server's own workers (autovacuum after a large load) are not counted: renaming the database
 * stops them.
 */
export async function sessionsIn(client: pg.Client, name: string): Promise<string[]> {
  const { rows } = await client.query<{ app: string; n: number }>(
    `SELECT coalesce(nullif(application_name, ''), 'unnamed') AS app, count(*)::int AS n FROM pg_stat_activity
     WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid() GROUP BY 1 ORDER BY 1`,
    [name],
  );
  return rows.map((row) => `${row.app}: ${row.n}`);
}
