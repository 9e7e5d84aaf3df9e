import type { ReadModel } from '@contact-desk/shared';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../logger.js';
import type { OutreachMetrics } from '../monitoring/relay-metrics.js';
import type { DeliveryRecord, OutboxStore } from '../storage/outbox-store.js';
import type { AttemptOutcome } from './attempts.js';
import { afterFailure } from './backoff.js';
import { deliverOne } from './deliver.js';
import type { OutreachConfig } from './outreach-config.js';
import type { SecretSealer } from './secret-box.js';
import type { Transports } from './transports.js';
import { secretContext } from './webhook-secrets.js';

export interface SenderDeps {
  readonly store: Pick<OutboxStore, 'dueDeliveries' | 'webhookSecret'>;
  /** Records attempts through the core's group commit; resolves with whether they were committed. */
  readonly recordAttempts: (outcomes: readonly AttemptOutcome[]) => Promise<boolean>;
  /** The committed state, read at each try. */
  readonly read: () => Pick<ReadModel, 'integration'>;
  readonly secrets: SecretSealer;
  readonly transports: Transports;
  readonly config: OutreachConfig;
  readonly clock: Clock;
  readonly log: Logger;
  readonly random?: () => number;
  /** Counts each try once it is recorded. */
  readonly metrics?: OutreachMetrics;
}

/** After a commit of attempts failed, the sender waits this long before it tries anything again. */
const STORAGE_PAUSE_MS = 1_000;

/** Due deliveries read from the outbox at once, kept in memory until a slot frees for them. */
const READ_BATCH = 256;

/**
 * Delivers the outbox, off the commit path: picks due rows, sends each with a time limit, at most
 * `concurrency` at once and `perTargetConcurrency` per address or webhook, and records every try
 * (an event and the row's new state, one transaction). A row is pending until a try of it is
 * recorded, so a row in flight when the relay dies goes again after the restart, same id.
 *
 * Due rows are read a batch at a time and wait in memory for a free slot of their target: when a
 * try ends, the next one usually comes from memory, and the outbox is read again only when rows
 * may be due that memory does not hold (new deliveries, the timer, a target whose rows ran out).
 * A flood to one busy target (a webhook following every comment of a crisis) then costs one read
 * per batch instead of a scan past all its pending rows after every try.
 */
export class DeliverySender {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly perTarget = new Map<string, number>();
  /** Due deliveries read and not yet launched, oldest due first. */
  private waiting: DeliveryRecord[] = [];
  /** Rows may be due that `waiting` does not hold: read the outbox at the next fill. */
  private unread = true;
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private woken = false;
  private reading: Promise<void> | undefined;
  private fillAgain = false;
  private pausedUntil = 0;

  constructor(private readonly deps: SenderDeps) {}

  start(): void {
    if (this.deps.config.pollMs > 0 && !this.timer) {
      this.timer = setInterval(() => this.wake(true), this.deps.config.pollMs);
      this.timer.unref();
    }
    this.wake();
  }

  /**
   * New deliveries were committed for these targets. Nothing to do while every one of them
   * already has all the tries in flight it may have: the next free slot looks again, and the
   * outbox is not scanned after every commit of a busy relay for rows that cannot go yet.
   */
  planned(targets: ReadonlySet<string>): void {
    const { concurrency, perTargetConcurrency } = this.deps.config;
    if (this.inFlight.size >= concurrency) return;
    for (const target of targets) {
      if ((this.perTarget.get(target) ?? 0) < perTargetConcurrency) {
        this.wake(true);
        return;
      }
    }
  }

  /** Looks for due deliveries soon (a slot freed, new deliveries, or the timer); `read`: in the outbox too. */
  wake(read = false): void {
    if (read) this.unread = true;
    if (this.woken || this.stopping.signal.aborted) return;
    this.woken = true;
    setImmediate(() => {
      this.woken = false;
      void this.fill();
    });
  }

  /**
   * Resolves once nothing is due at the clock's current time and nothing is in flight, every try
   * recorded: what tests wait on after moving the injected clock.
   */
  async drain(): Promise<void> {
    for (;;) {
      this.unread = true;
      await this.fill();
      while (this.reading) await this.reading;
      if (this.inFlight.size === 0) return;
      await Promise.race(this.inFlight.values());
    }
  }

