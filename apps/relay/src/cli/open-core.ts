import { mkdirSync } from 'node:fs';
import { databaseFile } from '../config.js';
import { systemClock, type Clock } from '../core/clock.js';
import { RelayCore } from '../core/relay-core.js';
import { silentLogger } from '../logger.js';
import { SecretBox } from '../outreach/secret-box.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { DataLock } from './data-lock.js';

/** Opens the data folder for a CLI command, holding the lock for the duration of `work`. */
export async function withCore<T>(
  dataDir: string,
  work: (core: RelayCore) => Promise<T> | T,
  clock: Clock = systemClock,
): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  const lock = new DataLock(dataDir);
  lock.acquire();
  const storage = new SqliteStorage(databaseFile({ dataDir }));
  try {
    return await work(await RelayCore.open(storage, clock, silentLogger, { secrets: SecretBox.forDataDir(dataDir) }));
  } finally {
    await storage.close();
    lock.release();
  }
}
