import { z } from 'zod';
import { entityIdSchema, platformIdSchema } from './ids.js';
import { roleSchema, type Role } from './roles.js';

export const personNameSchema = z.string().trim().min(1).max(120);
export const emailSchema = z.email().max(254);
export const teamSchema = z.string().trim().min(1).max(80);
/** A phone number as people write it: digits, spaces, `+`, dots, dashes and parentheses. */
export const phoneSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[+0-9 ().-]+$/, 'must be a phone number (digits, spaces, + . - ( ))');

export interface User {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly role: Role;
  /** The platform a liaison speaks for; null for ministry roles. */
  readonly platformId: string | null;
  /** The ministry team of an operator (e.g. "PHAROS"), free text. */
  readonly team: string | null;
  /** How to reach them by phone when escalated to; absent on users recorded before it existed. */
  readonly phone?: string | null;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

export interface Device {
  readonly id: string;
  readonly userId: string;
  readonly label: string;
  readonly enrolledAt: number;
  readonly revokedAt: number | null;
}

/** Who performed an event, as recorded in the log at that moment. */
export interface Actor {
  readonly userId: string;
  readonly name: string;
  readonly role: Role | 'system';
  readonly platformId: string | null;
  readonly deviceId: string | null;
}

export const SYSTEM_ACTOR: Actor = {
  userId: 'system',
  name: 'Contact Desk relay',
  role: 'system',
  platformId: null,
  deviceId: null,
};

export function actorOf(user: User, deviceId: string | null): Actor {
  return { userId: user.id, name: user.name, role: user.role, platformId: user.platformId, deviceId };
}

export const newUserSchema = z
  .object({
    userId: entityIdSchema,
    name: personNameSchema,
    email: emailSchema.nullable().default(null),
    role: roleSchema,
    platformId: platformIdSchema.nullable().default(null),
    team: teamSchema.nullable().default(null),
    phone: phoneSchema.nullable().default(null),
  })
  .strict()
  .refine((user) => (user.role === 'liaison') === (user.platformId !== null), {
    message: 'a liaison must name their platform, and only a liaison may',
    path: ['platformId'],
  });
