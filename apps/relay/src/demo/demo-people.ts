import { newId, type User } from '@contact-desk/shared';
import { perform } from '../cli/admin-actions.js';
import type { RelayCore } from '../core/relay-core.js';
import type { Session } from '../core/session.js';
import type { DemoData } from './demo-data.js';

export interface DemoPeople {
  readonly prefect: Session;
  readonly operators: readonly Session[];
  readonly observer: User;
  /** Main and backup liaison of each platform, each with an enrolled device. */
  readonly liaisons: ReadonlyMap<string, readonly [Session, Session]>;
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
}

/** Creates a user and enrolls one device for them, as a real user would with their code. */
async function createEnrolled(
  core: RelayCore,
  args: { name: string; email: string; role: string; platformId: string | null; team: string | null },
  deviceLabel: string,
): Promise<Session> {
  const userId = newId();
  const created = await perform(core, 'user.create', { userId, ...args });
  const code = created.data?.enrollmentCode;
  if (!code) throw new Error('no enrollment code issued');
  const enrolled = await core.enroll(code, deviceLabel);
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  const session = await core.authenticate(enrolled.token);
  if ('code' in session) throw new Error(session.message);
  return session;
}

/** Platforms, the ministry's people and two liaisons per platform, with escalation contacts. */
export async function createDemoPeople(core: RelayCore, data: DemoData): Promise<DemoPeople> {
  for (const platform of data.platforms) {
    await perform(core, 'platform.create', { platformId: platform.id, name: platform.name, kind: platform.kind });
  }
  const { prefect, operators, observer } = data.ministry;
  const prefectSession = await createEnrolled(core, { ...prefect, role: 'prefect', platformId: null }, 'Poste préfecture');
  const operatorSessions: Session[] = [];
  for (const operator of operators) {
    operatorSessions.push(await createEnrolled(core, { ...operator, role: 'operator', platformId: null }, 'Poste PHAROS'));
  }
  const observerSession = await createEnrolled(core, { ...observer, role: 'observer', platformId: null }, 'Poste Arcom');
  const liaisons = new Map<string, readonly [Session, Session]>();
  for (const [index, platform] of data.platforms.entries()) {
    const [mainName, backupName] = data.liaisonNames[index] ?? ['Liaison', 'Backup'];
    const domain = platform.domain || `${platform.id}.example`;
    const make = (name: string) =>
      createEnrolled(
        core,
        { name, email: `${slug(name)}@${domain.replace(/\.com$/, '.example')}`, role: 'liaison', platformId: platform.id, team: null },
        `${platform.name} — laptop`,
      );
    const main = await make(mainName);
    const backup = await make(backupName);
    liaisons.set(platform.id, [main, backup]);
    const manager = data.managerNames[index] ?? 'Manager';
    await perform(core, 'platform.update', {
      platformId: platform.id,
      patch: {
        backupLiaisonId: backup.user.id,
        escalationContact: { name: manager, email: `${slug(manager)}@${domain.replace(/\.com$/, '.example')}`, phone: '+33 1 00 00 00 00' },
      },
    });
  }
  return { prefect: prefectSession, operators: operatorSessions, observer: observerSession.user, liaisons };
}
