import { z } from 'zod';
import { priorityLabelSchema } from './policy.js';

/**
 * How a platform's own tools (case tool, pager) — or the ministry's — hear from the desk and act
 * on it: signed webhooks the relay sends, and API keys the relay accepts. Secrets never enter
 * the log: the relay keeps them apart (webhook secrets encrypted, API keys as hashes).
 */

/**
 * `standard`: Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), signed
 * with a secret the relay makes. `pagerduty`: PagerDuty Events API v2 with the service's routing
 * key. `opsgenie`: Opsgenie Alert API with an API integration key.
 */
export const WEBHOOK_PRESETS = ['standard', 'pagerduty', 'opsgenie'] as const;
export const webhookPresetSchema = z.enum(WEBHOOK_PRESETS);
export type WebhookPreset = z.infer<typeof webhookPresetSchema>;

/** What a standard webhook can subscribe to: the request's events, plus "a deadline is near". */
export const WEBHOOK_TOPICS = [
  'request.created',
  'request.edited',
  'request.acknowledged',
  'request.infoRequested',
  'request.infoProvided',
  'request.answered',
  'request.contested',
  'request.withdrawn',
  'request.closed',
  'request.reopened',
  'request.assigned',
  'request.escalated',
  'request.deadlineSoon',
  'request.deadlineMissed',
  'comment.added',
] as const;
export const webhookTopicSchema = z.enum(WEBHOOK_TOPICS);

/**
 * What a webhook follows when created without topics: every step of a request and its clock,
 * but not the conversation (`comment.added`) nor who took the request (`request.assigned`),
 * the two that come by the dozen per request; a subscriber asks for them by name.
 */
export const DEFAULT_WEBHOOK_TOPICS: readonly WebhookTopic[] = WEBHOOK_TOPICS.filter(
  (topic) => topic !== 'comment.added' && topic !== 'request.assigned',
);
export type WebhookTopic = z.infer<typeof webhookTopicSchema>;

/** Where the pager presets send when no address is given. */
export const PRESET_URLS: Readonly<Record<Exclude<WebhookPreset, 'standard'>, string>> = {
  pagerduty: 'https://events.pagerduty.com/v2/enqueue',
  opsgenie: 'https://api.opsgenie.com',
};

/** An address the relay may send to: http or https, no credentials in it. */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
      } catch {
        return false;
      }
    },
    { message: 'must be an http or https address without user or password' },
  );

/** A routing key (PagerDuty) or API key (Opsgenie) the platform gives for its pager. */
export const presetKeySchema = z
  .string()
  .trim()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces');

export interface Webhook {
  readonly type: 'webhook';
  readonly id: string;
  /** The platform whose events it carries; null for the ministry's webhook (every platform). */
  readonly platformId: string | null;
  readonly name: string;
  readonly url: string;
  readonly preset: WebhookPreset;
  /** Standard webhooks: the topics sent. Pager presets follow their own rules (docs/integrations.md). */
  readonly topics: readonly WebhookTopic[];
  /** Priorities that page (pager presets) or are sent at all (standard); empty for every priority. */
  readonly priorities: readonly string[];
  readonly active: boolean;
  /** Bumped when the secret is replaced, so the record shows when it changed. */
  readonly secretVersion: number;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly updatedAt: number;
  readonly removedAt: number | null;
}

export const API_KEY_SCOPES = ['read', 'act'] as const;
export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

export interface ApiKey {
  readonly type: 'apiKey';
  readonly id: string;
  readonly platformId: string;
  readonly name: string;
  /** `read`: list and read requests; `act`: also acknowledge, answer, ask, contest, comment. */
  readonly scope: ApiKeyScope;
  /** The key's public start (`cdk_live_ab12cd34`), to recognise it; the rest is never stored. */
  readonly prefix: string;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly revokedAt: number | null;
}

export type Integration = Webhook | ApiKey;

export const integrationNameSchema = z.string().trim().min(1).max(80);
export const webhookPrioritiesSchema = z.array(priorityLabelSchema).max(12);

/** The actor id an API key acts under in the log: `apikey:<id>`. */
export function apiKeyActorId(apiKeyId: string): string {
  return `apikey:${apiKeyId}`;
}

/** Whether a webhook is live: active and not removed. */
export function isLiveWebhook(webhook: Webhook): boolean {
  return webhook.active && webhook.removedAt === null;
}
