import { newId, parseMutation, type MutationResult, type MutationType, type User } from '@contact-desk/shared';
import type { RelayCore } from '../core/relay-core.js';
import type { AdminChannel } from './admin-channel.js';
import type { Session } from '../core/session.js';

/** Runs one mutation through the same validation and decision as the wire; throws if refused. */
export async function perform(
  core: RelayCore,
  type: MutationType,
  args: unknown,
  session: Session = core.adminSession(),
  clientTime: number | null = null,
): Promise<Extract<MutationResult, { status: 'accepted' }>> {
  const parsed = parseMutation({ mutationId: newId(), type, args, clientTime });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const [result] = await core.submit(session, [parsed.value]);
  if (!result) throw new Error('the relay gave no answer');
  if (result.status === 'rejected') throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

/** Finds a user by id, e-mail or exact name. */
export function findUser(admin: AdminChannel, key: string): User {
  const lowered = key.toLowerCase();
  for (const user of admin.view().users.values()) {
    if (user.id === key || user.email?.toLowerCase() === lowered || user.name.toLowerCase() === lowered) return user;
  }
  throw new Error(`no user "${key}"`);
}

export interface IssuedCode {
  readonly user: User;
  readonly code: string;
  readonly expiresAt: number;
}

export async function issueCode(admin: AdminChannel, user: User): Promise<IssuedCode> {
  const result = await admin.perform('user.issueEnrollmentCode', { userId: user.id });
  const code = result.data?.enrollmentCode;
  if (!code) throw new Error('no enrollment code was issued');
  return { user, code, expiresAt: result.data?.enrollmentExpiresAt ?? 0 };
}

/** Plain aligned columns for the terminal. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
