import type { Actor, ProtocolError } from '@contact-desk/shared';

export type Connection = 'connecting' | 'online' | 'offline' | 'revoked';

export interface SyncStatus {
  readonly connection: Connection;
  /** Mutations waiting for the relay's answer. */
  readonly pending: number;
  /** Relay time of the last completed catch-up, or null before the first one. */
  readonly lastSyncedAt: number | null;
  readonly cursor: number;
  /** Hash of the relay's log at the cursor (see the protocol's hash chain); null before a sync. */
  readonly cursorHash: string | null;
  /** Estimated relay clock minus this device's clock, for countdowns in relay time. */
  readonly clockOffsetMs: number;
  readonly actor: Actor | null;
  /** True while older requests of the local copy are still being read at start-up. */
  readonly loadingLocal: boolean;
}

/** A mutation the relay refused: shown to the user, who can dismiss it. */
export interface Rejection {
  readonly mutationId: string;
  readonly type: string;
  readonly error: ProtocolError;
  readonly at: number;
}

/** Errors after which the same mutation is sent again later rather than dropped. */
export const RETRYABLE_CODES: readonly string[] = ['storage_unavailable', 'rate_limited', 'internal'];
