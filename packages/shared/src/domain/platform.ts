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
  /**
   * The web domains whose addresses are this platform's content (a domain covers its
   * subdomains). Absent until the prefect sets them: read them through `domainsOf`.
   */
  readonly domains?: readonly string[];
  readonly createdAt: number;
}

export function mailDetailOf(platform: Platform): MailDetail {
  return platform.mailDetail ?? 'minimal';
}

/** How many domains one platform may list. */
export const DOMAINS_PER_PLATFORM = 50;

const DOMAIN_PATTERN = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.[a-z]{2,63}$/;

/**
 * A web domain as a platform lists it: lower case, without scheme, path or port, and without the
 * `www.`, `m.` or `mobile.` that addresses lose when they are compared (`normalizeLocation`).
 */
export const platformDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .transform((domain) => domain.replace(/^(www|m|mobile)\./, ''))
  .pipe(z.string().regex(DOMAIN_PATTERN, 'a domain such as youtube.com, without https:// or a path'));

export const platformDomainsSchema = z
  .array(platformDomainSchema)
  .max(DOMAINS_PER_PLATFORM)
  .refine((domains) => new Set(domains).size === domains.length, { message: 'a domain is listed twice' });

export const platformFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    kind: platformKindSchema,
    backupLiaisonId: entityIdSchema.nullable(),
    escalationContact: escalationContactSchema.nullable(),
    active: z.boolean(),
    mailDetail: mailDetailSchema,
    domains: platformDomainsSchema,
  })
  .strict();

export { platformIdSchema };
