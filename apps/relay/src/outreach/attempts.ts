import {
  draft,
  NOTIFICATION_DETAIL_MAX,
  SYSTEM_ACTOR,
  type NotificationAttempt,
  type NotificationOutcome,
  type ReadModel,
} from '@contact-desk/shared';
import type { BatchBuilder } from '../core/batch-builder.js';
import type { DeliveryRecord, NewDelivery } from '../storage/outbox-store.js';
import { abandonedMail } from './mail-content.js';
import { requestLink, type PlanSettings } from './plan-context.js';

/** What the sender reports of one delivery: an attempt and its outcome, or a delivery dropped unsent. */
export interface AttemptOutcome {
  readonly delivery: DeliveryRecord;
  /** `dropped`: not sent because its webhook was removed or switched off; no attempt is recorded. */
  readonly outcome: NotificationOutcome | 'dropped';
  readonly detail: string | null;
  readonly attemptedAt: number;
  readonly nextAttemptAt: number | null;
}

/** Prefix of the dedup key of the mail telling the duty desk a delivery was given up. */
const GIVE_UP_ALERT = 'giveup:';

/** How the log names a delivery's recipient: the address, or the webhook's name and host. */
function recipientOf(delivery: DeliveryRecord, read: ReadModel): string {
  if (delivery.channel === 'email') return delivery.target;
  const hook = read.integration(delivery.target);
  const name = delivery.targetName ?? delivery.target;
  if (hook?.type !== 'webhook') return name;
  try {
    return `${name} (${new URL(hook.url).host})`;
  } catch {
    return name;
  }
}

/**
 * Records one attempt in the batch: the `notification.attempted` event (on the request's
 * timeline, seen by whoever's record it is) and the delivery's new state, in one transaction.
 * A delivery given up is also mailed to the duty address, unless it was to that address.
 */
export function recordAttempt(batch: BatchBuilder, outcome: AttemptOutcome, settings: PlanSettings, newId: () => string): void {
  const { delivery } = outcome;
  const detail = outcome.detail === null ? null : outcome.detail.slice(0, NOTIFICATION_DETAIL_MAX);
  if (outcome.outcome === 'dropped') {
    batch.deliveryUpdates.push({
      id: delivery.id,
      status: 'abandoned',
      attempts: delivery.attempts,
      nextAttemptAt: null,
      lastAttemptAt: delivery.lastAttemptAt,
      lastDetail: detail,
    });
    return;
  }
  const attempt: NotificationAttempt = {
    deliveryId: delivery.id,
    requestId: delivery.requestId,
    platformId: delivery.platformId,
    channel: delivery.channel,
    recipient: recipientOf(delivery, batch.draft),
    recipientName: delivery.channel === 'email' ? delivery.targetName : null,
    level: delivery.level,
    trigger: delivery.trigger,
    causeSeq: delivery.causeSeq,
    attempt: delivery.attempts + 1,
    outcome: outcome.outcome,
    detail,
    nextAttemptAt: outcome.outcome === 'failed' ? outcome.nextAttemptAt : null,
  };
  batch.append([draft('notification.attempted', attempt)], SYSTEM_ACTOR, null, null);
  batch.deliveryUpdates.push({
    id: delivery.id,
    status: outcome.outcome === 'failed' ? 'pending' : outcome.outcome,
    attempts: attempt.attempt,
    nextAttemptAt: attempt.nextAttemptAt,
    lastAttemptAt: outcome.attemptedAt,
    lastDetail: detail,
  });
  if (outcome.outcome === 'abandoned') alertDutyDesk(batch, delivery, attempt, settings, newId);
}

function alertDutyDesk(
  batch: BatchBuilder,
  delivery: DeliveryRecord,
  attempt: NotificationAttempt,
  settings: PlanSettings,
  newId: () => string,
): void {
  const duty = settings.dutyEmail;
  const isAlert = delivery.dedupKey?.startsWith(GIVE_UP_ALERT) ?? false;
  if (!settings.mail || duty === null || isAlert || delivery.target.toLowerCase() === duty.toLowerCase()) return;
  const content = abandonedMail(
    {
      deliveryId: delivery.id,
      channel: delivery.channel,
      recipient: attempt.recipient,
      ref: delivery.ref,
      attempts: attempt.attempt,
      firstAt: delivery.createdAt,
      lastDetail: attempt.detail,
    },
    delivery.requestId === null ? null : requestLink(settings, delivery.requestId),
  );
  const alert: NewDelivery = {
    id: newId(),
    channel: 'email',
    target: duty,
    targetName: null,
    requestId: delivery.requestId,
    ref: delivery.ref,
    platformId: null,
    level: null,
    trigger: 'delivery_abandoned',
    topic: null,
    causeSeq: batch.lastSeq,
    body: JSON.stringify(content),
    path: null,
    dedupKey: `${GIVE_UP_ALERT}${delivery.id}`,
    orderKey: null,
    createdAt: batch.now,
    nextAttemptAt: batch.now,
  };
  batch.deliveries.push(alert);
}
