import type { Actor, DomainEvent, Mutation, ProtocolError } from '@contact-desk/shared';

export type Connection = 'connecting' | 'online' | 'offline' | 'revoked';

export interface SyncStatus {
  readonly connection: Connection;
  /** The relay address in use: connected to, or being tried; null before the first attempt. */
  readonly relayUrl: string | null;
  /** Mutations waiting for the relay's answer. */
  readonly pending: number;
  /**
   * Relay time at which this copy was last known to be in step with the relay: the end of a
   * catch-up, or a live batch applied while connected. Null before the first one.
   */
  readonly lastSyncedAt: number | null;
  readonly cursor: number;
  /** Hash of the relay's log at the cursor (see the protocol's hash chain); null before a sync. */
  readonly cursorHash: string | null;
  /** The relay's last seq as last heard (session, live batches); null before the first session. */
  readonly headSeq: number | null;
  /** Estimated relay clock minus this device's clock, for countdowns in relay time. */
  readonly clockOffsetMs: number;
  readonly actor: Actor | null;
  /** True while older requests of the local copy are still being read at start-up. */
  readonly loadingLocal: boolean;
}

/** Before the first session: connecting, nothing synchronised, nothing pending. */
export const INITIAL_SYNC_STATUS: SyncStatus = {
  connection: 'connecting',
  relayUrl: null,
  pending: 0,
  lastSyncedAt: null,
  cursor: 0,
  cursorHash: null,
  headSeq: null,
  clockOffsetMs: 0,
  actor: null,
  loadingLocal: false,
};

/** A mutation the relay refused: shown to the user, who can dismiss it. */
export interface Rejection {
  readonly mutationId: string;
  readonly type: string;
  readonly error: ProtocolError;
  readonly at: number;
  /** The request the refused mutation was about (from its arguments); null for other changes. */
  readonly requestId: string | null;
  /**
   * The cursor once the events recorded before the refusal were applied: an action accepted on
   * the same request after this seq means the request moved on, and the refusal is stale.
   */
  readonly atSeq: number;
}

/** Errors after which the same mutation is sent again later rather than dropped. */
export const RETRYABLE_CODES: readonly string[] = ['storage_unavailable', 'rate_limited', 'internal'];

/** Wait before sending again after a refusal that names no delay. */
export const RETRY_DELAY_MS = 2_000;
/** Longest wait honoured from a relay's `retryAfterMs`, so a wrong figure cannot stall the outbox for long. */
const MAX_RETRY_DELAY_MS = 5 * 60_000;

/** The delay a refusal asks for (`details.retryAfterMs`), bounded; the default when it names none. */
export function retryDelayOf(error: ProtocolError): number {
  const asked = error.details?.retryAfterMs;
  if (typeof asked !== 'number' || !Number.isFinite(asked)) return RETRY_DELAY_MS;
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(0, Math.ceil(asked)));
}

/** The request a mutation is about, read from its arguments (every request mutation names it). */
export function requestIdOfMutation(mutation: Pick<Mutation, 'args'> | undefined): string | null {
  const args = mutation?.args as { requestId?: unknown } | undefined;
  return typeof args?.requestId === 'string' ? args.requestId : null;
}

/**
 * The refusals still worth showing after `events` were applied: one is dropped once an action
 * on its request (an event some mutation caused, by anyone) was recorded after the refusal.
 */
export function standingRejections(rejections: readonly Rejection[], events: readonly DomainEvent[]): readonly Rejection[] {
  if (rejections.length === 0 || events.length === 0) return rejections;
  const lastAction = new Map<string, number>();
  for (const event of events) {
    if (event.mutationId === null || !('requestId' in event.payload) || typeof event.payload.requestId !== 'string') continue;
    lastAction.set(event.payload.requestId, Math.max(event.seq, lastAction.get(event.payload.requestId) ?? 0));
  }
  const kept = rejections.filter((rejection) => {
    if (rejection.requestId === null) return true;
    const seq = lastAction.get(rejection.requestId);
    return seq === undefined || seq <= rejection.atSeq;
  });
  return kept.length === rejections.length ? rejections : kept;
}
