/**
 * The engines the storage contract runs against, each the real thing: SQLite in a file of a temp
 * folder, PostgreSQL on a throwaway server (one per test file) with a fresh database per test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { LocalPostgres } from '../../src/storage/pg/local-postgres.js';
import { openPgStorage } from '../../src/storage/pg/pg-storage.js';
import { SqliteStorage } from '../../src/storage/sqlite-storage.js';
import type { Storage } from '../../src/storage/storage.js';

interface Engine {
  readonly name: Storage['engine'];
  start(): Promise<void>;
  /** A new, empty store. */
  open(): Promise<Storage>;
  stop(): Promise<void>;
}

function sqliteEngine(): Engine {
  let dir = '';
  let stores = 0;
  return {
    name: 'sqlite',
    start: async () => {
      dir = mkdtempSync(join(tmpdir(), 'contact-desk-contract-'));
    },
    open: async () => new SqliteStorage(join(dir, `store-${++stores}.sqlite`)),
    stop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresEngine(): Engine {
  let server: LocalPostgres | undefined;
  let stores = 0;
  return {
    name: 'postgres',
    start: async () => {
      server = await LocalPostgres.start();
    },
    open: async () => {
      if (!server) throw new Error('the PostgreSQL server is not started');
      return openPgStorage(await server.createDatabase(`contract_${++stores}`));
    },
    stop: async () => server?.stop(),
  };
}

/**
 * Declares `body`'s tests once per engine. `fresh()` opens an empty store for the test; it is
 * closed after the test.
 */
export function forEachEngine(title: string, body: (fresh: () => Promise<Storage>) => void): void {
  describe.each([sqliteEngine(), postgresEngine()])(`$name: ${title}`, (engine) => {
    const opened: Storage[] = [];
    beforeAll(() => engine.start(), 60_000);
    afterAll(() => engine.stop());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((storage) => storage.close()));
    });
    body(async () => {
      const storage = await engine.open();
      opened.push(storage);
      return storage;
    });
  });
}
