/**
 * Reaching people outside the app. Every message the relay sends on the desk's behalf — an
 * e-mail to a contact, a webhook to a case tool or a pager — is a delivery with a stable id, and
 * every attempt at it is an event of the log (`notification.attempted`), so either side can show
 * who was told what, by which channel, and when.
 */

export const NOTIFICATION_CHANNELS = ['email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * Why a message was sent. `created`: a new urgent request; `deadline_soon`: five minutes before
 * a deadline; `deadline_missed`; `escalated`: a step of the escalation chain; `event`: a webhook
 * carrying an event of the log its subscriber follows; `delivery_abandoned`: the duty desk told
 * that another message was given up.
 */
export const NOTIFICATION_TRIGGERS = ['created', 'deadline_soon', 'deadline_missed', 'escalated', 'event', 'delivery_abandoned'] as const;
export type NotificationTrigger = (typeof NOTIFICATION_TRIGGERS)[number];

/**
 * `delivered`: the receiver took it (SMTP 250, HTTP 2xx); `failed`: this attempt did not, another
 * follows at `nextAttemptAt`; `abandoned`: the last attempt failed and the relay gave up.
 */
export const NOTIFICATION_OUTCOMES = ['delivered', 'failed', 'abandoned'] as const;
export type NotificationOutcome = (typeof NOTIFICATION_OUTCOMES)[number];

/** The payload of `notification.attempted`. */
export interface NotificationAttempt {
  /** The delivery's id: the same on every attempt (a webhook's `webhook-id`, a mail's Message-ID). */
  readonly deliveryId: string;
  readonly requestId: string | null;
  /** Whose record it is: the platform told (its audience), or null for the ministry's own channels. */
  readonly platformId: string | null;
  readonly channel: NotificationChannel;
  /** The e-mail address, or the webhook's name and host. */
  readonly recipient: string;
  /** The person's name for an e-mail to a contact; null otherwise. */
  readonly recipientName: string | null;
  /** Escalation level whose contact was addressed; null when not addressed by level. */
  readonly level: number | null;
  readonly trigger: NotificationTrigger;
  /** The log event that caused it, when one did (a deadline that is near is not an event). */
  readonly causeSeq: number | null;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly outcome: NotificationOutcome;
  /** What the receiver said, shortened: `250 2.0.0 queued`, `HTTP 500`, `timed out after 10 s`. */
  readonly detail: string | null;
  readonly nextAttemptAt: number | null;
}

/** Longest `detail` recorded from a receiver's answer. */
export const NOTIFICATION_DETAIL_MAX = 300;
