import type { ContactDirectory, ReadModel } from '@contact-desk/shared';
import type { NewDelivery } from '../storage/outbox-store.js';
import type { Occasion } from './occasion.js';
import type { OutreachConfig } from './outreach-config.js';
import type { WebhookIndex } from './webhook-index.js';

/** The settings planning reads; e-mail is planned only when the relay has an SMTP server. */
export type PlanSettings = Pick<OutreachConfig, 'dutyEmail' | 'appUrl' | 'mailPriorities' | 'dutyPriorities'> & {
  readonly mail: boolean;
};

/** What planning reads: the state once the batch is applied, and the live webhooks. */
export interface PlanContext {
  readonly settings: PlanSettings;
  readonly webhooks: WebhookIndex;
  readonly read: ReadModel;
  /** Users and platforms, for the contacts of each escalation level (merged on first use). */
  readonly directory: () => ContactDirectory;
  readonly newId: () => string;
}

/** Where a request opens in the web client, when the relay knows its address. */
export function requestLink(settings: PlanSettings, requestId: string): string | null {
  return settings.appUrl === null ? null : `${settings.appUrl.replace(/\/+$/, '')}/#/request/${requestId}`;
}

/** The columns every delivery of an occasion shares. */
export function deliveryOf(
  occasion: Occasion,
  ctx: PlanContext,
  fields: Pick<NewDelivery, 'channel' | 'target' | 'targetName' | 'platformId' | 'level' | 'trigger' | 'topic' | 'body'> &
    Partial<Pick<NewDelivery, 'path' | 'dedupKey' | 'orderKey'>>,
): NewDelivery {
  return {
    id: ctx.newId(),
    requestId: occasion.request.id,
    ref: occasion.request.ref,
    causeSeq: occasion.event?.seq ?? null,
    createdAt: occasion.at,
    nextAttemptAt: occasion.at,
    path: null,
    dedupKey: null,
    orderKey: null,
    ...fields,
  };
}
