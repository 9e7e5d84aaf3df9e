import { z } from 'zod';
import { entityIdSchema, platformIdSchema } from './ids.js';
import { emailSchema, personNameSchema, phoneSchema } from './user.js';

/** A member organisation of the contact group. */
export const PLATFORM_KINDS = ['platform', 'access_provider', 'search_engine'] as const;
export const platformKindSchema = z.enum(PLATFORM_KINDS);
export type PlatformKind = z.infer<typeof platformKindSchema>;

export const escalationContactSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema.nullable().default(null),
    phone: phoneSchema.nullable().default(null),
  })
  .strict();
export type EscalationContact = z.infer<typeof escalationContactSchema>;

/**
 * What an e-mail about a request may say. `minimal` (the default): reference, priority, platform,
 * deadline and a link — mail crosses networks nobody controls. `full`: also the content locations
 * and the grounds, for a platform whose mail stays on networks it trusts.
 */
export const MAIL_DETAILS = ['minimal', 'full'] as const;
export const mailDetailSchema = z.enum(MAIL_DETAILS);
export type MailDetail = z.infer<typeof mailDetailSchema>;

export interface Platform {
  readonly id: string;
  readonly name: string;
  readonly kind: PlatformKind;
  /** The liaison who takes over when the main liaisons miss a deadline. */
  readonly backupLiaisonId: string | null;
  /** The platform's manager contact: second step of the escalation chain. */
  readonly escalationContact: EscalationContact | null;
  readonly active: boolean;
  /** Absent on platforms recorded before the setting existed: read it through `mailDetailOf`. */
  readonly mailDetail?: MailDetail;
  readonly createdAt: number;
}

export function mailDetailOf(platform: Platform): MailDetail {
  return platform.mailDetail ?? 'minimal';
}

export const platformFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    kind: platformKindSchema,
    backupLiaisonId: entityIdSchema.nullable(),
    escalationContact: escalationContactSchema.nullable(),
    active: z.boolean(),
    mailDetail: mailDetailSchema,
  })
  .strict();

export { platformIdSchema };
