import type { NotificationChannel, NotificationTrigger } from '../domain/notification.js';
import type { PriorityPolicy } from '../domain/policy.js';
import type { Actor } from '../domain/user.js';
import type { ProtocolError } from './errors.js';
import type { LoggedEvent } from './chain.js';

/** Bumped on any incompatible change of the wire format. */
export const PROTOCOL_VERSION = 1;

/** Socket.IO event names. */
export const CHANNELS = {
  /** client → relay, with ack: `PushRequest` → `PushResponse`. */
  push: 'push',
  /** client → relay, with ack: `PullRequest` → `PullResponse`. */
  pull: 'pull',
  /** relay → client: `LiveEvents`. */
  events: 'events',
  /** relay → client, once after connecting: `SessionInfo`. */
  session: 'session',
  /** client → relay, with ack, the prefect only: `DeliveriesRequest` → `DeliveriesResponse`. */
  deliveries: 'deliveries',
} as const;

export interface HandshakeAuth {
  readonly token: string;
  readonly protocolVersion: number;
}

export interface SessionInfo {
  readonly protocolVersion: number;
  readonly actor: Actor;
  readonly headSeq: number;
  readonly serverTime: number;
  readonly policy: PriorityPolicy;
}

/** Data returned to the author of an accepted mutation only (never broadcast). */
export interface MutationResultData {
  readonly ref?: string;
  readonly enrollmentCode?: string;
  readonly enrollmentExpiresAt?: number;
  /** A standard webhook's signing secret (`whsec_…`), shown once. */
  readonly signingSecret?: string;
  /** A new API key, shown once. */
  readonly apiKey?: string;
}

export type MutationResult =
  | {
      readonly mutationId: string;
      readonly status: 'accepted';
      readonly seqs: readonly number[];
      readonly serverTime: number;
      readonly data?: MutationResultData;
    }
  | { readonly mutationId: string; readonly status: 'rejected'; readonly error: ProtocolError };

export type PushResponse =
  { readonly ok: true; readonly results: readonly MutationResult[] } | { readonly ok: false; readonly error: ProtocolError };

export type PullResponse =
  | {
      readonly ok: true;
      readonly events: readonly LoggedEvent[];
      /** Every event this user may see with seq ≤ upToSeq is included or was before. */
      readonly upToSeq: number;
      /** Hash of the log's event at `upToSeq` (visible or not): the position a client can cite. */
      readonly upToHash: string;
      readonly hasMore: boolean;
    }
  | { readonly ok: false; readonly error: ProtocolError };

/**
 * Live events of one commit. `afterSeq` is the last seq this audience was sent before: a client
 * whose cursor is ≥ afterSeq applies the events (skipping seqs ≤ cursor) and moves its cursor to
 * `upToSeq`; a client whose cursor is < afterSeq missed something and pulls.
 */
export interface LiveEvents {
  readonly afterSeq: number;
  readonly upToSeq: number;
  /** Hash of the log's event at `upToSeq`. */
  readonly upToHash: string;
  readonly events: readonly LoggedEvent[];
}

export interface EnrollRequest {
  readonly code: string;
  readonly deviceLabel: string;
}

export type EnrollResponse =
  | { readonly ok: true; readonly token: string; readonly deviceId: string; readonly actor: Actor }
  | { readonly ok: false; readonly error: ProtocolError };

/** Where a message the relay sends outside stands: waiting (to send, or to try again), delivered, given up. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'abandoned'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One message of the relay's outbox, as the prefect's delivery log shows it (never its content). */
export interface DeliverySummary {
  readonly deliveryId: string;
  readonly channel: NotificationChannel;
  /** The e-mail address, or the webhook's id. */
  readonly target: string;
  /** The person's name, or the webhook's name. */
  readonly targetName: string | null;
  readonly requestId: string | null;
  readonly ref: string | null;
  /** Whose record the attempts are: the platform told, or null for the ministry's own channels. */
  readonly platformId: string | null;
  readonly trigger: NotificationTrigger;
  /** The webhook's event type (`request.created`…), or null for an e-mail. */
  readonly topic: string | null;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly createdAt: number;
  readonly lastAttemptAt: number | null;
  readonly nextAttemptAt: number | null;
  /** What the receiver last said, shortened. */
  readonly lastDetail: string | null;
}

export interface DeliveriesRequest {
  /** Newest first; at most `LIMITS.deliveriesPageMax`. */
  readonly limit: number;
  /** Only deliveries created before this (the `createdAt` of the last one of the previous page). */
  readonly before?: number;
  readonly status?: DeliveryStatus;
}

export type DeliveriesResponse =
  | { readonly ok: true; readonly deliveries: readonly DeliverySummary[]; readonly hasMore: boolean }
  | { readonly ok: false; readonly error: ProtocolError };
