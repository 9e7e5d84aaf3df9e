import { protocolError, refusal } from '@contact-desk/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelayLimits } from '../config.js';
import type { Clock } from '../core/clock.js';
import { readBody, send, sourceAddress, tooLarge } from '../http/http-io.js';
import { PushRateLimit } from '../sync/push-rate-limit.js';
import { detailAnswer, errorAnswer, KEY_REFUSED_ANSWER, listAnswer, writeAnswer, type ApiAnswer, type ApiContext } from './api-actions.js';
import { authenticateCaller, type ApiCaller } from './api-caller.js';
import { WRITE_ROUTES, type WriteRoute } from './api-inputs.js';
import { API_BASE, openApiDocument } from './openapi.js';
import { referencePage } from './reference-page.js';

/** A route of the API matched from the method and path. */
type Matched =
  | { readonly kind: 'openapi' }
  | { readonly kind: 'docs' }
  | { readonly kind: 'list' }
  | { readonly kind: 'detail'; readonly id: string }
  | { readonly kind: 'write'; readonly id: string; readonly route: WriteRoute };

const NO_ENDPOINT = protocolError('not_found', 'No such endpoint.');
const READ_ONLY_KEY = refusal('forbidden', 'key_scope', 'This API key may only read (scope read).', { scope: 'read' });
const CREDENTIALS_UNREADABLE = protocolError('storage_unavailable', 'The relay could not check this API key right now. Try again later.');

export function isApiPath(path: string): boolean {
  return path === API_BASE || path.startsWith(`${API_BASE}/`);
}

function match(method: string, path: string): Matched | undefined {
  if (!path.startsWith(`${API_BASE}/`)) return undefined;
  let parts: string[];
  try {
    parts = path.slice(API_BASE.length).split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined; // a malformed %-escape: no route has one
  }
  if (method === 'GET') {
    if (parts.length === 1 && parts[0] === 'openapi.json') return { kind: 'openapi' };
    if (parts.length === 1 && parts[0] === 'docs') return { kind: 'docs' };
    if (parts.length === 1 && parts[0] === 'requests') return { kind: 'list' };
    if (parts.length === 2 && parts[0] === 'requests') return { kind: 'detail', id: parts[1] ?? '' };
  }
  if (method === 'POST' && parts.length === 3 && parts[0] === 'requests') {
    const route = WRITE_ROUTES.find((candidate) => candidate.action === parts[2]);
    if (route) return { kind: 'write', id: parts[1] ?? '', route };
  }
  return undefined;
}

function answer(res: ServerResponse, reply: ApiAnswer, close = false): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  // A refusal sent before the body was asked for: the connection is not reused for what follows.
  if (close) res.setHeader('connection', 'close');
  send(res, reply.status, reply.body);
}

/**
 * The REST API under `/api/v1`: routes matched, the API key checked, then its scope and its rate,
 * before any body is read. With `Expect: 100-continue` the client is told to send its body only
 * once all of that passed — and is refused without sending it otherwise.
 */
export class RestApi {
  private readonly rate: PushRateLimit;

  constructor(
    private readonly ctx: ApiContext,
    private readonly limits: RelayLimits,
    clock: Clock,
  ) {
    this.rate = new PushRateLimit(limits.mutationsPerSecond, limits.mutationBurst, clock);
  }

  async serve(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://relay');
    // Routed on the path as sent: `/api/v1/x/../openapi.json` is no route, not the document
    // (URL parsing would fold the dot segments, and the gate in front checked the raw path).
    const matched = match(req.method ?? '', (req.url ?? '/').split('?')[0] ?? '/');
    if (!matched) return answer(res, errorAnswer(NO_ENDPOINT), expectsContinue);
    if (matched.kind === 'openapi') return answer(res, { status: 200, body: openApiDocument() });
    if (matched.kind === 'docs') return referencePage(res);

    const admitted = await this.admit(req, matched);
    if ('status' in admitted) return answer(res, admitted, expectsContinue);
    if (matched.kind === 'list') return answer(res, listAnswer(this.ctx, admitted, url.searchParams));
    if (matched.kind === 'detail') return answer(res, await detailAnswer(this.ctx, admitted, matched.id, url.searchParams));

    const maxBytes = this.limits.maxMessageBytes;
    if (expectsContinue && Number(req.headers['content-length'] ?? 0) > maxBytes) {
      res.setHeader('connection', 'close');
      return tooLarge(res, maxBytes);
    }
    if (expectsContinue) res.writeContinue();
    const text = await readBody(req, maxBytes);
    if (text === undefined) return tooLarge(res, maxBytes);
    const header = req.headers['idempotency-key'];
    const idempotencyKey = Array.isArray(header) ? header.join(', ') : header;
    answer(res, await writeAnswer(this.ctx, admitted, matched.route, matched.id, idempotencyKey, text));
  }

  /** The caller, once their key, its scope and their rate allow the request; else the refusal. */
  private async admit(req: IncomingMessage, matched: Matched): Promise<ApiCaller | ApiAnswer> {
    const caller = await authenticateCaller(req.headers.authorization, this.ctx.core.view, this.ctx.store);
    if (caller === 'unreadable') return errorAnswer(CREDENTIALS_UNREADABLE);
    if (caller === 'refused') {
      this.ctx.log.warn({ address: sourceAddress(req, this.ctx.proxyTrust), path: (req.url ?? '').slice(0, 120) }, 'API key refused');
      return KEY_REFUSED_ANSWER;
    }
    if (matched.kind === 'write' && caller.key.scope !== 'act') return errorAnswer(READ_ONLY_KEY);
    const admission = this.rate.take(caller.key.id, 1);
    if (!admission.ok) {
      this.ctx.log.warn({ apiKeyId: caller.key.id, retryAfterMs: admission.retryAfterMs }, 'API rate limited');
      return {
        status: 429,
        headers: { 'retry-after': String(Math.ceil(admission.retryAfterMs / 1000)) },
        body: {
          ok: false,
          error: protocolError('rate_limited', 'Too many requests with this API key; try again after the delay.', {
            retryAfterMs: admission.retryAfterMs,
          }),
        },
      };
    }
    return caller;
  }
}
