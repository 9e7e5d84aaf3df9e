import type { Clock } from '../core/clock.js';
import type { RelayCore } from '../core/relay-core.js';
import type { Logger } from '../logger.js';
import type { OutboxStore } from '../storage/outbox-store.js';
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

/** The sender of a relay's outbox, started and woken whenever a commit plans deliveries. */
export function startSender(
  core: RelayCore,
  store: OutboxStore,
  outbox: Outbox,
  secrets: SecretSealer,
  clock: Clock,
  log: Logger,
  options: SenderOptions = {},
): DeliverySender {
  const { config } = outbox;
  const mail = options.transports?.mail !== undefined ? options.transports.mail : config.smtpUrl && smtpTransport(config.smtpUrl, config.timeoutMs);
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
  });
  outbox.onPlanned((targets) => sender.planned(targets));
  sender.start();
  return sender;
}
