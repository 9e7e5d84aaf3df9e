import type { Clock } from '../core/clock.js';
import type { RelayCore } from '../core/relay-core.js';
import type { Logger } from '../logger.js';
import type { OutreachMetrics } from '../monitoring/relay-metrics.js';
import type { OutboxStore } from '../storage/outbox-store.js';
import type { NodeCoordination } from '../storage/storage.js';
import type { Outbox } from './outbox.js';
import type { SecretSealer } from './secret-box.js';
import { DeliverySender } from './sender.js';
import { fetchTransport, smtpTransport, type Transports } from './transports.js';

export interface SenderOptions {
  /** Transports instead of Node's fetch and the configured SMTP server (tests, a demo's local sinks). */
  readonly transports?: Partial<Transports>;
  /** For jitter; `Math.random` by default. */
  readonly random?: () => number;
}

/** A sender of a relay's outbox, started (wake it when deliveries are planned: `SenderJob` does). */
export function startSender(
  core: RelayCore,
  store: OutboxStore,
  outbox: Outbox,
  secrets: SecretSealer,
  clock: Clock,
  log: Logger,
  options: SenderOptions = {},
  metrics?: OutreachMetrics,
): DeliverySender {
  const { config } = outbox;
  const mail =
    options.transports?.mail !== undefined ? options.transports.mail : config.smtpUrl && smtpTransport(config.smtpUrl, config.timeoutMs);
  const sender = new DeliverySender({
    store,
    recordAttempts: (outcomes) => core.recordAttempts(outcomes),
    read: () => ({ integration: (id) => core.view.integrations.get(id) }),
    secrets,
    transports: { http: options.transports?.http ?? fetchTransport, mail: mail || null },
    config,
    clock,
    log,
    ...(options.random ? { random: options.random } : {}),
    ...(metrics ? { metrics } : {}),
  });
  sender.start();
  return sender;
}

/**
 * The outreach sender as a job of one relay node (`Leadership`): a fresh sender each time this
 * node takes the job, woken by this node's commits that plan deliveries and by every commit of
 * another node (whose deliveries this node now sends).
 */
export class SenderJob {
  private sender: DeliverySender | undefined;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly make: () => DeliverySender,
    private readonly outbox: Outbox,
    private readonly coordination: NodeCoordination | undefined,
  ) {}

  /** The running sender; undefined while another node sends. */
  get current(): DeliverySender | undefined {
    return this.sender;
  }

  start(): void {
    const sender = this.make();
    this.sender = sender;
    this.unsubscribe.push(this.outbox.onPlanned((targets) => sender.planned(targets)));
    if (this.coordination) this.unsubscribe.push(this.coordination.onAppended(() => sender.wake(true)));
  }

  async stop(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    const sender = this.sender;
    this.sender = undefined;
    await sender?.stop();
  }
}
