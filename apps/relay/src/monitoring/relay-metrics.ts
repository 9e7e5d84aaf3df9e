import type { ErrorCode, NotificationChannel, NotificationOutcome, Role } from '@contact-desk/shared';
import type { StoreFault } from '../storage/store-fault.js';

/**
 * What the relay reports as it works, one interface per place that reports it, so that each part
 * (the core's write path, the socket layer, the deadline watcher, the outreach sender) takes only
 * its own and stays testable without a registry. `PrometheusMetrics` counts them; `NO_METRICS`
 * drops them. Every value passed is bounded: a mutation type, an error code, a role, a channel —
 * never a platform, device, user, request or address.
 */

/** How a mutation was answered: accepted, refused with a code, or given its stored answer again. */
export type MutationOutcome = 'accepted' | 'replayed' | ErrorCode;

/** One group commit that wrote something. */
export interface CommitFigures {
  /** From asking the store for its write lock to COMMIT. */
  readonly seconds: number;
  /** Mutations the batch answered (replays included). */
  readonly mutations: number;
  readonly events: number;
}

export interface CommitMetrics {
  /** A mutation answered by the core (from a socket, the REST API or the CLI), once its batch is committed or failed. */
  mutationAnswered(type: string, outcome: MutationOutcome): void;
  committed(figures: CommitFigures): void;
  commitFailed(fault: StoreFault): void;
}

export interface SocketMetrics {
  /** A mutation of a push refused by the socket layer before the core (`invalid_payload`, `unknown_mutation`). */
  mutationAnswered(type: string, outcome: MutationOutcome): void;
  /** A whole push refused before any of its mutations was looked at (`rate_limited`, `unauthenticated`, `invalid_payload`). */
  pushRefused(code: ErrorCode): void;
  deviceConnected(role: Role): void;
  deviceDisconnected(role: Role): void;
  /** A pull page answered, with this many events. */
  pulled(events: number): void;
}

export interface DeadlineMetrics {
  /** A `request.deadlineMissed` the watcher recorded; `priority` is a label of the policy in force, or `other`. */
  deadlineMissed(step: 'ack' | 'action', priority: string): void;
}

export interface OutreachMetrics {
  /** A try of a delivery, recorded in the log (`dropped`: not sent, its webhook removed or switched off). */
  attemptRecorded(channel: NotificationChannel, outcome: NotificationOutcome | 'dropped'): void;
}

export interface RelayMetrics extends CommitMetrics, SocketMetrics, DeadlineMetrics, OutreachMetrics {}

/** Reports nothing: the CLI, the demo seed, a relay started with metrics off. */
export const NO_METRICS: RelayMetrics = {
  mutationAnswered: () => undefined,
  committed: () => undefined,
  commitFailed: () => undefined,
  pushRefused: () => undefined,
  deviceConnected: () => undefined,
  deviceDisconnected: () => undefined,
  pulled: () => undefined,
  deadlineMissed: () => undefined,
  attemptRecorded: () => undefined,
};
