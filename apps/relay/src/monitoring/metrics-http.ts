import { protocolError } from '@contact-desk/shared';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { presentedSecret, sameSecret } from '../auth/admin-secret.js';
import { send } from '../http/http-io.js';
import type { Logger } from '../logger.js';
import type { Readiness } from './readiness.js';

/** What serves the text exposition (`PrometheusMetrics`). */
export interface MetricsExposition {
  exposition(): Promise<{ readonly contentType: string; readonly text: string }>;
}

/** `GET /readyz`: 200 when ready, else 503; the body is the `Readiness` either way. */
export async function answerReadiness(res: ServerResponse, check: () => Promise<Readiness>): Promise<void> {
  const readiness = await check();
  send(res, readiness.ready ? 200 : 503, readiness);
}

async function sendExposition(res: ServerResponse, metrics: MetricsExposition): Promise<void> {
  const { contentType, text } = await metrics.exposition();
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(text);
}

const UNAUTHENTICATED = protocolError('unauthenticated', "Send the relay's admin secret as a bearer token.");

/**
 * `GET /metrics` on the relay's own port: only with the admin secret (`Authorization: Bearer …`,
 * compared in constant time). Any other caller gets the same 401, whether this relay has metrics
 * and an admin secret or not.
 */
export function serveGuardedMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  secret: string | undefined,
  metrics: MetricsExposition | undefined,
): Promise<void> {
  const allowed = secret !== undefined && secret !== '' && sameSecret(presentedSecret(req.headers.authorization), secret);
  if (!allowed || !metrics) {
    res.setHeader('www-authenticate', 'Bearer realm="contact-desk"');
    send(res, 401, { ok: false, error: UNAUTHENTICATED });
    return Promise.resolve();
  }
  return sendExposition(res, metrics);
}

export interface MetricsListener {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The metrics' own listener (`--metrics-port`): `GET /metrics` without a secret, nothing else. It
 * belongs on loopback or a network only the scraper reaches: the figures name no platform, device
 * or person, yet they are the desk's activity.
 */
export async function listenForMetrics(metrics: MetricsExposition, host: string, port: number, log: Logger): Promise<MetricsListener> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      send(res, 404, { ok: false, error: protocolError('not_found', 'This listener serves GET /metrics only.') });
      return;
    }
    sendExposition(res, metrics).catch((error: unknown) => {
      log.error({ err: error }, 'serving metrics failed');
      if (res.headersSent) res.destroy();
      else send(res, 500, { ok: false, error: protocolError('internal', 'The relay failed to collect its metrics.') });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/metrics`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
