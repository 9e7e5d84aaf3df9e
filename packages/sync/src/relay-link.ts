import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { nextAttempt, RECONNECT_BACKOFF, type Backoff } from './relay-addresses.js';

/** How long a connection attempt may take before the address is given up for the next one. */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * A connection that lasted this long counts as a success: its loss moves on at once again. One
 * lost sooner continues the backoff, so a node that accepts then drops devices is not hammered.
 */
export const STABLE_AFTER_MS = 10_000;

export type SocketSettings = Partial<ManagerOptions & SocketOptions>;

/**
 * Which of the relay's addresses the engine is on, and the socket to it. Socket.IO's own
 * reconnection is off (it would retry one address forever): after a failure, `failed` names the
 * delay before the next attempt, which `open` then makes on the next address of the list (see
 * `nextAttempt`). `reconnectionDelay` and `reconnectionDelayMax`, when given, bound that backoff
 * instead of Socket.IO's.
 */
export class RelayLink {
  private index = 0;
  private failures = 0;
  private connectedAt: number | undefined;
  private readonly backoff: Backoff;

  constructor(
    private readonly urls: readonly string[],
    private readonly settings: SocketSettings = {},
    private readonly now: () => number = Date.now,
  ) {
    if (urls.length === 0) throw new Error('no relay address');
    this.backoff = {
      firstMs: settings.reconnectionDelay ?? RECONNECT_BACKOFF.firstMs,
      maxMs: settings.reconnectionDelayMax ?? RECONNECT_BACKOFF.maxMs,
    };
  }

  /** The address in use: connected to, or being tried. */
  get url(): string {
    return this.urls[this.index] ?? this.urls[0]!;
  }

  /** A new socket to the address in use, connecting with `auth`. */
  open(auth: Record<string, unknown>): Socket {
    return io(this.url, {
      transports: ['websocket'],
      timeout: CONNECT_TIMEOUT_MS,
      ...this.settings,
      auth,
      forceNew: true,
      reconnection: false,
    });
  }

  /** The relay accepted the connection. */
  succeeded(): void {
    this.connectedAt = this.now();
  }

  /** The address in use failed: moves on to the next one; returns how long to wait before `open`. */
  failed(): number {
    if (this.connectedAt !== undefined && this.now() - this.connectedAt >= STABLE_AFTER_MS) this.failures = 0;
    this.connectedAt = undefined;
    this.failures += 1;
    const attempt = nextAttempt(this.index, this.urls.length, this.failures, this.backoff);
    this.index = attempt.index;
    return attempt.delayMs;
  }
}
