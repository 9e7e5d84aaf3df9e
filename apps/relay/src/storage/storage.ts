import type { Device, DomainState, EntityWrite, LogPosition, LoggedEvent, MutationResult, User, Viewer } from '@contact-desk/shared';
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

/** The store as it was when a relay (node) opened it, read in one snapshot. */
export interface StoredSnapshot {
  /** The folded projections; `state.lastSeq` is `head.seq`. */
  readonly state: DomainState;
  readonly head: LogPosition;
  /** The relay time of the last event (0 for an empty log): the relay's clock never goes back before it. */
  readonly lastServerTime: number;
}

/** What a write asks to have read under the log's write lock, before it decides. */
export interface WriteRequest {
  /** The last seq the writer has folded into its state. */
  readonly knownSeq: number;
  /** Mutation ids whose recorded answers the decision needs (a re-sent mutation gets its answer). */
  readonly mutationIds: readonly string[];
  /** Enrollment codes (their hashes) the batch exchanges. */
  readonly enrollmentCodeHashes: readonly string[];
}

/** What a write sees under the log's write lock: the log as it is, not as this node last saw it. */
export interface WriteContext {
  /** The log's head when the lock was taken: the batch's events follow it. */
  readonly head: LogPosition;
  /**
   * Events after `knownSeq` up to `head`, all audiences, in seq order: what other relay nodes
   * wrote since this one last folded the log (always empty on a single node's store).
   */
  readonly missed: readonly LoggedEvent[];
  /** The recorded answers of the asked mutation ids that have one. */
  readonly mutationResults: ReadonlyMap<string, StoredMutationResult>;
  /** The asked enrollment codes that exist. */
  readonly enrollmentCodes: ReadonlyMap<string, EnrollmentCodeRecord>;
}

/** What `build` returns: the batch to commit (null: nothing to write) and the caller's value. */
export interface BuiltWrite<T> {
  readonly batch: CommitBatch | null;
  readonly value: T;
}

/**
 * Several relay nodes on one store: how a node learns that another appended to the log, and how
 * the jobs that must run on one node only (the deadline watcher, the outreach sender) pick it.
 * Absent on a store that only one relay process may open (SQLite).
 */
export interface NodeCoordination {
  /** Calls `listener` with the new head seq whenever any node commits events. */
  onAppended(listener: (headSeq: number) => void): () => void;
  /**
   * Tries to become the one node that runs `role`. Resolves true when this node now holds it;
   * `onLost` is called if the hold is lost later (the node's connection to the store broke).
   */
  tryLead(role: string, onLost: () => void): Promise<boolean>;
  /** Gives `role` up so that another node can take it. */
  stepDown(role: string): Promise<void>;
}

/**
 * The relay's durable store: the append-only event log, the processed mutation ids, the
 * projections, and the credentials. Every call is asynchronous so that a server database can
 * stand behind it; SQLite answers at once. The contract suite (test/storage-contract) runs
 * unchanged against every engine.
 */
export interface Storage {
  /** Which engine: shown by `relay status` and the logs. */
  readonly engine: 'sqlite' | 'postgres';
  /** The folded state and the log's head, read together. */
  snapshot(): Promise<StoredSnapshot>;
  /** The last event's seq and hash; seq 0 and the genesis hash for an empty log. */
  head(): Promise<LogPosition>;
  /** The hash of the event at a seq; undefined when the log has no such event. */
  hashAt(seq: number): Promise<string | undefined>;
  /**
   * One write: takes the log's write lock (one writer at a time across every node), reads what
   * the request asks, calls `build` — synchronously, under the lock — and commits the batch it
   * returns in the same transaction. Resolves after COMMIT; rejects, having written nothing, when
   * the store fails or `build` throws. The batch's first event must follow `context.head`.
   */
  write<T>(request: WriteRequest, build: (context: WriteContext) => BuiltWrite<T>): Promise<T>;
  mutationResult(mutationId: string): Promise<StoredMutationResult | undefined>;
  /** Next page of events the viewer may see, after a seq, in seq order. */
  eventsAfter(viewer: Viewer, afterSeq: number, limit: number): Promise<LoggedEvent[]>;
  enrollmentCode(codeHash: string): Promise<EnrollmentCodeRecord | undefined>;
  /** The device and user of a token, whatever their revocation state. */
  credential(tokenHash: string): Promise<DeviceCredential | undefined>;
  /**
   * Replaces a device token's hash by a new one, atomically: `not_found` if the current hash is
   * not stored, `in_use` if the new one already is (nothing changes in either case).
   */
  replaceDeviceToken(currentTokenHash: string, newTokenHash: string): Promise<TokenReplacement>;
  /** The stored SHA-256 of an API key, by the key's id; undefined for an id never issued. */
  apiKeyHash(apiKeyId: string): Promise<string | undefined>;
  /**
   * The next page of one request's events that its platform may see (its own audience), after a
   * seq, in seq order: what the REST API shows as the request's timeline.
   */
  requestEvents(platformId: string, requestId: string, afterSeq: number, limit: number): Promise<LoggedEvent[]>;
  /** The outbox: deliveries to send and the delivery log, sealed webhook secrets. */
  outbox(): OutboxStore;
  /**
   * Whether the store takes writes now, without keeping anything: a transaction that takes a write
   * lock and writes a scratch row of a page's size into `meta` (never the log), then rolls back.
   * Resolves when the store took it; rejects with the engine's own error (see `storeFault`) when it
   * refused. PostgreSQL waits at most `timeoutMs` for a statement or a lock; SQLite does not wait at
   * all (its waits freeze the relay's one thread), so a lock held elsewhere is an immediate refusal.
   */
  probeWrite(timeoutMs: number): Promise<void>;
  /** Present when several relay nodes may share this store. */
  readonly coordination?: NodeCoordination;
  close(): Promise<void>;
}
