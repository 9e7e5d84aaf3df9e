import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Secrets (tokens, codes) are redacted wherever they appear. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: 'contact-desk-relay',
    level,
    redact: { paths: ['token', '*.token', 'code', '*.code', 'auth', '*.auth'], censor: '[redacted]' },
  });
}

export const silentLogger: Logger = pino({ level: 'silent' });
