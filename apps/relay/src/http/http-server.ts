import { enrollRequestSchema, parseWith, protocolError, type EnrollResponse } from '@contact-desk/shared';
import { isApiPath, RestApi } from '../api/api-handler.js';
import { handleAdmin } from './admin-endpoint.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { SecureContextOptions } from 'node:tls';
import type { Duplex } from 'node:stream';
import { DEFAULT_LIMITS, type RelayLimits } from '../config.js';
import { systemClock, type Clock } from '../core/clock.js';
import { EnrollmentGuard } from './enrollment-guard.js';
import { readBody, send, sourceAddress, tooLarge } from './http-io.js';
import type { ProxyTrust } from './proxy-trust.js';
import type { RelayCore } from '../core/relay-core.js';
import type { Logger } from '../logger.js';
import { answerReadiness, serveGuardedMetrics, type MetricsExposition } from '../monitoring/metrics-http.js';
import type { Readiness } from '../monitoring/readiness.js';
import type { Storage } from '../storage/storage.js';

export interface HttpServerOptions {
  readonly adminSecret?: string;
  readonly limits?: RelayLimits;
  /** The relay's clock, for the enrollment attempt window and the API's rate limit. */
  readonly clock?: Clock;
  /** Where the REST API (`/api/v1`) checks keys and reads timelines; without it, there is no API. */
  readonly apiStore?: Pick<Storage, 'apiKeyHash' | 'requestEvents'>;
  /** The jobs this node runs now (`deadlines`, `outreach`): shown by `/healthz`, for operators and load balancers' checks. */
  readonly leads?: () => readonly string[];
  /** Serve HTTPS (and so WSS) with this certificate and key, instead of plain HTTP. */
  readonly tls?: SecureContextOptions;
  /** Reverse proxies whose `X-Forwarded-For` names the client (enrollment's limit per address, logs). */
  readonly proxyTrust?: ProxyTrust;
  /** What `GET /readyz` answers (docs/monitoring.md); without it, `/readyz` is not served. */
  readonly readiness?: () => Promise<Readiness>;
  /** Served at `GET /metrics` to callers holding the admin secret. */
  readonly metrics?: MetricsExposition;
}

/** The relay's server: plain HTTP, or HTTPS whose certificate `setSecureContext` replaces. */
export type RelayServer = Server | HttpsServer;

/** Browsers that reached the relay over HTTPS keep to HTTPS for a year. */
const HSTS = 'max-age=31536000';

async function enroll(
  core: RelayCore,
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
  guard: EnrollmentGuard,
  limits: RelayLimits,
  proxyTrust: ProxyTrust | undefined,
): Promise<void> {
  const text = await readBody(req, limits.enrollBodyBytes);
  if (text === undefined) {
    tooLarge(res, limits.enrollBodyBytes);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    send(res, 400, { ok: false, error: protocolError('invalid_payload', 'The body must be JSON.') });
    return;
  }
  const parsed = parseWith(enrollRequestSchema, json, 'enrollment');
  if (!parsed.ok) {
    send(res, 400, { ok: false, error: parsed.error });
    return;
  }
  const address = sourceAddress(req, proxyTrust);
  const admission = guard.admit(address);
  if (!admission.ok) {
    log.warn({ address, retryAfterMs: admission.retryAfterMs }, 'enrollment attempt refused: too many refused codes');
    res.setHeader('retry-after', String(Math.ceil(admission.retryAfterMs / 1000)));
    send(res, 429, {
      ok: false,
      error: protocolError('rate_limited', 'Too many refused enrollment codes; try again later.', {
        retryAfterMs: admission.retryAfterMs,
      }),
    });
    return;
  }
  const response: EnrollResponse = await core.enroll(parsed.value.code, parsed.value.deviceLabel);
  // Only a refused code counts against the address; a storage failure says nothing about the code.
  if (response.ok || response.error.code !== 'unauthenticated') guard.forgive(admission.attempt);
  if (response.ok) log.info({ userId: response.actor.userId, deviceId: response.deviceId }, 'device enrolled');
  else log.warn({ reason: response.error.code, address }, 'enrollment refused');
  send(res, response.ok ? 200 : response.error.code === 'unauthenticated' ? 401 : 503, response);
}

