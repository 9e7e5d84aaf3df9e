/**
 * A real HTTP receiver for webhooks: records every request (path, headers, exact body) and
 * answers as the test says — a status, or never (the request hangs until the receiver closes).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedHook {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export type Answer = number | 'hang';

export class WebhookReceiver {
  readonly received: ReceivedHook[] = [];
  /** How to answer each request; 200 by default. */
  answer: (hook: ReceivedHook) => Answer = () => 200;

  private constructor(private readonly server: Server) {}

  /** Listens on a port of its own, or on `port` (to come back where a closed receiver was). */
  static async start(port = 0): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const hook = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        receiver.received.push(hook);
        const answer = receiver.answer(hook);
        if (answer === 'hang') return;
        res.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The body of each request, parsed. */
  bodies<T = Record<string, unknown>>(): T[] {
    return this.received.map((hook) => JSON.parse(hook.body) as T);
  }

  /** Closes, cutting requests left hanging. */
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Checks a request as a Standard Webhooks receiver would, with the `standardwebhooks` package; throws if it does not verify. */
export function verifyStandard(hook: ReceivedHook, secret: string): unknown {
  const headers = {
    'webhook-id': String(hook.headers['webhook-id']),
    'webhook-timestamp': String(hook.headers['webhook-timestamp']),
    'webhook-signature': String(hook.headers['webhook-signature']),
  };
  return new Webhook(secret).verify(hook.body, headers);
}
