import { z } from 'zod';

/** Who uses Contact Desk (see docs/domain.md). */
export const ROLES = ['prefect', 'operator', 'liaison', 'observer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles that belong to the ministry side and see every platform. */
export const MINISTRY_ROLES: readonly Role[] = ['prefect', 'operator', 'observer'];

export function isMinistryRole(role: Role | 'system'): boolean {
  return role === 'system' || (MINISTRY_ROLES as readonly string[]).includes(role);
}
