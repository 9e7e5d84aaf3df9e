import type { Platform } from '../domain/platform.js';
import { ESCALATION_TARGETS, type EscalationTarget } from '../domain/request.js';
import type { User } from '../domain/user.js';

/** Someone the desk can reach about a request: a user of the desk, or a platform's manager contact. */
export interface ContactPerson {
  /** The desk user, when the contact is one (liaisons, backup, prefects); null for a manager contact. */
  readonly userId: string | null;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
}

/** The people of one escalation level, and what the level is. */
export interface LevelContacts {
  readonly level: number;
  readonly target: EscalationTarget | 'liaisons';
  readonly people: readonly ContactPerson[];
}

/** What contact lookups read: the users and platforms of a state. */
export interface ContactDirectory {
  readonly users: ReadonlyMap<string, User>;
  readonly platforms: ReadonlyMap<string, Platform>;
}

function person(user: User): ContactPerson {
  return { userId: user.id, name: user.name, email: user.email, phone: user.phone ?? null };
}

function activeUsers(directory: ContactDirectory, keep: (user: User) => boolean): ContactPerson[] {
  const people: ContactPerson[] = [];
  for (const user of directory.users.values()) if (user.revokedAt === null && keep(user)) people.push(person(user));
  return people.sort((a, b) => a.name.localeCompare(b.name));
}

/** The platform's active backup liaison, if it has one. */
function backupOf(directory: ContactDirectory, platform: Platform): User | undefined {
  const backup = platform.backupLiaisonId === null ? undefined : directory.users.get(platform.backupLiaisonId);
  return backup && backup.revokedAt === null && backup.platformId === platform.id ? backup : undefined;
}

/**
 * Who to reach at an escalation level of a platform's request (docs/domain.md, "Reaching people"):
 * 0 the platform's liaisons, 1 its backup liaison, 2 its manager contact, 3 the ministry's
 * prefects. A level nobody was named for has no people: the desk says so rather than guess.
 */
export function contactsAt(directory: ContactDirectory, platformId: string, level: number): LevelContacts {
  const platform = directory.platforms.get(platformId);
  if (level <= 0) {
    return {
      level: 0,
      target: 'liaisons',
      people: activeUsers(directory, (user) => user.role === 'liaison' && user.platformId === platformId),
    };
  }
  const target = ESCALATION_TARGETS[Math.min(level, ESCALATION_TARGETS.length - 1)] ?? 'prefect';
  switch (target) {
    case 'backup_liaison': {
      const backup = platform && backupOf(directory, platform);
      return { level, target, people: backup ? [person(backup)] : [] };
    }
    case 'platform_manager': {
      const manager = platform?.escalationContact;
      return {
        level,
        target,
        people: manager ? [{ userId: null, name: manager.name, email: manager.email, phone: manager.phone }] : [],
      };
    }
    default:
      return { level, target: 'prefect', people: activeUsers(directory, (user) => user.role === 'prefect') };
  }
}

/** What a manual escalation reads of a platform: whether each of its chain's levels names someone. */
export interface ChainReader {
  user(id: string): User | undefined;
}

/**
 * The level a manual escalation moves a request to: the next level of the platform's own chain
 * that names someone (1 backup liaison, 2 manager contact). Never the ministry's level 3: the
 * ministry presses the button, so going to the ministry would send the request back to itself;
 * that level is reached by the deadline watcher alone. Undefined when no level above is named.
 */
export function nextManualLevel(platform: Platform, read: ChainReader, current: number): 1 | 2 | undefined {
  const backup = platform.backupLiaisonId === null ? undefined : read.user(platform.backupLiaisonId);
  const hasBackup = backup !== undefined && backup.revokedAt === null && backup.platformId === platform.id;
  if (current < 1 && hasBackup) return 1;
  if (current < 2 && platform.escalationContact !== null) return 2;
  return undefined;
}
