import type { LocalDb } from '../local-db.js';
import type { SocketSettings } from '../relay-link.js';
import type { Timers } from './sync-context.js';
import type { DeviceTokens } from './token-rotation.js';

export interface SyncEngineOptions {
  readonly db: LocalDb;
  /** The relay's addresses, tried in this order, moving on to the next when one fails (any node serves any device). */
  readonly relayUrls?: readonly string[];
  /** One address alone: the same as `relayUrls: [relayUrl]`. */
  readonly relayUrl?: string;
  readonly token: string;
  /** How long to wait for the relay's answer to a push or pull before trying again. */
  readonly ackTimeoutMs?: number;
  readonly pullPageSize?: number;
  readonly socketOptions?: SocketSettings;
  readonly now?: () => number;
  /** The timers reconnections and retries wait on; the global ones by default. */
  readonly timers?: Timers;
  /** A token older than this (relay time) is replaced on connecting; default 30 days. */
  readonly rotateTokenAfterMs?: number;
  /**
   * A token made for a rotation whose answer never came (read back from the credential store):
   * tried when the relay refuses the current one, and otherwise sent again for rotation.
   */
  readonly pendingToken?: string;
  /**
   * Stores the device's tokens where the app keeps credentials: with a pending token before its
   * hash is sent, then with the token in force alone once the relay's answer settles which one it
   * is. Without it the engine never rotates: a token it could not keep would lock the device out.
   */
  readonly storeTokens?: (tokens: DeviceTokens) => Promise<void> | void;
}
