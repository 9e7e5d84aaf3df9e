import { dueDeadlineEvents } from '@contact-desk/shared';
import type { Clock } from '../core/clock.js';
import type { RelayCore } from '../core/relay-core.js';
import type { Logger } from '../logger.js';

/**
 * Records lateness as part of the log: when an acknowledgement or action deadline passes
 * without the step, a `request.deadlineMissed` event and the escalation steps are appended.
 * `tick` is what the timer calls; tests call it directly after moving the clock.
 */
export class DeadlineWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly core: RelayCore,
    private readonly clock: Clock,
    private readonly log: Logger,
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
    const due = this.core
      .pendingRequestIds()
      .filter((id) => {
        const request = this.core.view.requests.get(id);
        return request !== undefined && dueDeadlineEvents(request, now).length > 0;
      });
    if (due.length === 0) return Promise.resolve();
    this.log.info({ requests: due.length }, 'recording missed deadlines');
    this.running = this.core.checkDeadlines(due).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
