import type { DomainState, MutationResult, MutationType } from '@contact-desk/shared';
import { mkdirSync } from 'node:fs';
import { readAdminSecret } from '../auth/admin-secret.js';
import { databaseFile } from '../config.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { perform } from './admin-actions.js';
import { postToRelay } from './admin-transport.js';
import { DataLock, type LockHolder } from './data-lock.js';
import { cliDatabaseUrl, withCore } from './open-core.js';

export type Accepted = Extract<MutationResult, { status: 'accepted' }>;

/** How the CLI administers a data folder: directly, or through the relay serving it. */
export interface AdminChannel {
  perform(type: MutationType, args: unknown): Promise<Accepted>;
  view(): DomainState;
}

function remoteChannel(dataDir: string, relay: LockHolder & { url: string }): AdminChannel {
  const secret = readAdminSecret(dataDir);
  return {
    async perform(type, args) {
      const response = await postToRelay(
        `${relay.url}/admin/perform`,
        { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        JSON.stringify({ type, args }),
        relay.certificate ?? null,
      );
      let body: { ok?: boolean; result?: Accepted; error?: { message: string } };
      try {
        body = JSON.parse(response.text) as typeof body;
      } catch {
        throw new Error(`relay answered ${response.status} without JSON`);
      }
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
 * Runs `work` with an admin channel: through the running relay when one serves this folder's
 * SQLite file (its state stays the only writer), else directly on the store — the file under its
 * lock, or PostgreSQL as one more node beside the running ones.
 */
export async function withAdmin<T>(dataDir: string, work: (admin: AdminChannel) => Promise<T> | T): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  const holder = cliDatabaseUrl() ? undefined : new DataLock(dataDir).holder();
  if (holder?.url) return work(remoteChannel(dataDir, { ...holder, url: holder.url }));
  return withCore(dataDir, (core) => work({ perform: (type, args) => perform(core, type, args), view: () => core.view }));
}
