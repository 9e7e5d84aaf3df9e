import { protocolError } from '@contact-desk/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 4096;

export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** 413 with a typed error naming the limit. */
export function tooLarge(res: ServerResponse, maxBytes: number): void {
  send(res, 413, {
    ok: false,
    error: protocolError('invalid_payload', `Request body too large (at most ${maxBytes} bytes).`, { maxBytes }),
  });
}

/** The TCP peer's address, IPv4-mapped IPv6 written as plain IPv4. Forwarding headers are not trusted. */
export function sourceAddress(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string | undefined> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the client gets its 413: destroying the
      // request at once reset the connection before the answer was sent. Abusive sizes still are.
      if (size > maxBytes * 256) {
        resolve(undefined);
        req.destroy();
        return;
      }
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}
