import { LIMITS } from '@contact-desk/shared';
import { join, resolve } from 'node:path';
import { secretSetting, SettingError, textSetting, type Environment } from './config-setting.js';
import { ProxyTrust } from './http/proxy-trust.js';
import { resolveOutreach, type OutreachConfig } from './outreach/outreach-config.js';
import { tlsFiles, type TlsFiles } from './tls/tls-certificate.js';

/**
 * How much one client may ask of the relay. The defaults leave ample room for real use and only
 * stop floods: see `DEFAULT_LIMITS` for the reasoning behind each figure.
 */
export interface RelayLimits {
  /** Largest Socket.IO message (Socket.IO's `maxHttpBufferSize`); a larger frame closes the socket. */
  readonly maxMessageBytes: number;
  /** Largest `POST /enroll` body. */
  readonly enrollBodyBytes: number;
  /** Largest `POST /admin/perform` body. */
  readonly adminBodyBytes: number;
  /** Mutations a device may push per second, sustained (the refill rate of its token bucket). */
  readonly mutationsPerSecond: number;
  /** Mutations a device may push at once after being idle (the size of its token bucket). */
  readonly mutationBurst: number;
  /** Refused enrollment codes one source address may send within `enrollWindowMs`. */
  readonly enrollFailuresPerAddress: number;
  /** Refused enrollment codes from all addresses together within `enrollWindowMs`. */
  readonly enrollFailuresGlobal: number;
  readonly enrollWindowMs: number;
}

/**
 * - 1 MB per message: a full push of 100 mutations with 500 items of 2 kB each is the largest
 *   legitimate message and stays under it in practice (real requests carry a few links).
 * - 200 mutations/s sustained, 2,000 at once: a person acts a few times a minute and a liaison
 *   working through a queue at full speed stays under 2/s, so neither ever comes near it; an
 *   outbox filled during days offline (a few hundred actions a day) goes out at once within the
 *   burst, and a synthetic 10,000 drains in under a minute. One device still gets at most about
 *   1% of the relay's write capacity (the relay benchmark targets 20,000 durable mutations/s), so
 *   a client stuck in a loop cannot starve the others.
 * - Enrollment: 10 refused codes per address per 15 minutes (nobody mistypes a code ten times in
 *   a row), 200 for all addresses together (caps a guesser spread over many addresses at 19,200
 *   guesses a day against a 60-bit code space).
 */
export const DEFAULT_LIMITS: RelayLimits = {
  maxMessageBytes: 1_000_000,
  enrollBodyBytes: 4096,
  adminBodyBytes: 65_536,
  mutationsPerSecond: 200,
  mutationBurst: 2000,
  enrollFailuresPerAddress: 10,
  enrollFailuresGlobal: 200,
  enrollWindowMs: 15 * 60_000,
};

export interface RelayConfig {
  readonly host: string;
  readonly port: number;
  /**
   * Folder of the SQLite file, and of what stays on each node whatever the store: the key that
   * seals webhook secrets, the admin secret, the lock the CLI finds a running relay by.
   */
  readonly dataDir: string;
  /**
   * A PostgreSQL database (`postgres://…`) to keep the record in instead of the SQLite file:
   * several relay nodes may then share it (docs/deployment.md). Kept out of the logs.
   */
  readonly databaseUrl?: string;
  /** Origins allowed to open a socket from a browser; `*` for any (auth is by token). */
  readonly corsOrigin: string;
  /** How often the deadline watcher looks; 0 disables the timer (tests call `tick`). */
  readonly deadlineCheckMs: number;
  readonly logLevel: string;
  /** Defaults to `DEFAULT_LIMITS`. */
  readonly limits?: RelayLimits;
  /** E-mail and webhooks (docs/integrations.md); absent: the relay plans and sends nothing. */
  readonly outreach?: OutreachConfig;
  /** HTTPS and WSS on the relay's port, reloaded on SIGHUP; absent: plain HTTP, for a TLS-terminating proxy in front. */
  readonly tls?: TlsFiles;
  /** The reverse proxies whose `X-Forwarded-For` names the client; absent: the TCP peer is the client. */
  readonly trustProxy?: ProxyTrust;
  /**
   * A listener of its own serving `GET /metrics` without a secret (docs/monitoring.md); absent: none,
   * and the metrics are served only on the main port to holders of the admin secret.
   */
  readonly metricsPort?: number;
  /** Where that listener listens; 127.0.0.1 by default. */
  readonly metricsHost?: string;
}

/** pino's levels: anything else is refused at start rather than failing on the first log line. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const DEFAULT_PORT = 4410;
export const DEFAULT_METRICS_HOST = '127.0.0.1';

export function databaseFile(config: Pick<RelayConfig, 'dataDir'>): string {
  return join(config.dataDir, 'contact-desk.sqlite');
}

/** The `CONTACT_DESK_*` variable of each limit. */
const LIMIT_VARIABLES: Record<keyof RelayLimits, string> = {
  maxMessageBytes: 'CONTACT_DESK_MAX_MESSAGE_BYTES',
  enrollBodyBytes: 'CONTACT_DESK_ENROLL_BODY_BYTES',
  adminBodyBytes: 'CONTACT_DESK_ADMIN_BODY_BYTES',
  mutationsPerSecond: 'CONTACT_DESK_MUTATIONS_PER_SECOND',
  mutationBurst: 'CONTACT_DESK_MUTATION_BURST',
  enrollFailuresPerAddress: 'CONTACT_DESK_ENROLL_FAILURES_PER_ADDRESS',
  enrollFailuresGlobal: 'CONTACT_DESK_ENROLL_FAILURES_GLOBAL',
  enrollWindowMs: 'CONTACT_DESK_ENROLL_WINDOW_MS',
};

