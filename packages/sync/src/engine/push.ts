import { CHANNELS, LIMITS, type Mutation, type MutationResult, type ProtocolError, type PushResponse } from '@contact-desk/shared';
import type { OutboxEntry } from '../local-db.js';
import { requestIdOfMutation, RETRY_DELAY_MS, RETRYABLE_CODES, retryDelayOf, type Rejection } from '../sync-status.js';
import type { Outbox } from './outbox.js';
import { online, type SyncContext } from './sync-context.js';

/** What a push needs of the pull: a refusal is reported once the events recorded before it are in. */
export interface PullAfterRefusal {
  readonly cursor: number;
  request(): void;
}

/**
 * The way out: queues mutations durably, sends the outbox in batches of the protocol's size (at
 * least once; the relay makes it exactly once in effect), settles the relay's answers, and sends
 * again later, with the same ids, what was refused for a passing reason (rate limit, storage).
 */
export class Push {
  private pushing = false;
  private retryTimer: unknown;
  private readonly waiting = new Map<string, (result: MutationResult) => void>();

  constructor(
    private readonly context: SyncContext,
    private readonly outbox: Outbox,
    private readonly pull: PullAfterRefusal,
    private readonly now: () => number,
  ) {}

  /** Queues mutations durably in one transaction, in order, then sends them together. */
  async enqueueAll(mutations: readonly Mutation[]): Promise<void> {
    if (mutations.length === 0) return;
    const queuedAt = this.now();
    const entries: OutboxEntry[] = mutations.map((mutation) => ({ mutationId: mutation.mutationId, mutation, queuedAt, attempts: 0 }));
    const orders = await this.context.db.outbox.bulkAdd(entries, { allKeys: true });
    this.outbox.add(entries.map((entry, index) => ({ ...entry, order: orders[index] })));
    this.context.setStatus({ pending: this.outbox.size });
    this.context.emitChange();
    this.flush();
  }

  /** The relay's answer to a queued mutation, when it comes. */
  result(mutationId: string): Promise<MutationResult> {
    return new Promise((resolve) => this.waiting.set(mutationId, resolve));
  }

  /** Sends the outbox unless a push is under way, it is empty, or the link is down. */
  flush(): void {
    if (this.pushing || this.outbox.size === 0 || !online(this.context)) return;
    this.pushing = true;
    void this.pushBatches().finally(() => {
      this.pushing = false;
    });
  }

  stop(): void {
    this.context.timers.clearTimeout(this.retryTimer);
  }

  private async pushBatches(): Promise<void> {
    while (this.outbox.size > 0 && online(this.context)) {
      const batch = this.outbox.head(LIMITS.mutationsPerPush);
      const response = await this.context.ask<PushResponse>(CHANNELS.push, { mutations: batch.map((entry) => entry.mutation) });
      if (!response) {
        this.retryLater();
        return;
      }
      if (!response.ok) {
        if (response.error.code === 'unauthenticated') this.context.setStatus({ connection: 'revoked' });
        // The whole push was refused before any of it was decided (e.g. rate_limited): every
        // mutation stays in the outbox and goes again, with the same ids, after the delay asked.
        else if (RETRYABLE_CODES.includes(response.error.code)) this.retryLater(retryDelayOf(response.error));
        else await this.settle(batch.map((entry) => ({ mutationId: entry.mutationId, status: 'rejected', error: response.error })));
        return;
      }
      const retry = await this.settle(response.results);
      if (retry) {
        this.retryLater();
        return;
      }
    }
  }

  /** Drops answered mutations from the outbox; returns true if some must be sent again later. */
  private async settle(results: readonly MutationResult[]): Promise<boolean> {
    const done: string[] = [];
    let retry = false;
    for (const result of results) {
      if (result.status === 'rejected' && RETRYABLE_CODES.includes(result.error.code)) {
        retry = true;
        continue;
      }
      done.push(result.mutationId);
      this.waiting.get(result.mutationId)?.(result);
      this.waiting.delete(result.mutationId);
      if (result.status === 'rejected')
        this.reportRejection(result.mutationId, this.outbox.find(result.mutationId)?.mutation, result.error);
    }
    await this.context.db.outbox.where('mutationId').anyOf(done).delete();
    this.outbox.drop(new Set(done));
    this.context.setStatus({ pending: this.outbox.size });
    this.context.emitChange();
    return retry;
  }

  /**
   * Tells the listeners of a refusal once the events the relay recorded before it are applied
   * (a pull runs first): the refusal then shows beside what caused it — the withdrawal that made
   * an answer impossible — and only an action recorded after it can make it stale.
   */
  private reportRejection(mutationId: string, mutation: Mutation | undefined, error: ProtocolError): void {
    this.pull.request();
    void this.context.serially(async () => {
      const rejection: Rejection = {
        mutationId,
        type: mutation?.type ?? 'unknown',
        error,
        at: this.context.relayNow(),
        requestId: requestIdOfMutation(mutation),
        atSeq: this.pull.cursor,
      };
      for (const listener of this.context.listeners) listener.onRejected?.(rejection);
    });
  }

  private retryLater(delayMs = RETRY_DELAY_MS): void {
    this.context.timers.clearTimeout(this.retryTimer);
    this.retryTimer = this.context.timers.setTimeout(() => this.flush(), delayMs);
  }
}
