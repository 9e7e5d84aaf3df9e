import type { Logger } from '../logger.js';
import type { NodeCoordination } from '../storage/storage.js';

/** A job that must run on one relay node at a time: started when the node leads, stopped when it no longer does. */
export interface SingleJob {
  start(): void;
  stop(): Promise<void> | void;
}

/** How often a node that does not lead asks again (and so, at most, how long a dead leader's job waits). */
export const LEAD_RETRY_MS = 2_000;

/**
 * Runs a job on exactly one of the relay nodes sharing a store: the deadline watcher and the
 * outreach sender. The node holding the store's lease for the role runs it; the others ask again
 * every `retryMs`. The lease belongs to a database session, so it is freed when its node dies
 * (the server sees the connection close) or is cut off, and another node takes the job within
 * `retryMs`. Without coordination (SQLite: one relay process), the job simply runs.
 */
export class Leadership {
  private timer: NodeJS.Timeout | undefined;
  private leadingNow = false;
  private stopped = false;

  constructor(
    private readonly coordination: NodeCoordination | undefined,
    readonly role: string,
    private readonly job: SingleJob,
    private readonly log: Logger,
    private readonly retryMs = LEAD_RETRY_MS,
  ) {}

  /** Whether this node runs the job now. */
  get leading(): boolean {
    return this.leadingNow;
  }

  start(): void {
    if (!this.coordination) {
      this.lead();
      return;
    }
    void this.ask();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.leadingNow) {
      this.leadingNow = false;
      await this.job.stop();
      await this.coordination?.stepDown(this.role).catch(() => undefined);
    }
  }

  private async ask(): Promise<void> {
    if (this.stopped || !this.coordination) return;
    let held = false;
    try {
      held = await this.coordination.tryLead(this.role, () => this.lost());
    } catch (error) {
      this.log.warn({ err: error, role: this.role }, 'could not ask the store who runs this job');
    }
    if (this.stopped) {
      if (held) await this.coordination.stepDown(this.role).catch(() => undefined);
      return;
    }
    if (held) this.lead();
    else this.askLater();
  }

  private lead(): void {
    this.leadingNow = true;
    this.log.info({ role: this.role }, 'this relay node runs the job');
    this.job.start();
  }

  private lost(): void {
    if (!this.leadingNow || this.stopped) return;
    this.leadingNow = false;
    this.log.warn({ role: this.role }, 'this relay node lost the job (its store session ended); asking again');
    void Promise.resolve(this.job.stop()).finally(() => this.askLater());
  }

  private askLater(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.ask(), this.retryMs);
    this.timer.unref();
  }
}