  /** Stops taking rows, cuts webhook tries short (they go again after a restart) and waits for the rest. */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled(this.inFlight.values());
    this.waiting = [];
    this.deps.transports.mail?.close();
  }

  get busy(): number {
    return this.inFlight.size;
  }

  /** One read of the outbox at a time; a wake during a read reads again after it. */
  private fill(): Promise<void> {
    if (this.reading) {
      this.fillAgain = true;
      return this.reading;
    }
    this.reading = this.readDue().finally(() => {
      this.reading = undefined;
      if (this.fillAgain) {
        this.fillAgain = false;
        void this.fill();
      }
    });
    return this.reading;
  }

  private async readDue(): Promise<void> {
    const { config, store, log } = this.deps;
    if (this.stopping.signal.aborted || Date.now() < this.pausedUntil) return;
    this.launchWaiting();
    if (!this.unread || this.inFlight.size >= config.concurrency) return;
    this.unread = false;
    const saturated = [...this.perTarget].filter(([, n]) => n >= config.perTargetConcurrency).map(([target]) => target);
    let due: DeliveryRecord[];
    try {
      const held = [...this.inFlight.keys(), ...this.waiting.map((delivery) => delivery.id)];
      due = await store.dueDeliveries(this.deps.clock.now(), READ_BATCH, held, saturated);
    } catch (error) {
      log.error({ err: error }, 'reading the outbox failed');
      this.unread = true;
      this.pause();
      return;
    }
    // A full batch may have left due rows behind it.
    if (due.length === READ_BATCH) this.unread = true;
    this.waiting.push(...due);
    this.launchWaiting();
  }

  /** Launches what waits in memory, as far as the slots allow, keeping the order it was read in. */
  private launchWaiting(): void {
    const { concurrency, perTargetConcurrency } = this.deps.config;
    const kept: DeliveryRecord[] = [];
    for (const delivery of this.waiting) {
      if (this.inFlight.size < concurrency && (this.perTarget.get(delivery.target) ?? 0) < perTargetConcurrency) this.launch(delivery);
      else kept.push(delivery);
    }
    this.waiting = kept;
  }

  private launch(delivery: DeliveryRecord): void {
    this.perTarget.set(delivery.target, (this.perTarget.get(delivery.target) ?? 0) + 1);
    const done = this.attempt(delivery)
      .catch((error: unknown) => {
        if (!this.stopping.signal.aborted) this.deps.log.error({ err: error, deliveryId: delivery.id }, 'delivery attempt failed');
      })
      .finally(() => {
        this.inFlight.delete(delivery.id);
        const left = (this.perTarget.get(delivery.target) ?? 1) - 1;
        if (left > 0) this.perTarget.set(delivery.target, left);
        else this.perTarget.delete(delivery.target);
        // The target's next rows are read again once none of them waits in memory.
        this.wake(!this.waiting.some((next) => next.target === delivery.target));
      });
    this.inFlight.set(delivery.id, done);
  }

  private async attempt(delivery: DeliveryRecord): Promise<void> {
    const { config, clock } = this.deps;
    const attemptedAt = clock.now();
    const result = await deliverOne(delivery, {
      transports: this.deps.transports,
      read: this.deps.read(),
      secretOf: (webhookId) => this.secretOf(webhookId),
      mailFrom: config.mailFrom,
      timeoutMs: config.timeoutMs,
      stopping: this.stopping.signal,
    });
    if (this.stopping.signal.aborted) return;
    const after =
      result.kind === 'failed'
        ? afterFailure(delivery.attempts + 1, delivery.createdAt, clock.now(), config, this.deps.random ?? Math.random)
        : { outcome: result.kind, nextAttemptAt: null };
    const recorded = await this.deps.recordAttempts([{ delivery, detail: result.detail, attemptedAt, ...after }]);
    if (!recorded) this.pause();
    else this.deps.metrics?.attemptRecorded(delivery.channel, after.outcome);
    const line = {
      deliveryId: delivery.id,
      channel: delivery.channel,
      attempt: delivery.attempts + 1,
      outcome: after.outcome,
      detail: result.detail,
    };
    if (after.outcome === 'abandoned') this.deps.log.warn(line, 'delivery given up');
    else this.deps.log.debug(line, 'delivery attempted');
  }

  private async secretOf(webhookId: string): Promise<string | undefined> {
    const sealed = await this.deps.store.webhookSecret(webhookId);
    if (!sealed) return undefined;
    try {
      return this.deps.secrets.open(sealed.sealed, secretContext(webhookId, sealed.version));
    } catch (error) {
      this.deps.log.error({ err: error, webhookId }, 'a webhook secret could not be opened');
      return undefined;
    }
  }

  /** The store refused: try nothing for a moment rather than spin on the same rows. */
  private pause(): void {
    this.pausedUntil = Date.now() + STORAGE_PAUSE_MS;
    setTimeout(() => this.wake(), STORAGE_PAUSE_MS).unref();
  }
}
