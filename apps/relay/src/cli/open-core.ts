import { mkdirSync } from 'node:fs';
import { secretSetting } from '../config-setting.js';
import { systemClock, type Clock } from '../core/clock.js';
import { RelayCore } from '../core/relay-core.js';
import { silentLogger } from '../logger.js';
import { SecretBox } from '../outreach/secret-box.js';
import { openStorage } from '../storage/open-storage.js';
import { DataLock } from './data-lock.js';

/**
 * The PostgreSQL database the CLI's commands work on: `--database-url` where the command has it,
 * else `CONTACT_DESK_DATABASE_URL` or the file `CONTACT_DESK_DATABASE_URL_FILE` names; undefined:
 * the data folder's SQLite file.
 */
export function cliDatabaseUrl(flag?: string): string | undefined {
  const fromEnv = secretSetting(process.env, 'CONTACT_DESK_DATABASE_URL');
  return flag || fromEnv;
}

/**
 * Opens the store for a CLI command and runs `work` with a core of its own: the data folder's
 * SQLite file, holding its lock for the duration; or PostgreSQL, where the CLI is one more writer
 * beside the running relay nodes (the store's write lock orders them all).
 */
export async function withCore<T>(dataDir: string, work: (core: RelayCore) => Promise<T> | T, clock: Clock = systemClock): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  const databaseUrl = cliDatabaseUrl();
  const lock = databaseUrl ? undefined : new DataLock(dataDir);
  lock?.acquire();
  try {
    const storage = await openStorage({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    const core = await RelayCore.open(storage, clock, silentLogger, { secrets: SecretBox.forDataDir(dataDir) });
    try {
      return await work(core);
    } finally {
      await core.flushNow();
      core.stop();
      await storage.close();
    }
  } finally {
    lock?.release();
  }
}
