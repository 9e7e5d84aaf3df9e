import type { User } from '@contact-desk/shared';
import type { AdminChannel } from './admin-channel.js';
import { issueCode, table } from './admin-actions.js';

/** Issues fresh one-time codes for one user of each role (and one liaison per platform). */
export async function printCodes(admin: AdminChannel, out: (text: string) => void, json = false): Promise<void> {
  const view = admin.view();
  const users = [...view.users.values()].filter((user) => user.revokedAt === null);
  const chosen: User[] = [];
  for (const role of ['prefect', 'operator', 'observer'] as const) {
    const user = users.find((candidate) => candidate.role === role);
    if (user) chosen.push(user);
  }
  for (const platform of view.platforms.values()) {
    const user = users.find((candidate) => candidate.role === 'liaison' && candidate.platformId === platform.id);
    if (user) chosen.push(user);
  }
  const rows: string[][] = [['NAME', 'ROLE', 'PLATFORM', 'ENROLLMENT CODE']];
  const issuedCodes: { name: string; role: string; platformId: string | null; code: string }[] = [];
  for (const user of chosen) {
    const issued = await issueCode(admin, user);
    rows.push([user.name, user.role, user.platformId ?? '', issued.code]);
    issuedCodes.push({ name: user.name, role: user.role, platformId: user.platformId, code: issued.code });
  }
  if (json) {
    out(JSON.stringify({ requests: view.requests.size, events: view.lastSeq, codes: issuedCodes }));
    return;
  }
  out(`Contact Desk demo: ${view.requests.size} requests, ${view.lastSeq} events in the log.`);
  out('One-time enrollment codes (each valid once, for 72 hours):');
  out(table(rows));
}