/** Limits from `CONTACT_DESK_*` variables over the defaults; refuses values that would lock clients out. */
export function resolveLimits(env: Record<string, string | undefined> = process.env, base = DEFAULT_LIMITS): RelayLimits {
  const limits = { ...base };
  for (const [key, variable] of Object.entries(LIMIT_VARIABLES) as [keyof RelayLimits, string][]) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new SettingError(variable, `invalid ${variable}: ${raw}`);
    limits[key] = value;
  }
  return checkLimits(limits);
}

/** A push of the largest allowed size must always fit in a device's bucket, else it could never be sent. */
export function checkLimits(limits: RelayLimits): RelayLimits {
  if (limits.mutationBurst < LIMITS.mutationsPerPush) {
    throw new SettingError(
      'CONTACT_DESK_MUTATION_BURST',
      `the mutation burst (${limits.mutationBurst}) must allow one full push of ${LIMITS.mutationsPerPush}`,
    );
  }
  return limits;
}

/** What `relay serve` takes on its command line; each has a `CONTACT_DESK_*` variable (relay.env.example). */
export interface ConfigFlags {
  readonly host?: string;
  readonly port?: string | number;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly corsOrigin?: string;
  readonly deadlineCheckMs?: string | number;
  readonly logLevel?: string;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly trustProxy?: string;
  readonly metricsPort?: string | number;
  readonly metricsHost?: string;
}

function portSetting(raw: string, name: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new SettingError(name, `invalid ${name}: ${raw.slice(0, 40)}`);
  return port;
}

function logLevel(flag: string | undefined, env: Environment): string {
  const level = flag ?? textSetting(env, 'CONTACT_DESK_LOG_LEVEL') ?? textSetting(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new SettingError('log-level', `invalid log level "${level.slice(0, 40)}": one of ${LOG_LEVELS.join(', ')}`);
  }
  return level;
}

/**
 * Configuration from flags first, then `CONTACT_DESK_*` variables (secrets also from the file a
 * `*_FILE` variable names), then defaults. Throws a `SettingError` on what it cannot use.
 */
export function resolveConfig(flags: ConfigFlags, env: Environment = process.env): RelayConfig {
  const pick = (flag: string | number | undefined, variable: string, fallback: string) =>
    String(flag ?? textSetting(env, variable) ?? fallback);
  const port = portSetting(pick(flags.port, 'CONTACT_DESK_PORT', String(DEFAULT_PORT)), 'port');
  const metricsPort = flags.metricsPort ?? textSetting(env, 'CONTACT_DESK_METRICS_PORT');
  const deadlineCheckMs = Number(pick(flags.deadlineCheckMs, 'CONTACT_DESK_DEADLINE_CHECK_MS', '1000'));
  if (!Number.isInteger(deadlineCheckMs) || deadlineCheckMs < 0) {
    throw new SettingError('CONTACT_DESK_DEADLINE_CHECK_MS', `invalid CONTACT_DESK_DEADLINE_CHECK_MS: ${deadlineCheckMs}`);
  }
  // Read (and checked for NAME and NAME_FILE both set) even when a flag gives the URL.
  const databaseUrlFromEnv = secretSetting(env, 'CONTACT_DESK_DATABASE_URL');
  const databaseUrl = flags.databaseUrl || databaseUrlFromEnv;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new SettingError('database-url', 'the database URL must start with postgres:// (the relay keeps its record in SQLite otherwise)');
  }
  const tls = tlsFiles(
    flags.tlsCert ?? textSetting(env, 'CONTACT_DESK_TLS_CERT'),
    flags.tlsKey ?? textSetting(env, 'CONTACT_DESK_TLS_KEY'),
  );
  const trustProxy = ProxyTrust.parse(flags.trustProxy ?? textSetting(env, 'CONTACT_DESK_TRUST_PROXY'));
  return {
    host: pick(flags.host, 'CONTACT_DESK_HOST', '127.0.0.1'),
    port,
    dataDir: resolve(pick(flags.dataDir, 'CONTACT_DESK_DATA_DIR', '.data')),
    corsOrigin: pick(flags.corsOrigin, 'CONTACT_DESK_CORS_ORIGIN', '*'),
    deadlineCheckMs,
    logLevel: logLevel(flags.logLevel, env),
    limits: resolveLimits(env),
    outreach: resolveOutreach(env),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(tls ? { tls } : {}),
    ...(trustProxy ? { trustProxy } : {}),
    ...(metricsPort === undefined ? {} : { metricsPort: portSetting(String(metricsPort), 'metrics port') }),
    metricsHost: pick(flags.metricsHost, 'CONTACT_DESK_METRICS_HOST', DEFAULT_METRICS_HOST),
  };
}
