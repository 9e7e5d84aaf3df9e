import type pg from 'pg';
import { head } from './pg-event-log.js';
import { LOG_CHANNEL } from './pg-write.js';

/** Backoff between attempts to listen again: from the first delay, doubled up to the last. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5000;

/**
 * `NodeCoordination.onAppended` on PostgreSQL: one connection of its own that LISTENs on the
 * log's channel, opened with the first listener. Every commit of events notifies the new head
 * seq, this node's own commits included. When the connection breaks it is opened again with
 * backoff; each time it listens (the first time too) the listeners are called with the head as it
 * is then, so that a node catches up on what was appended while it could not hear.
 */
export class LogListener {
  private readonly listeners = new Set<(headSeq: number) => void>();
  private client: pg.Client | undefined;
  private running = false;
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly connect: () => pg.Client,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  subscribe(listener: (headSeq: number) => void): () => void {
    this.listeners.add(listener);
    if (!this.running && !this.closed) void this.listenUntilClosed();
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.client?.end().catch(() => undefined);
  }

  private emit(headSeq: number): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(headSeq);
      } catch (error) {
        this.onError(error as Error);
      }
    }
  }

  private async listenUntilClosed(): Promise<void> {
    this.running = true;
    let retryMs = RETRY_FIRST_MS;
    while (!this.closed) {
      const heard = await this.listenOnce();
      if (heard) retryMs = RETRY_FIRST_MS;
      if (this.closed) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, retryMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    }
    this.running = false;
  }

  /** One connection's life: resolves when it ends, true if it got as far as listening. */
  private async listenOnce(): Promise<boolean> {
    const client = this.connect();
    this.client = client;
    const ended = new Promise<void>((resolve) => {
      client.on('error', (error) => {
        this.onError(error);
        resolve();
      });
      client.on('end', () => resolve());
    });
    client.on('notification', (message) => {
      const seq = Number(message.payload);
      if (message.channel === LOG_CHANNEL && Number.isSafeInteger(seq)) this.emit(seq);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LOG_CHANNEL}`);
      // Read after LISTEN: whatever is committed later notifies, whatever came before is in this head.
      if (!this.closed) this.emit((await head(client)).seq);
    } catch (error) {
      if (!this.closed) this.onError(error as Error);
      await client.end().catch(() => undefined);
      return false;
    }
    if (this.closed) await client.end().catch(() => undefined);
    await ended;
    return true;
  }
}
