import { PROTOCOL_VERSION } from '@contact-desk/shared';
import type { AddressInfo } from 'node:net';
import { DEFAULT_LIMITS, DEFAULT_METRICS_HOST, type RelayConfig } from './config.js';
import { Leadership } from './cluster/leadership.js';
import { systemClock, type Clock } from './core/clock.js';
import { RelayCore } from './core/relay-core.js';
import { DeadlineWatcher } from './deadlines/deadline-watcher.js';
import { createHttpServer } from './http/http-server.js';
import { createLogger, type Logger } from './logger.js';
import { listenForMetrics, type MetricsListener } from './monitoring/metrics-http.js';
import { PrometheusMetrics } from './monitoring/prometheus-metrics.js';
import { ReadinessCheck } from './monitoring/readiness.js';
import { NO_METRICS } from './monitoring/relay-metrics.js';
import { Outbox } from './outreach/outbox.js';
import { SecretBox } from './outreach/secret-box.js';
import type { DeliverySender } from './outreach/sender.js';
import { SenderJob, startSender, type SenderOptions } from './outreach/start-sender.js';
import { openStorage } from './storage/open-storage.js';
import type { Storage } from './storage/storage.js';
import { attachSocketServer, type RelayIo } from './sync/socket-server.js';
import { loadTls, type CertificateSummary } from './tls/tls-certificate.js';

