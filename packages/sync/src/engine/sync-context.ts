import type { DomainEvent } from '@contact-desk/shared';
import type { Socket } from 'socket.io-client';
import type { LocalDb } from '../local-db.js';
import type { Rejection, SyncStatus } from '../sync-status.js';

export interface SyncListener {
  /** The confirmed state or the outbox changed. */
  onChange(): void;
  onRejected?(rejection: Rejection): void;
  onEvents?(events: readonly DomainEvent[], live: boolean): void;
}

/** The timers reconnections and retries wait on. */
export interface Timers {
  setTimeout(run: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const GLOBAL_TIMERS: Timers = {
  setTimeout: (run, delayMs) => setTimeout(run, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * What the engine's parts (pull, push, token rotation) share: the local copy, the socket in use,
 * the status, the listeners, and one queue that applies state changes one at a time.
 */
export interface SyncContext {
  readonly db: LocalDb;
  readonly listeners: ReadonlySet<SyncListener>;
  readonly status: SyncStatus;
  /** The socket to the relay address in use; undefined between a failure and the next attempt. */
  readonly socket: Socket | undefined;
  readonly timers: Timers;
  setStatus(patch: Partial<SyncStatus>): void;
  emitChange(): void;
  /** Runs `task` after every state change queued before it (pages and live batches, in order). */
  serially(task: () => Promise<void>): Promise<void>;
  /** Emits with an ack and a timeout; undefined when no answer came (the link is then re-established). */
  ask<T>(channel: string, payload: unknown): Promise<T | undefined>;
  /** This device's clock corrected by the offset the relay's session announced. */
  relayNow(): number;
}

/** True while the socket in use is connected. */
export function online(context: SyncContext): boolean {
  return context.socket?.connected === true;
}
