import { request } from 'node:http';
import { connect, type TLSSocket } from 'node:tls';
import { MIN_TLS_VERSION } from '../tls/tls-certificate.js';

export interface PlainAnswer {
  readonly status: number;
  readonly text: string;
}

/**
 * TLS to the relay of this data folder, checked against the certificate it announced in the
 * folder's lock before a byte of the request (its admin secret) is sent. The certificate names
 * the relay's public host, not loopback, so the name check of an ordinary client cannot apply.
 */
function pinnedSocket(url: URL, fingerprint256: string): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const socket = connect({ host, port: Number(url.port), rejectUnauthorized: false, minVersion: MIN_TLS_VERSION });
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      socket.off('error', reject);
      if (socket.getPeerCertificate().fingerprint256 === fingerprint256) return resolve(socket);
      socket.destroy();
      reject(new Error(`the relay at ${url.origin} does not present the certificate it announced in the data folder's lock`));
    });
  });
}

/** POSTs a JSON body to the relay serving this folder, over HTTP or pinned HTTPS; resolves with its answer. */
export async function postToRelay(
  target: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  fingerprint256: string | null,
): Promise<PlainAnswer> {
  const url = new URL(target);
  if (url.protocol === 'http:') {
    const response = await fetch(url, { method: 'POST', headers, body });
    return { status: response.status, text: await response.text() };
  }
  if (!fingerprint256) throw new Error(`the relay at ${url.origin} serves HTTPS but announced no certificate`);
  const socket = await pinnedSocket(url, fingerprint256);
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        method: 'POST',
        path: url.pathname,
        headers: { ...headers, host: url.host, connection: 'close', 'content-length': Buffer.byteLength(body) },
        createConnection: () => socket,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}
