import type { DeliveriesRequest, DeliveriesResponse, DeliveryStatus, DeliverySummary } from '@contact-desk/shared';

/**
 * The relay's outbox (docs/decisions/0008): every message it will send outside — an e-mail, a
 * webhook — is a row written in the same transaction as the events that called for it, then
 * delivered by the sender off the commit path, at least once, under the same id every time.
 * What the prefect's delivery log shows of a row is stated once, in the protocol's DeliverySummary.
 */
export interface NewDelivery extends Pick<
  DeliverySummary,
  'channel' | 'target' | 'targetName' | 'requestId' | 'ref' | 'platformId' | 'trigger' | 'topic' | 'createdAt'
> {
  /** UUIDv7: a webhook's `webhook-id`, a mail's Message-ID, on every attempt. */
  readonly id: string;
  readonly level: number | null;
  readonly causeSeq: number | null;
  /** What is sent, fixed at enqueue: the HTTP body, or the mail as JSON `{ subject, text, html }`. */
  readonly body: string;
  /** A webhook's path after its address (Opsgenie's acknowledge and close); null otherwise. */
  readonly path: string | null;
  /** Planned once whatever happens (a deadline that is near): a second row with the key is not written. */
  readonly dedupKey: string | null;
  /** Deliveries sharing a key go out in the order they were planned (a pager's trigger before its resolve). */
  readonly orderKey: string | null;
  readonly nextAttemptAt: number;
}

export interface DeliveryRecord extends NewDelivery, Pick<DeliverySummary, 'status' | 'attempts' | 'lastAttemptAt' | 'lastDetail'> {}

/** Where a delivery stands after an attempt (or after being dropped unsent). */
export interface DeliveryUpdate {
  readonly id: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: number | null;
  readonly lastAttemptAt: number | null;
  readonly lastDetail: string | null;
}

/** A webhook's signing secret or pager key, sealed (AES-256-GCM) with the data folder's key. */
export interface SealedSecret {
  readonly webhookId: string;
  readonly version: number;
  readonly sealed: string;
  readonly createdAt: number;
}

/** What an outbox commit writes, beside the events. */
export interface OutboxWrites {
  readonly deliveries: readonly NewDelivery[];
  readonly deliveryUpdates: readonly DeliveryUpdate[];
  readonly webhookSecrets: readonly SealedSecret[];
}

/** Reading the outbox: the sender's due rows, the prefect's delivery log, the sealed secrets. */
export interface OutboxStore {
  /**
   * Pending deliveries due at `now`, oldest due first, each the first of its order key still
   * pending; without the ids in flight and the targets that have all the tries they may have.
   */
  dueDeliveries(now: number, limit: number, skipIds: readonly string[], skipTargets: readonly string[]): Promise<DeliveryRecord[]>;
  deliveryPage(query: DeliveriesRequest): Promise<Extract<DeliveriesResponse, { ok: true }>>;
  /** The current secret of a webhook. */
  webhookSecret(webhookId: string): Promise<SealedSecret | undefined>;
  /** Deliveries by status, for tests and the CLI. */
  deliveryCounts(): Promise<Readonly<Record<DeliveryStatus, number>>>;
}
