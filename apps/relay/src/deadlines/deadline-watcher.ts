import { dueDeadlineEvents, type Request } from '@contact-desk/shared';
import type { Clock } from '../core/clock.js';
import type { RelayCore } from '../core/relay-core.js';
import type { MissedDeadline } from '../core/jobs.js';
import type { Logger } from '../logger.js';
import { NO_METRICS, type DeadlineMetrics } from '../monitoring/relay-metrics.js';
import type { Outbox } from '../outreach/outbox.js';

/**
 * Records lateness as part of the log: when an acknowledgement or action deadline passes
 * without the step, a `request.deadlineMissed` event and the escalation steps are appended.
 * With an outbox, a deadline five minutes away has its messages planned (once; no event).
 * `tick` is what the timer calls; tests call it directly after moving the clock.
 */
export class DeadlineWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly core: RelayCore,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly outbox?: Outbox,
    private readonly metrics: DeadlineMetrics = NO_METRICS,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Looks at every pending request once; resolves when what fell due is committed. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    const now = this.clock.now();
    const pending: Request[] = [];
    for (const id of this.core.pendingRequestIds()) {
      const request = this.core.view.requests.get(id);
      if (request) pending.push(request);
    }
    const due = pending.filter((request) => dueDeadlineEvents(request, now).length > 0).map((request) => request.id);
    const soon = this.outbox?.dueSoon(pending, now) ?? [];
    if (due.length === 0 && soon.length === 0) return Promise.resolve();
    if (due.length > 0) this.log.info({ requests: due.length }, 'recording missed deadlines');
    const work: Promise<unknown>[] = [];
    if (due.length > 0) work.push(this.core.checkDeadlines(due).then((missed) => this.count(missed)));
    if (soon.length > 0) work.push(this.core.planDeadlinesSoon(soon));
    this.running = Promise.all(work)
      .then(() => undefined)
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Counts the misses recorded, by step and priority (a label of the policy in force, else `other`). */
  private count(missed: readonly MissedDeadline[]): void {
    const labels = new Set(this.core.view.policy.levels.map((level) => level.label));
    for (const event of missed) {
      const label = this.core.view.requests.get(event.payload.requestId)?.sla.label;
      this.metrics.deadlineMissed(event.payload.step, label !== undefined && labels.has(label) ? label : 'other');
    }
  }
}
