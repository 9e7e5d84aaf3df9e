import type { Audience, LoggedEvent, NotificationTrigger, Platform, Request, WebhookTopic } from '@contact-desk/shared';

/** A deadline of a request: acknowledgement or action. */
export interface Deadline {
  readonly step: 'ack' | 'action';
  readonly at: number;
}

/**
 * Something about a request that may call for messages: an event of the log, or a deadline that
 * is near (which is not an event). What each channel sends is planned from it.
 */
export interface Occasion {
  readonly request: Request;
  readonly platform: Platform | undefined;
  readonly trigger: NotificationTrigger;
  /** The webhook topic it is, if any (`request.deadlineSoon` for a deadline that is near). */
  readonly topic: WebhookTopic | null;
  /** The event that caused it; null for a deadline that is near. */
  readonly event: LoggedEvent | null;
  /** Who may see it: a platform's webhook gets only what its platform may see. */
  readonly audience: Audience;
  /** The request's escalation level at that moment (the new level for an escalation). */
  readonly level: number;
  /** The deadline it is about (near, missed), if any. */
  readonly deadline: Deadline | null;
  readonly at: number;
}