export interface RunningRelay {
  readonly url: string;
  readonly port: number;
  readonly core: RelayCore;
  readonly watcher: DeadlineWatcher;
  readonly io: RelayIo;
  /** The outbox, and its sender while this node is the one that sends, when the configuration has outreach. */
  readonly outreach: { readonly outbox: Outbox; readonly sender: DeliverySender | undefined } | undefined;
  /** Whether this node runs the deadline watcher now (always, on SQLite; one node of several, on PostgreSQL). */
  readonly watchesDeadlines: boolean;
  /** The certificate served now, when the relay serves HTTPS. */
  readonly certificate: CertificateSummary | undefined;
  /**
   * Reads the certificate and key files again and serves them to new connections; open ones
   * keep theirs. Files that fail their checks are logged and the previous certificate stays.
   * Undefined when the relay serves plain HTTP or the files were refused.
   */
  reloadCertificate(): CertificateSummary | undefined;
  /** This relay's metrics (undefined when started with `metrics: false`). */
  readonly metrics: PrometheusMetrics | undefined;
  /** The metrics' own listener's address (`…/metrics`), when `metricsPort` is set. */
  readonly metricsUrl: string | undefined;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Storage to use instead of the one the configuration names (the data folder's SQLite file, or PostgreSQL). */
  readonly storage?: Storage;
  /** Enables `POST /admin/perform` for the local CLI with this secret. */
  readonly adminSecret?: string;
  /** The sender's transports and randomness, instead of fetch and the configured SMTP server. */
  readonly outreach?: SenderOptions;
  /** `false`: count nothing and serve no metrics (the bench's comparison); counted by default. */
  readonly metrics?: boolean;
}

/**
 * Opens the store, starts HTTP + Socket.IO, and the deadline watcher and the outreach sender on
 * whichever node of those sharing the store leads them.
 */
export async function startRelay(config: RelayConfig, options: StartOptions = {}): Promise<RunningRelay> {
  const log = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  // Before anything is opened: a certificate that cannot be served stops the start.
  let tls = config.tls && loadTls(config.tls);
  const storage = options.storage ?? (await openStorage(config));
  const secrets = SecretBox.forDataDir(config.dataDir);
  const outbox = config.outreach && new Outbox(config.outreach, log);
  const metrics = options.metrics === false ? undefined : new PrometheusMetrics();
  const counted = metrics ?? NO_METRICS;
  const core = await RelayCore.open(storage, clock, log, { secrets, outbox }, counted);
  const limits = config.limits ?? DEFAULT_LIMITS;
  const watcher = new DeadlineWatcher(core, clock, log, outbox, counted);
  const { coordination } = storage;
  const watching = new Leadership(
    coordination,
    'deadlines',
    { start: () => watcher.start(config.deadlineCheckMs), stop: () => watcher.stop() },
    log,
  );
  const sending =
    outbox &&
    new SenderJob(() => startSender(core, storage.outbox(), outbox, secrets, clock, log, options.outreach, counted), outbox, coordination);
  const sendingLead = sending && new Leadership(coordination, 'outreach', sending, log);
  const jobs = [watching, sendingLead].flatMap((lead) => (lead ? [lead] : []));
  const readiness = new ReadinessCheck(core, storage, log);
  metrics?.watch({
    engine: storage.engine,
    protocol: PROTOCOL_VERSION,
    headSeq: () => core.headSeq,
    leads: () => jobs.map((job) => ({ lead: job.role, leading: job.leading })),
    readiness: () => readiness.check(),
    priorities: core.view.policy.levels.map((level) => level.label),
  });
  const http = createHttpServer(core, log, config.corsOrigin, {
    adminSecret: options.adminSecret,
    limits,
    clock,
    apiStore: storage,
    leads: () => jobs.flatMap((lead) => (lead.leading ? [lead.role] : [])),
    tls: tls?.options,
    proxyTrust: config.trustProxy,
    readiness: () => readiness.check(),
    metrics,
  });
  const io = attachSocketServer(http, core, log, config.corsOrigin, {
    limits,
    clock,
    credentials: storage,
    deliveryLog: storage.outbox(),
    metrics: counted,
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  let metricsListener: MetricsListener | undefined;
  if (metrics && config.metricsPort !== undefined) {
    metricsListener = await listenForMetrics(metrics, config.metricsHost ?? DEFAULT_METRICS_HOST, config.metricsPort, log);
  }
  watching.start();
  sendingLead?.start();
  const { port } = http.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${config.host}:${port}`;
  const outreach = !config.outreach ? 'off' : config.outreach.smtpUrl ? 'e-mail and webhooks' : 'webhooks (no SMTP server)';
  if (tls) logCertificate(log, 'TLS certificate loaded', tls.summary);
  const trustProxy = config.trustProxy?.entries ?? 'none';
  const metricsUrl = metricsListener?.url;
  log.info(
    { url, headSeq: core.headSeq, store: storage.engine, dataDir: config.dataDir, outreach, trustProxy, metricsUrl },
    'relay listening',
  );
  return {
    url,
    port,
    core,
    watcher,
    io,
    outreach:
      outbox && sending
        ? {
            outbox,
            get sender() {
              return sending.current;
            },
          }
        : undefined,
    get watchesDeadlines() {
      return watching.leading;
    },
    get certificate() {
      return tls?.summary;
    },
    reloadCertificate() {
      if (!config.tls || !('setSecureContext' in http)) {
        log.info('SIGHUP: the relay serves plain HTTP, there is no certificate to reload');
        return undefined;
      }
      try {
        tls = loadTls(config.tls);
      } catch (error) {
        log.error({ reason: (error as Error).message }, 'TLS certificate not reloaded: still serving the previous one');
        return undefined;
      }
      http.setSecureContext(tls.options);
      logCertificate(log, 'TLS certificate reloaded', tls.summary);
      return tls.summary;
    },
    metrics,
    metricsUrl,
    async close() {
      readiness.stopping();
      await watching.stop();
      await sendingLead?.stop();
      // Closing the server drops the connections as a transport close, so clients reconnect.
      await new Promise<void>((resolve, reject) => {
        io.close(() => resolve()).catch(reject);
      });
      await metricsListener?.close();
      await core.flushNow();
      core.stop();
      await storage.close();
    },
  };
}

function logCertificate(log: Logger, message: string, certificate: CertificateSummary): void {
  if (certificate.expired) log.warn({ certificate }, `${message}: it has EXPIRED, clients will refuse it`);
  else log.info({ certificate }, message);
}
