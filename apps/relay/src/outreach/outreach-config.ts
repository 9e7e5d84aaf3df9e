import { emailSchema, priorityLabelSchema, webhookUrlSchema } from '@contact-desk/shared';
import { secretSetting, SettingError, textSetting, type Environment } from '../config-setting.js';

/** How the relay reaches people and tools outside the app (docs/integrations.md). */
export interface OutreachConfig {
  /** The SMTP server (`smtp://…`, `smtps://…`, credentials in the URL); null: no e-mail is sent. */
  readonly smtpUrl: string | null;
  /** The mails' sender, e.g. `Contact Desk <contact-desk@interieur.gouv.fr>`. */
  readonly mailFrom: string;
  /** The ministry's duty address: told of every missed deadline of `dutyPriorities` and of every delivery given up. */
  readonly dutyEmail: string | null;
  /** The address of the web client, for the link in mails and pager incidents; null: no link. */
  readonly appUrl: string | null;
  /** New requests of these priorities are mailed to the platform's liaisons. */
  readonly mailPriorities: readonly string[];
  /** Missed deadlines of these priorities are mailed to the duty address too. */
  readonly dutyPriorities: readonly string[];
  /** How long before a deadline "deadline soon" goes out. */
  readonly deadlineSoonMs: number;
  /** One attempt's limit (connect, send, answer). */
  readonly timeoutMs: number;
  /** After this long since it was planned, a delivery that still fails is given up. */
  readonly giveUpMs: number;
  /** Retries wait a random time up to `retryBaseMs · 2^(attempt−1)`, at most `retryMaxMs`. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Deliveries in flight at once, in all and per target (address or webhook). */
  readonly concurrency: number;
  readonly perTargetConcurrency: number;
  /** How often the sender looks for retries that fell due; 0: only when woken (tests drain it). */
  readonly pollMs: number;
}

export const DEFAULT_OUTREACH: OutreachConfig = {
  smtpUrl: null,
  mailFrom: 'Contact Desk <contact-desk@localhost>',
  dutyEmail: null,
  appUrl: null,
  mailPriorities: ['P0', 'P1'],
  dutyPriorities: ['P0'],
  deadlineSoonMs: 5 * 60_000,
  timeoutMs: 10_000,
  giveUpMs: 24 * 3_600_000,
  retryBaseMs: 5_000,
  retryMaxMs: 10 * 60_000,
  concurrency: 16,
  perTargetConcurrency: 2,
  pollMs: 1_000,
};

const NUMBERS: Partial<Record<keyof OutreachConfig, string>> = {
  timeoutMs: 'CONTACT_DESK_DELIVERY_TIMEOUT_MS',
  giveUpMs: 'CONTACT_DESK_DELIVERY_GIVE_UP_MS',
  retryBaseMs: 'CONTACT_DESK_DELIVERY_RETRY_BASE_MS',
  retryMaxMs: 'CONTACT_DESK_DELIVERY_RETRY_MAX_MS',
  concurrency: 'CONTACT_DESK_DELIVERY_CONCURRENCY',
  perTargetConcurrency: 'CONTACT_DESK_DELIVERY_PER_TARGET_CONCURRENCY',
  deadlineSoonMs: 'CONTACT_DESK_DEADLINE_SOON_MS',
};

/** Lists of priority labels (`P0,P1`); `none` for none (empty is unset, as everywhere). */
const PRIORITY_LISTS: Partial<Record<keyof OutreachConfig, string>> = {
  mailPriorities: 'CONTACT_DESK_MAIL_PRIORITIES',
  dutyPriorities: 'CONTACT_DESK_DUTY_PRIORITIES',
};

function checked<T>(value: string, variable: string, parse: (text: string) => { success: boolean; data?: T }): T {
  const result = parse(value);
  if (!result.success) throw new SettingError(variable, `invalid ${variable}`);
  return result.data as T;
}

/**
 * Outreach settings from `CONTACT_DESK_*` variables over the defaults (the SMTP URL, which may
 * hold a password, also from the file `CONTACT_DESK_SMTP_URL_FILE` names, `none` for no e-mail);
 * refuses values it cannot use.
 */
export function resolveOutreach(env: Environment = process.env): OutreachConfig {
  const text = (name: string) => textSetting(env, name);
  const config: { -readonly [K in keyof OutreachConfig]: OutreachConfig[K] } = { ...DEFAULT_OUTREACH };
  const smtpUrl = secretSetting(env, 'CONTACT_DESK_SMTP_URL');
  // `none`: what the systemd unit's default credential says when no SMTP URL was given.
  if (smtpUrl !== undefined && smtpUrl !== 'none') {
    if (!/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
      throw new SettingError('CONTACT_DESK_SMTP_URL', 'invalid CONTACT_DESK_SMTP_URL: must be smtp:// or smtps://');
    config.smtpUrl = smtpUrl;
  }
  config.mailFrom = text('CONTACT_DESK_MAIL_FROM') ?? config.mailFrom;
  const duty = text('CONTACT_DESK_DUTY_EMAIL');
  if (duty !== undefined) config.dutyEmail = checked(duty, 'CONTACT_DESK_DUTY_EMAIL', (v) => emailSchema.safeParse(v));
  const appUrl = text('CONTACT_DESK_APP_URL');
  if (appUrl !== undefined) config.appUrl = checked(appUrl, 'CONTACT_DESK_APP_URL', (v) => webhookUrlSchema.safeParse(v));
  for (const [key, variable] of Object.entries(NUMBERS) as [keyof OutreachConfig, string][]) {
    const raw = text(variable);
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new SettingError(variable, `invalid ${variable}: ${raw}`);
    (config as Record<string, unknown>)[key] = value;
  }
  for (const [key, variable] of Object.entries(PRIORITY_LISTS) as [keyof OutreachConfig, string][]) {
    const raw = text(variable);
    if (raw === undefined) continue;
    const labels =
      raw === 'none'
        ? []
        : raw
            .split(',')
            .map((label) => label.trim())
            .filter(Boolean);
    (config as Record<string, unknown>)[key] = labels.map((label) => checked(label, variable, (v) => priorityLabelSchema.safeParse(v)));
  }
  return config;
}
