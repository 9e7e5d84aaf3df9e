import { newId, type PriorityLevel } from '@contact-desk/shared';
import { perform } from '../../apps/relay/src/cli/admin-actions';
import { withCore } from '../../apps/relay/src/cli/open-core';

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
