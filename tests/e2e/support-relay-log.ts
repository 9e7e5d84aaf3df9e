import { draft, newId, SYSTEM_ACTOR, type NotificationAttempt, type PriorityLevel } from '@contact-desk/shared';
import { perform } from '../../apps/relay/src/cli/admin-actions';
import { DataLock } from '../../apps/relay/src/cli/data-lock';
import { withCore } from '../../apps/relay/src/cli/open-core';
import { databaseFile } from '../../apps/relay/src/config';
import { BatchBuilder } from '../../apps/relay/src/core/batch-builder';
import { SqliteStorage } from '../../apps/relay/src/storage/sqlite-storage';

/**
 * Work on a relay's data folder while no relay serves it (before it starts, or between a stop
 * and a start), through the relay's own code: the same decisions, the same hash chain.
 */

export interface ManagerContact {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

/** Adds a backup liaison to a platform and names it and a manager contact on its chain; returns the backup's code. */
export async function nameEscalationChain(
  dataDir: string,
  platformId: string,
  backup: { readonly name: string; readonly email: string; readonly phone: string },
  manager: ManagerContact,
): Promise<string> {
  return withCore(dataDir, async (core) => {
    const userId = newId();
    const created = await perform(core, 'user.create', { userId, role: 'liaison', platformId, ...backup });
    await perform(core, 'platform.update', { platformId, patch: { backupLiaisonId: userId, escalationContact: manager } });
    const code = created.data?.enrollmentCode;
    if (!code) throw new Error('no enrollment code for the backup liaison');
    return code;
  });
}

/**
 * Puts a priority policy in force (it applies to requests created after), e.g. a P0 whose
 * acknowledgement is due within a minute, so a test can watch the relay record a missed deadline.
 */
export async function setPolicy(dataDir: string, levels: readonly PriorityLevel[]): Promise<void> {
  await withCore(dataDir, (core) => perform(core, 'policy.update', { levels }));
}

/**
 * Records attempts at reaching people (`notification.attempted`), each at its own relay time, as
 * the relay's notifier does: system events of the log, chained like any other.
 */
export function recordDeliveryAttempts(dataDir: string, attempts: readonly { readonly at: number; readonly attempt: NotificationAttempt }[]): void {
  const lock = new DataLock(dataDir);
  lock.acquire();
  const storage = new SqliteStorage(databaseFile({ dataDir }));
  try {
    for (const { at, attempt } of attempts) {
      const batch = new BatchBuilder(storage.loadState(), storage.head(), at);
      batch.append([draft('notification.attempted', attempt)], SYSTEM_ACTOR, null, null);
      storage.commit(batch.toCommit());
    }
  } finally {
    storage.close();
    lock.release();
  }
}
