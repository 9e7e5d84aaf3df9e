import { actorOf } from '@contact-desk/shared';
import type { Session } from './session.js';

/**
 * The local administrator's session (the relay CLI, run by whoever holds the data file): acts
 * with the prefect's rights, recorded in the log under its own name.
 */
export function adminSession(): Session {
  const user = {
    id: 'relay-admin',
    name: 'Relay administrator (CLI)',
    email: null,
    role: 'prefect' as const,
    platformId: null,
    team: null,
    createdAt: 0,
    revokedAt: null,
  };
  return {
    user,
    device: { id: 'cli', userId: user.id, label: 'relay CLI', enrolledAt: 0, revokedAt: null },
    actor: { ...actorOf(user, null) },
  };
}
