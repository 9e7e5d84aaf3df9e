/**
 * The storage engines a relay suite runs on, each the real thing: SQLite (the data folder's file,
 * the default) and PostgreSQL (a throwaway server for the test file, a new database for each relay).
 * The server starts the first time a test of the file asks for a database, so a run filtered down
 * to SQLite (`-t 'on sqlite'`) starts none, and it stops after the file's tests.
 */
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { LocalPostgres } from '../src/storage/pg/local-postgres.js';
import type { Storage } from '../src/storage/storage.js';

/** Where a relay keeps its record, beside its data folder: the relay config's `databaseUrl`, or nothing for SQLite. */
export interface StoreChoice {
  readonly databaseUrl?: string;
}

export interface RelayEngine {
  readonly name: Storage['engine'];
  /** The store of a new relay: its data folder's file on SQLite; a new, empty database on PostgreSQL. */
  store(): Promise<StoreChoice>;
}

/** How long starting a throwaway PostgreSQL server may take on a busy machine, for the hook that starts the first relay. */
export const ENGINE_START_MS = 90_000;

/**
 * Declares `body`'s tests once per engine, SQLite first, under `<title> on sqlite` and `<title> on
 * postgres` (`-t 'on postgres'` runs one). Call it at the top level of a test file: the PostgreSQL
 * server it may start is stopped after all of the file's tests.
 */
export function describeEachEngine(title: string, body: (engine: RelayEngine) => void): void {
  let server: Promise<LocalPostgres> | undefined;
  let databases = 0;
  afterAll(async () => {
    // A server that failed to start has failed the tests that asked for it already.
    await server?.then(
      (started) => started.stop(),
      () => undefined,
    );
  });
  const engines: RelayEngine[] = [
    { name: 'sqlite', store: async () => ({}) },
    {
      name: 'postgres',
      store: async () => {
        server ??= LocalPostgres.start();
        return { databaseUrl: await (await server).createDatabase(`relay_${++databases}`) };
      },
    },
  ];
  for (const engine of engines) describe(`${title} on ${engine.name}`, () => body(engine));
}

/**
 * A new database `name` on the same server, made from the one at `url` as its template: an exact
 * copy, PostgreSQL's own way of starting several relays from one recorded state (as `relay
 * restore` of one backup does for the SQLite file). Nobody may be connected to the source meanwhile.
 */
export async function copyDatabase(url: string, name: string): Promise<string> {
  const source = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.href });
  client.on('error', () => undefined); // a lost connection rejects the calls below
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(source)}`);
  } finally {
    await client.end();
  }
  const copy = new URL(url);
  copy.pathname = `/${encodeURIComponent(name)}`;
  return copy.href;
}
