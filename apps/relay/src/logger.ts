import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Keys under which a secret could ever be handed to the logger: device tokens, enrollment codes,
 * API keys, the admin secret, authorization headers, the hashes that stand for them in the store, and
 * outreach's secrets (webhook signing secrets and pager keys, sealed or not, the SMTP URL). The
 * relay's own log lines never pass these (they name users and devices by id); redaction is the
 * second line of defence should a handshake, a request or a result object be logged whole.
 * `err.code` (e.g. `SQLITE_BUSY`) is deliberately not redacted: it says why a commit failed.
 */
export const REDACTED_PATHS: readonly string[] = [
  'token',
  '*.token',
  'newToken',
  '*.newToken',
  'code',
  'enrollmentCode',
  '*.enrollmentCode',
  'data.enrollmentCode',
  '*.data.enrollmentCode',
  'secret',
  '*.secret',
  'adminSecret',
  'auth',
  '*.auth',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'tokenHash',
  '*.tokenHash',
  'codeHash',
  '*.codeHash',
  'apiKey',
  '*.apiKey',
  'data.apiKey',
  '*.data.apiKey',
  'keyHash',
  '*.keyHash',
  // Outreach: a webhook's signing secret, a pager's key, the SMTP URL (it may carry a password).
  'signingSecret',
  '*.signingSecret',
  'data.signingSecret',
  '*.data.signingSecret',
  'presetKey',
  '*.presetKey',
  '*.*.presetKey',
  '*.*.*.presetKey',
  'routing_key',
  '*.routing_key',
  'smtpUrl',
  '*.smtpUrl',
  'headers["webhook-signature"]',
  '*.headers["webhook-signature"]',
  'sealed',
  '*.sealed',
];

/** Structured JSON logs, to stdout unless a destination is given (tests capture it). */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options = {
    name: 'contact-desk-relay',
    level,
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const silentLogger: Logger = pino({ level: 'silent' });
