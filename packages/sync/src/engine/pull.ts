import {
  CHANNELS,
  LIMITS,
  type DomainEvent,
  type DomainState,
  type LiveEvents,
  type LogPosition,
  type PullResponse,
} from '@contact-desk/shared';
import { applyPage, loadState, resetSynced, type LoadedState } from '../local-store.js';
import type { Outbox } from './outbox.js';
import { online, type SyncContext } from './sync-context.js';

/**
 * The confirmed copy and the way in: pulls every page after the cursor (on connect, on a gap, after
 * a refusal), applies live batches in seq order, holding back those that arrive during a pull, and
 * starts over from seq 0 when the relay's log is not the one the copy came from.
 */
export class Pull {
  private confirmed: DomainState | undefined;
  private position = 0;
  private pulling = false;
  private pullAgain = false;
  private buffered: LiveEvents[] = [];

  constructor(
    private readonly context: SyncContext,
    /** Mutations whose events are applied leave it. */
    private readonly outbox: Outbox,
    private readonly pageSize: number = LIMITS.pullPageMax,
  ) {}

  get state(): DomainState {
    if (!this.confirmed) throw new Error('the sync engine is not started');
    return this.confirmed;
  }

  /** Every event up to this seq has been applied. */
  get cursor(): number {
    return this.position;
  }

  /** Starts from the local copy as read back. */
  load(loaded: LoadedState): void {
    this.confirmed = loaded.state;
    this.position = loaded.cursor;
  }

  /** The state with more of the local copy read in (the older requests, at start-up). */
  extend(state: DomainState): void {
    this.confirmed = state;
  }

  /** Pulls after the cursor, now or, when a pull is under way, once more after it. */
  request(): void {
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = true;
    void this.context.serially(() => this.pullAll());
  }

  /** A live batch from the relay: applied in turn, or held until the pull under way ends. */
  live(message: LiveEvents): void {
    if (this.pulling) {
      this.buffered.push(message);
      return;
    }
    void this.context.serially(() => this.applyLive(message));
  }

  private async applyLive(message: LiveEvents): Promise<void> {
    const { context } = this;
    context.setStatus({ headSeq: Math.max(context.status.headSeq ?? 0, message.upToSeq) });
    if (message.afterSeq > this.position) {
      this.request();
      return;
    }
    if (message.upToSeq > this.position) {
      const fresh = message.events.filter((event) => event.seq > this.position);
      await this.apply(fresh, { seq: message.upToSeq, hash: message.upToHash }, true);
    }
    // In step with the relay's log up to its latest commit: the copy is synchronised now.
    context.setStatus({ lastSyncedAt: context.relayNow() });
  }

  private async apply(events: readonly DomainEvent[], upTo: LogPosition, live: boolean): Promise<void> {
    const { context } = this;
    this.confirmed = await applyPage(context.db, this.state, events, upTo, context.status.actor ?? undefined);
    this.position = upTo.seq;
    const confirmedIds = new Set(events.flatMap((event) => (event.mutationId ? [event.mutationId] : [])));
    this.outbox.drop(confirmedIds);
    context.setStatus({ cursor: upTo.seq, cursorHash: upTo.hash, pending: this.outbox.size });
    for (const listener of context.listeners) listener.onEvents?.(events, live);
    context.emitChange();
  }

  private async pullAll(): Promise<void> {
    const { context } = this;
    try {
      do {
        this.pullAgain = false;
        let hasMore = true;
        while (hasMore && online(context)) {
          const response = await context.ask<PullResponse>(CHANNELS.pull, {
            afterSeq: this.position,
            ...(this.position > 0 && context.status.cursorHash ? { afterHash: context.status.cursorHash } : {}),
            limit: this.pageSize,
          });
          if (!response) return;
          if (!response.ok) {
            if (response.error.code !== 'conflict') return;
            // The relay's log is not the one this copy came from: start over from seq 0 (the
            // reset asks for another round of this loop).
            await this.resetFromRelay();
            break;
          }
          await this.apply(response.events, { seq: response.upToSeq, hash: response.upToHash }, false);
          hasMore = response.hasMore;
        }
        if (!hasMore)
          context.setStatus({ lastSyncedAt: context.relayNow(), headSeq: Math.max(context.status.headSeq ?? 0, this.position) });
      } while (this.pullAgain && online(context));
    } finally {
      this.pulling = false;
      const buffered = this.buffered;
      this.buffered = [];
      for (const message of buffered) void context.serially(() => this.applyLive(message));
    }
  }

  /** The relay's log is behind this device (restored from a backup): start over from it. */
  private async resetFromRelay(): Promise<void> {
    await resetSynced(this.context.db);
    this.confirmed = (await loadState(this.context.db)).state;
    this.position = 0;
    this.pullAgain = true;
    this.context.setStatus({ cursor: 0, cursorHash: null });
    this.context.emitChange();
  }
}
