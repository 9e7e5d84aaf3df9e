import { mkdirSync } from 'node:fs';
import { databaseFile, type RelayConfig } from '../config.js';
import { SqliteStorage } from './sqlite-storage.js';
import type { Storage } from './storage.js';

/** Where the record is: the data folder's SQLite file, or a PostgreSQL database shared by several nodes. */
export type StoreLocation = Pick<RelayConfig, 'dataDir' | 'databaseUrl'>;

/**
 * Opens the store a configuration names: PostgreSQL when it gives a database URL (its schema
 * brought up to date first), else the SQLite file of the data folder.
 */
export async function openStorage(location: StoreLocation): Promise<Storage> {
  if (location.databaseUrl) {
    const { openPgStorage } = await import('./pg/pg-storage.js');
    return openPgStorage(location.databaseUrl);
  }
  mkdirSync(location.dataDir, { recursive: true });
  return new SqliteStorage(databaseFile(location));
}
