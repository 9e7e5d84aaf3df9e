import { join, resolve } from 'node:path';

export interface RelayConfig {
  readonly host: string;
  readonly port: number;
  /** Folder of the SQLite file. */
  readonly dataDir: string;
  /** Origins allowed to open a socket from a browser; `*` for any (auth is by token). */
  readonly corsOrigin: string;
  /** How often the deadline watcher looks; 0 disables the timer (tests call `tick`). */
  readonly deadlineCheckMs: number;
  readonly logLevel: string;
}

export const DEFAULT_PORT = 4410;

export function databaseFile(config: Pick<RelayConfig, 'dataDir'>): string {
  return join(config.dataDir, 'contact-desk.sqlite');
}

/** Configuration from flags first, then `CONTACT_DESK_*` variables, then defaults. */
export function resolveConfig(flags: Partial<Record<keyof RelayConfig, string | number | undefined>>): RelayConfig {
  const env = process.env;
  const pick = (flag: string | number | undefined, variable: string | undefined, fallback: string) =>
    String(flag ?? variable ?? fallback);
  const port = Number(pick(flags.port, env.CONTACT_DESK_PORT, String(DEFAULT_PORT)));
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid port: ${port}`);
  const deadlineCheckMs = Number(pick(flags.deadlineCheckMs, env.CONTACT_DESK_DEADLINE_CHECK_MS, '1000'));
  return {
    host: pick(flags.host, env.CONTACT_DESK_HOST, '127.0.0.1'),
    port,
    dataDir: resolve(pick(flags.dataDir, env.CONTACT_DESK_DATA_DIR, '.data')),
    corsOrigin: pick(flags.corsOrigin, env.CONTACT_DESK_CORS_ORIGIN, '*'),
    deadlineCheckMs,
    logLevel: pick(flags.logLevel, env.LOG_LEVEL, 'info'),
  };
}
