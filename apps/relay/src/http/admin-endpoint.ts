import { MUTATION_TYPES, newId, parseMutation, protocolError, type ErrorCode, type MutationType } from '@contact-desk/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { presentedSecret, sameSecret } from '../auth/admin-secret.js';
import type { RelayCore } from '../core/relay-core.js';
import type { Logger } from '../logger.js';
import { readBody, send, sourceAddress, tooLarge } from './http-io.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * A request a reverse proxy passed on: it comes from loopback when the proxy runs beside the
 * relay, yet it is not the local CLI's (which never sends these headers).
 */
function forwarded(req: IncomingMessage): boolean {
  return ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((name) => req.headers[name] !== undefined);
}

/** Runs one administrator mutation for the CLI of the machine that holds the data folder. */
export async function handleAdmin(
  core: RelayCore,
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
  secret: string,
  maxBodyBytes: number,
): Promise<void> {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || forwarded(req) || !sameSecret(presentedSecret(req.headers.authorization), secret)) {
    log.warn({ address: sourceAddress(req) }, 'administration refused');
    send(res, 401, { ok: false, error: protocolError('unauthenticated', 'Administration is local to the relay.') });
    return;
  }
  const text = await readBody(req, maxBodyBytes);
  if (text === undefined) {
    tooLarge(res, maxBodyBytes);
    return;
  }
  let body: { type?: unknown; args?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    send(res, 400, { ok: false, error: protocolError('invalid_payload', 'The body must be JSON.') });
    return;
  }
  // `null`, a number or a string is JSON too, and has no `type` to read.
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    send(res, 400, { ok: false, error: protocolError('invalid_payload', 'The body must be a JSON object.') });
    return;
  }
  if (typeof body.type !== 'string' || !MUTATION_TYPES.includes(body.type as MutationType)) {
    send(res, 400, { ok: false, error: protocolError('unknown_mutation', 'Unknown mutation type.') });
    return;
  }
  // Validated and decided exactly as from a device; a refusal keeps its own typed error.
  const parsed = parseMutation({ mutationId: newId(), type: body.type, args: body.args, clientTime: null });
  if (!parsed.ok) {
    send(res, 400, { ok: false, error: parsed.error });
    return;
  }
  const [result] = await core.submit(core.adminSession(), [parsed.value]);
  if (result?.status !== 'accepted') {
    const error = result?.error ?? protocolError('internal', 'The relay gave no answer.');
    send(res, STATUS_OF[error.code] ?? 409, { ok: false, error });
    return;
  }
  log.info({ type: body.type, seqs: result.seqs }, 'administration from the CLI');
  send(res, 200, { ok: true, result });
}

/** The HTTP status of a refusal, by its code. */
const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  invalid_payload: 400,
  forbidden: 403,
  not_found: 404,
  storage_unavailable: 503,
  internal: 500,
};
