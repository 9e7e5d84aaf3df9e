import { enrollRequestSchema, parseWith, protocolError, type EnrollResponse } from '@contact-desk/shared';
import { handleAdmin } from './admin-endpoint.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readBody, send } from './http-io.js';
import type { RelayCore } from '../core/relay-core.js';
import type { Logger } from '../logger.js';

async function enroll(core: RelayCore, req: IncomingMessage, res: ServerResponse, log: Logger): Promise<void> {
  const text = await readBody(req);
  if (text === undefined) {
    send(res, 413, { ok: false, error: protocolError('invalid_payload', 'Request body too large.') });
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
  const response: EnrollResponse = await core.enroll(parsed.value.code, parsed.value.deviceLabel);
  if (response.ok) log.info({ userId: response.actor.userId, deviceId: response.deviceId }, 'device enrolled');
  else log.warn({ reason: response.error.code }, 'enrollment refused');
  send(res, response.ok ? 200 : response.error.code === 'unauthenticated' ? 401 : 503, response);
}

/**
 * The HTTP side: `GET /healthz`, `POST /enroll`, and `POST /admin/perform` for the local CLI
 * (loopback only, with the data folder's admin secret). Socket.IO attaches to the same server.
 */
export function createHttpServer(core: RelayCore, log: Logger, corsOrigin: string, adminSecret?: string): Server {
  return createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin && (corsOrigin === '*' || corsOrigin.split(',').includes(origin))) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-allow-headers', 'content-type');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    }
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
    } else if (req.method === 'GET' && path === '/healthz') {
      send(res, 200, { ok: true, headSeq: core.headSeq, serverTime: core.serverTime() });
    } else if (req.method === 'POST' && path === '/enroll') {
      void enroll(core, req, res, log);
    } else if (req.method === 'POST' && path === '/admin/perform' && adminSecret !== undefined) {
      void handleAdmin(core, req, res, log, adminSecret);
    } else {
      send(res, 404, { ok: false, error: protocolError('not_found', 'No such endpoint.') });
    }
  });
}
