import { newId as newUuid, type ContactDirectory, type DomainState, type Request } from '@contact-desk/shared';
import type { BatchBuilder } from '../core/batch-builder.js';
import type { Logger } from '../logger.js';
import { recordAttempt, type AttemptOutcome } from './attempts.js';
import type { Deadline } from './occasion.js';
import type { OutreachConfig } from './outreach-config.js';
import type { PlanContext, PlanSettings } from './plan-context.js';
import { deadlineSoon, planCommitted, planDeadlineSoon, soonKey } from './plan.js';
import { WebhookIndex } from './webhook-index.js';

/** A deadline that is near, as the watcher found it. */
export interface SoonStep {
  readonly requestId: string;
  readonly deadline: Deadline;
}

function merged<V>(base: ReadonlyMap<string, V>, changes: ReadonlyMap<string, V>): ReadonlyMap<string, V> {
  return changes.size === 0 ? base : new Map([...base, ...changes]);
}

/**
 * The outbox as the relay's core sees it: plans deliveries into a batch before it is committed
 * (events, deadlines that are near, attempts and what they lead to) and says when some were
 * committed. Holds no I/O: the sender reads the rows back from the store.
 */
export class Outbox {
  readonly settings: PlanSettings;
  private index: WebhookIndex | undefined;
  /** Deadlines already planned (or found planned): the watcher skips them. */
  private readonly soonPlanned = new Map<string, number>();
  /** Deadlines planned in a batch not yet committed. */
  private readonly soonInBatch = new WeakMap<BatchBuilder, Map<string, number>>();
  private readonly listeners = new Set<(targets: ReadonlySet<string>) => void>();

  constructor(
    readonly config: OutreachConfig,
    private readonly log: Logger,
    private readonly newId: () => string = newUuid,
  ) {
    this.settings = {
      mail: config.smtpUrl !== null,
      dutyEmail: config.dutyEmail,
      appUrl: config.appUrl,
      mailPriorities: config.mailPriorities,
      dutyPriorities: config.dutyPriorities,
    };
  }

  /**
   * Plans what the batch's events call for; runs inside the commit, before it is written. A
   * fault of the planner must not stop the record: it is logged and the batch commits without.
   */
  planCommit(batch: BatchBuilder, before: DomainState): void {
    const planned = batch.deliveries.length;
    try {
      this.planEvents(batch, before);
    } catch (error) {
      batch.deliveries.length = planned;
      this.log.error({ err: error, events: batch.events.length }, 'planning deliveries failed; the batch is recorded without them');
    }
  }

  private planEvents(batch: BatchBuilder, before: DomainState): void {
    const changesWebhooks = batch.events.some((event) => event.type.startsWith('webhook.'));
    // A batch that changes webhooks plans with its own view of them; the next one rebuilds from
    // the committed state, whether or not this one commits.
    const webhooks = changesWebhooks
      ? new WebhookIndex(merged(before.integrations, batch.draft.integrations).values())
      : (this.index ??= new WebhookIndex(before.integrations.values()));
    if (changesWebhooks) this.index = undefined;
    if (batch.events.length === 0 || (webhooks.isEmpty && !this.settings.mail)) return;
    planCommitted(batch.events, before, this.context(batch, before, webhooks), batch.deliveries);
  }

  /** The pending requests whose deadline is near and not yet planned. */
  dueSoon(requests: Iterable<Request>, now: number): SoonStep[] {
    for (const [key, at] of this.soonPlanned) if (at <= now) this.soonPlanned.delete(key);
    const steps: SoonStep[] = [];
    for (const request of requests) {
      const deadline = deadlineSoon(request, now, this.config.deadlineSoonMs);
      if (deadline && !this.soonPlanned.has(soonKey(request.id, deadline))) steps.push({ requestId: request.id, deadline });
    }
    return steps;
  }

  /** Plans "deadline soon" for each step still near (the store keeps one row per dedup key). */
  planSoon(batch: BatchBuilder, steps: readonly SoonStep[], before: DomainState): void {
    const webhooks = (this.index ??= new WebhookIndex(before.integrations.values()));
    const ctx = this.context(batch, before, webhooks);
    for (const step of steps) {
      const request = batch.draft.request(step.requestId);
      const deadline = request && deadlineSoon(request, batch.now, this.config.deadlineSoonMs);
      if (!request || deadline?.at !== step.deadline.at || deadline.step !== step.deadline.step) continue;
      const planned = this.soonInBatch.get(batch) ?? new Map<string, number>();
      planned.set(soonKey(request.id, deadline), deadline.at);
      this.soonInBatch.set(batch, planned);
      planDeadlineSoon(request, deadline, batch.now, ctx, batch.deliveries);
    }
  }

  recordAttempts(batch: BatchBuilder, outcomes: readonly AttemptOutcome[]): void {
    for (const outcome of outcomes) recordAttempt(batch, outcome, this.settings, this.newId);
  }

  /** Called once a batch is committed. */
  committed(batch: BatchBuilder): void {
    for (const [key, at] of this.soonInBatch.get(batch) ?? []) this.soonPlanned.set(key, at);
    if (batch.deliveries.length === 0) return;
    const targets = new Set(batch.deliveries.map((delivery) => delivery.target));
    for (const listener of this.listeners) listener(targets);
  }

  /** Called with the targets (addresses, webhooks) of deliveries just committed: the sender wakes up. */
  onPlanned(listener: (targets: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private context(batch: BatchBuilder, before: DomainState, webhooks: WebhookIndex): PlanContext {
    let directory: ContactDirectory | undefined;
    return {
      settings: this.settings,
      webhooks,
      read: batch.draft,
      directory: () =>
        (directory ??= {
          users: merged(before.users, batch.draft.users),
          platforms: merged(before.platforms, batch.draft.platforms),
        }),
      newId: this.newId,
    };
  }
}
