import { z } from 'zod';
import { entityIdSchema, platformIdSchema } from './ids.js';
import { emailSchema, personNameSchema } from './user.js';

/** A member organisation of the contact group. */
export const PLATFORM_KINDS = ['platform', 'access_provider', 'search_engine'] as const;
export const platformKindSchema = z.enum(PLATFORM_KINDS);
export type PlatformKind = z.infer<typeof platformKindSchema>;

export const escalationContactSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema.nullable().default(null),
    phone: z.string().trim().max(40).nullable().default(null),
  })
  .strict();
export type EscalationContact = z.infer<typeof escalationContactSchema>;

export interface Platform {
  readonly id: string;
  readonly name: string;
  readonly kind: PlatformKind;
  /** The liaison who takes over when the main liaisons miss a deadline. */
  readonly backupLiaisonId: string | null;
  /** The platform's manager contact: second step of the escalation chain. */
  readonly escalationContact: EscalationContact | null;
  readonly active: boolean;
  readonly createdAt: number;
}

export const platformFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    kind: platformKindSchema,
    backupLiaisonId: entityIdSchema.nullable(),
    escalationContact: escalationContactSchema.nullable(),
    active: z.boolean(),
  })
  .strict();

export { platformIdSchema };
