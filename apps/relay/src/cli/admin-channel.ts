import type { DomainState, MutationResult, MutationType } from '@contact-desk/shared';
import { mkdirSync } from 'node:fs';
import { readAdminSecret } from '../auth/admin-secret.js';
import { databaseFile } from '../config.js';
import { systemClock } from '../core/clock.js';
import { RelayCore } from '../core/relay-core.js';
import { silentLogger } from '../logger.js';
import { SecretBox } from '../outreach/secret-box.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { perform } from './admin-actions.js';
import { DataLock } from './data-lock.js';

export type Accepted = Extract<MutationResult, { status: 'accepted' }>;

/** How the CLI administers a data folder: directly, or through the relay serving it. */
export interface AdminChannel {
  perform(type: MutationType, args: unknown): Promise<Accepted>;
  view(): DomainState;
}

function remoteChannel(dataDir: string, url: string): AdminChannel {
  const secret = readAdminSecret(dataDir);
  return {
    async perform(type, args) {
      const response = await fetch(`${url}/admin/perform`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ type, args }),
      });
      const body = (await response.json()) as { ok: boolean; result?: Accepted; error?: { message: string } };
      if (!body.ok || !body.result) throw new Error(body.error?.message ?? `relay answered ${response.status}`);
      return body.result;
    },
    view() {
      const storage = new SqliteStorage(databaseFile({ dataDir }), { readOnly: true });
      try {
        return storage.loadStateNow();
      } finally {
        storage.closeNow();
      }
    },
  };
}

/**
 * Runs `work` with an admin channel: through the running relay when one serves this folder
 * (its state stays the only writer), else directly on the file, holding its lock.
 */
export async function withAdmin<T>(dataDir: string, work: (admin: AdminChannel) => Promise<T> | T): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  const lock = new DataLock(dataDir);
  const holder = lock.holder();
  if (holder?.url) return work(remoteChannel(dataDir, holder.url));
  lock.acquire();
  const storage = new SqliteStorage(databaseFile({ dataDir }));
  try {
    const core = await RelayCore.open(storage, systemClock, silentLogger, { secrets: SecretBox.forDataDir(dataDir) });
    return await work({ perform: (type, args) => perform(core, type, args), view: () => core.view });
  } finally {
    await storage.close();
    lock.release();
  }
}