/**
 * The HTTP side: `GET /healthz` (liveness), `GET /readyz` (readiness), `GET /metrics` (with the
 * admin secret), `POST /enroll`, `POST /admin/perform` for the local CLI
 * (loopback only, with the data folder's admin secret), and the REST API under `/api/v1`.
 * Socket.IO attaches to the same server.
 */
export function createHttpServer(core: RelayCore, log: Logger, corsOrigin: string, options: HttpServerOptions = {}): RelayServer {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const guard = new EnrollmentGuard(
    { perAddress: limits.enrollFailuresPerAddress, global: limits.enrollFailuresGlobal, windowMs: limits.enrollWindowMs },
    options.clock ?? systemClock,
  );
  const { adminSecret, apiStore, proxyTrust, tls } = options;
  const api = apiStore && new RestApi({ core, store: apiStore, log, proxyTrust }, limits, options.clock ?? systemClock);
  const handle = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void => {
    if (tls) res.setHeader('strict-transport-security', HSTS);
    const origin = req.headers.origin;
    if (origin && (corsOrigin === '*' || corsOrigin.split(',').includes(origin))) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-allow-headers', 'content-type, authorization, idempotency-key');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-expose-headers', 'retry-after');
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (api && req.method !== 'OPTIONS' && isApiPath(path)) {
      // The API answers `Expect: 100-continue` itself: a refused request never sends its body.
      api.serve(req, res, expectsContinue).catch((error: unknown) => failed(res, log, error));
      return;
    }
    if (expectsContinue) res.writeContinue();
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
    } else if (req.method === 'GET' && path === '/healthz') {
      send(res, 200, { ok: true, headSeq: core.headSeq, serverTime: core.serverTime(), leads: options.leads?.() ?? [] });
    } else if (req.method === 'GET' && path === '/readyz' && options.readiness) {
      answerReadiness(res, options.readiness).catch((error: unknown) => failed(res, log, error));
    } else if (req.method === 'GET' && path === '/metrics') {
      serveGuardedMetrics(req, res, adminSecret, options.metrics).catch((error: unknown) => failed(res, log, error));
    } else if (req.method === 'POST' && path === '/enroll') {
      enroll(core, req, res, log, guard, limits, proxyTrust).catch((error: unknown) => failed(res, log, error));
    } else if (req.method === 'POST' && path === '/admin/perform' && adminSecret !== undefined) {
      handleAdmin(core, req, res, log, adminSecret, limits.adminBodyBytes).catch((error: unknown) => failed(res, log, error));
    } else {
      send(res, 404, { ok: false, error: protocolError('not_found', 'No such endpoint.') });
    }
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => handle(req, res, false);
  const server: RelayServer = tls ? createHttpsServer(tls, listener) : createServer(listener);
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => handle(req, res, true));
  server.on('clientError', refuseMalformed);
  return server;
}

/** A handler that threw: the client still gets a typed answer, and the relay goes on serving. */
function failed(res: ServerResponse, log: Logger, error: unknown): void {
  log.error({ err: error }, 'HTTP request failed');
  if (res.headersSent) res.destroy();
  else send(res, 500, { ok: false, error: protocolError('internal', 'The relay failed to handle this request.') });
}

/**
 * A request Node's HTTP parser cannot read (an unknown method, a broken request line or header)
 * never reaches the handler: answer it with the same typed JSON error as any other bad request,
 * instead of Node's bare "400 Bad Request".
 */
function refuseMalformed(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify({ ok: false, error: protocolError('invalid_payload', 'Malformed HTTP request.') });
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      'content-type: application/json; charset=utf-8\r\ncache-control: no-store\r\nconnection: close\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
