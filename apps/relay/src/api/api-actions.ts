import {
  notFound,
  parseMutation,
  parseWith,
  protocolError,
  type ErrorCode,
  type MutationResult,
  type Parsed,
  type ProtocolError,
} from '@contact-desk/shared';
import type { RelayCore } from '../core/relay-core.js';
import type { Logger } from '../logger.js';
import type { ProxyTrust } from '../http/proxy-trust.js';
import type { Storage } from '../storage/storage.js';
import { recordReceipts } from '../sync/socket-server.js';
import type { ApiCaller } from './api-caller.js';
import { detailQuerySchema, idempotencyHeadersSchema, listQuerySchema, requestPathSchema, type WriteRoute } from './api-inputs.js';
import { KEY_REFUSED } from './api-keys.js';
import type { WriteAccepted } from './api-views.js';
import { listRequests } from './request-list.js';
import { detailOf, summaryOf } from './request-views.js';

/** What the REST API does for an admitted caller: the answer of each route, as status and body. */

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ApiContext {
  readonly core: RelayCore;
  readonly store: Pick<Storage, 'apiKeyHash' | 'requestEvents'>;
  readonly log: Logger;
  /** Reverse proxies whose `X-Forwarded-For` names the caller in the logs. */
  readonly proxyTrust?: ProxyTrust;
}

/** The HTTP status of each typed error. */
const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  invalid_payload: 400,
  unknown_mutation: 400,
  unsupported_protocol: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  illegal_transition: 409,
  conflict: 409,
  mutation_id_reused: 422,
  rate_limited: 429,
  storage_unavailable: 503,
  internal: 500,
};

/** Every refused key gets this one answer, whatever the reason. */
export const KEY_REFUSED_ANSWER: ApiAnswer = {
  status: 401,
  body: { ok: false, error: KEY_REFUSED },
  headers: { 'www-authenticate': 'Bearer realm="contact-desk"' },
};

export function errorAnswer(error: ProtocolError): ApiAnswer {
  if (error.code === 'unauthenticated') return KEY_REFUSED_ANSWER;
  return { status: STATUS_OF[error.code], body: { ok: false, error } };
}

const READ_FAILED = protocolError('storage_unavailable', 'The relay could not read its record right now. Try again later.');

/** The query string as an object; a parameter given twice becomes a list, which no schema takes. */
function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const [key, value] of query) {
    const seen = object[key];
    object[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return object;
}

/** Requests the platform's tool was just given that no device of the platform had received yet. */
function received(ctx: ApiContext, caller: ApiCaller, requestIds: readonly string[]): void {
  recordReceipts(ctx.core, requestIds, caller.session.device.id);
}

export function listAnswer(ctx: ApiContext, caller: ApiCaller, query: URLSearchParams): ApiAnswer {
  const parsed = parseWith(listQuerySchema, queryObject(query), 'query');
  if (!parsed.ok) return errorAnswer(parsed.error);
  const now = ctx.core.serverTime();
  const view = ctx.core.view;
  const page = listRequests(view, caller.key.platformId, parsed.value, now);
  if ('error' in page) return errorAnswer(page.error);
  received(
    ctx,
    caller,
    page.requests.map((request) => request.id),
  );
  return {
    status: 200,
    body: {
      ok: true,
      serverTime: now,
      requests: page.requests.map((request) => summaryOf(request, now, view)),
      nextCursor: page.nextCursor,
    },
  };
}

export async function detailAnswer(ctx: ApiContext, caller: ApiCaller, id: string, query: URLSearchParams): Promise<ApiAnswer> {
  const path = parseWith(requestPathSchema, { id }, 'path');
  if (!path.ok) return errorAnswer(path.error);
  const parsed = parseWith(detailQuerySchema, queryObject(query), 'query');
  if (!parsed.ok) return errorAnswer(parsed.error);
  const view = ctx.core.view;
  const request = view.requests.get(path.value.id);
  // Another platform's request is answered exactly as one that does not exist.
  if (!request || request.platformId !== caller.key.platformId) return errorAnswer(notFound('request', path.value.id));
  const limit = parsed.value.timelineLimit ?? 100;
  let events;
  try {
    events = await ctx.store.requestEvents(request.platformId, request.id, parsed.value.timelineAfter ?? 0, limit + 1);
  } catch (error) {
    ctx.log.error({ err: error, requestId: request.id }, 'reading a request timeline failed');
    return errorAnswer(READ_FAILED);
  }
  const hasMore = events.length > limit;
  const page = hasMore ? events.slice(0, limit) : events;
  received(ctx, caller, [request.id]);
  const now = ctx.core.serverTime();
  const detail = detailOf(request, now, view, { events: page, nextAfter: hasMore ? (page.at(-1)?.seq ?? null) : null });
  return { status: 200, body: { ok: true, serverTime: now, request: detail } };
}

/** The body as JSON; an empty body is `{}` (an acknowledgement needs nothing more). */
function bodyJson(text: string): Parsed<unknown> {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: protocolError('invalid_payload', 'The body must be JSON.') };
  }
}

function accepted(result: Extract<MutationResult, { status: 'accepted' }>): WriteAccepted {
  return { ok: true, mutationId: result.mutationId, seqs: [...result.seqs], serverTime: result.serverTime };
}

/**
 * A change: the path, the Idempotency-Key and the body checked against the route's schemas, then
 * the mutation it stands for, decided and recorded by the same group commit as the app's.
 */
export async function writeAnswer(
  ctx: ApiContext,
  caller: ApiCaller,
  route: WriteRoute,
  id: string,
  idempotencyKey: string | undefined,
  text: string,
): Promise<ApiAnswer> {
  const path = parseWith(requestPathSchema, { id }, 'path');
  if (!path.ok) return errorAnswer(path.error);
  const headers = parseWith(idempotencyHeadersSchema, { 'idempotency-key': idempotencyKey }, 'headers');
  if (!headers.ok) return errorAnswer(headers.error);
  const json = bodyJson(text);
  if (!json.ok) return errorAnswer(json.error);
  const body = parseWith(route.body, json.value, `${route.action} body`);
  if (!body.ok) return errorAnswer(body.error);
  const key = headers.value['idempotency-key'];
  const mutation = parseMutation({ mutationId: key, type: route.type, args: route.args(path.value.id, body.value, key), clientTime: null });
  if (!mutation.ok) return errorAnswer(mutation.error);
  // A key revoked while the body was on its way is refused when the mutation is decided.
  const [result] = await ctx.core.submit(caller.session, [mutation.value]);
  if (!result) return errorAnswer(protocolError('internal', 'The relay gave no answer.'));
  ctx.log.info(
    { apiKeyId: caller.key.id, type: route.type, mutationId: key, outcome: result.status === 'accepted' ? 'accepted' : result.error.code },
    'API change',
  );
  return result.status === 'accepted' ? { status: 200, body: accepted(result) } : errorAnswer(result.error);
}
