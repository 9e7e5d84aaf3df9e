import type {
  Device,
  DomainState,
  EntityWrite,
  LogPosition,
  LoggedEvent,
  MutationResult,
  User,
  Viewer,
} from '@contact-desk/shared';
import type { OutboxStore, OutboxWrites } from './outbox-store.js';

/** A mutation's recorded answer, so that a re-sent mutation id gets the same one. */
export interface StoredMutationResult {
  readonly userId: string;
  readonly result: MutationResult;
  /**
   * A digest of what was asked, for mutations sent through the REST API (whose Idempotency-Key
   * is the mutation id): the same id sent again for another request is refused. Null otherwise.
   */
  readonly requestHash?: string | null;
}

export interface EnrollmentCodeRecord {
  readonly userId: string;
  readonly expiresAt: number;
  readonly usedAt: number | null;
}

export interface DeviceCredential {
  readonly device: Device;
  readonly user: User;
}

/** Everything one commit writes, applied atomically or not at all. */
export interface CommitBatch {
  readonly events: readonly LoggedEvent[];
  readonly writes: readonly EntityWrite[];
  readonly mutationResults: ReadonlyMap<string, StoredMutationResult & { readonly receivedAt: number }>;
  readonly enrollmentCodes: readonly { readonly codeHash: string; readonly userId: string; readonly expiresAt: number }[];
  readonly deviceTokens: readonly { readonly tokenHash: string; readonly deviceId: string }[];
  readonly usedEnrollmentCodes: readonly { readonly codeHash: string; readonly usedAt: number }[];
  /** The SHA-256 of each API key issued in the batch. */
  readonly apiKeys: readonly { readonly apiKeyId: string; readonly keyHash: string }[];
  /** Deliveries planned or attempted, and webhook secrets, in the same transaction as the events. */
  readonly outbox?: OutboxWrites;
}

/** Outcome of swapping a device token's hash (see `Storage.replaceDeviceToken`). */
export type TokenReplacement = 'replaced' | 'not_found' | 'in_use';

/**
 * The relay's durable store: the append-only event log, the processed mutation ids, the
 * projections, and the credentials. One narrow interface so another engine can follow SQLite.
 */
export interface Storage {
  /** The folded state, read from the projections at start-up. */
  loadState(): DomainState;
  /** The last event's seq and hash; seq 0 and the genesis hash for an empty log. */
  head(): LogPosition;
  /** The hash of the event at a seq; undefined when the log has no such event. */
  hashAt(seq: number): string | undefined;
  /** Writes a whole batch in one transaction; throws (and writes nothing) on failure. */
  commit(batch: CommitBatch): void;
  mutationResult(mutationId: string): StoredMutationResult | undefined;
  /** Next page of events the viewer may see, after a seq, in seq order. */
  eventsAfter(viewer: Viewer, afterSeq: number, limit: number): LoggedEvent[];
  enrollmentCode(codeHash: string): EnrollmentCodeRecord | undefined;
  /** The device and user of a token, whatever their revocation state. */
  credential(tokenHash: string): DeviceCredential | undefined;
  /**
   * Replaces a device token's hash by a new one, atomically: `not_found` if the current hash is
   * not stored, `in_use` if the new one already is (nothing changes in either case).
   */
  replaceDeviceToken(currentTokenHash: string, newTokenHash: string): TokenReplacement;
  /** The stored SHA-256 of an API key, by the key's id; undefined for an id never issued. */
  apiKeyHash(apiKeyId: string): string | undefined;
  /**
   * The next page of one request's events that its platform may see (its own audience), after a
   * seq, in seq order: what the REST API shows as the request's timeline.
   */
  requestEvents(platformId: string, requestId: string, afterSeq: number, limit: number): LoggedEvent[];
  /** The outbox: deliveries to send and the delivery log, sealed webhook secrets. */
  outbox(): OutboxStore;
  close(): void;
}
