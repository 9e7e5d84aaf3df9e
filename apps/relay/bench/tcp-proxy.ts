import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP link between clients and the relay that a test can cut for real: `sever` drops every
 * connection and refuses new ones (a laptop losing the network); `stall` keeps connections open
 * but forwards nothing (a half-open link: no traffic, no close); `loseReplies` forwards only
 * towards the relay; `restore` heals all.
 *
 * Given several relay ports it is a load balancer at the TCP level, as a ministry's would be in
 * front of relay nodes: each new connection goes to the next node in turn, and to the one after
 * when a node refuses it (a node killed). A WebSocket is one connection, so no stickiness is needed.
 * The bench puts it in front of two relay nodes; the tests import it through tests/support/tcp-proxy.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private mode: 'open' | 'severed' | 'stalled' | 'repliesLost' = 'open';
  private readonly targets: readonly number[];
  private turn = 0;
  port = 0;

  constructor(
    targetPort: number | readonly number[],
    private readonly targetHost = '127.0.0.1',
  ) {
    this.targets = typeof targetPort === 'number' ? [targetPort] : targetPort;
  }

  async start(port = 0): Promise<number> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private accept(client: Socket): void {
    if (this.mode === 'severed') {
      client.destroy();
      return;
    }
    client.pause();
    this.connectUpstream(this.targets.length, (upstream) => {
      if (!upstream || client.destroyed || this.mode === 'severed') {
        client.destroy();
        upstream?.destroy();
        return;
      }
      this.pipe(client, upstream);
      client.resume();
    });
  }

  /** Connects to the next target in turn, trying the others when one refuses; null when all did. */
  private connectUpstream(triesLeft: number, done: (upstream: Socket | null) => void): void {
    if (triesLeft === 0) {
      done(null);
      return;
    }
    const port = this.targets[this.turn++ % this.targets.length] as number;
    const upstream = connect(port, this.targetHost);
    const refused = () => this.connectUpstream(triesLeft - 1, done);
    upstream.once('error', refused);
    upstream.once('connect', () => {
      upstream.off('error', refused);
      done(upstream);
    });
  }

  private pipe(client: Socket, upstream: Socket): void {
    const pair = { client, upstream };
    this.pairs.add(pair);
    // Each chunk is passed on at once, as the relay and its clients send theirs: with Nagle's
    // algorithm on a relayed hop, a small frame waits for the peer's delayed ACK (about 40 ms).
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const forward = (from: Socket, to: Socket, direction: 'up' | 'down') =>
      from.on('data', (chunk) => {
        if (this.mode === 'open' || (this.mode === 'repliesLost' && direction === 'up')) to.write(chunk);
      });
    forward(client, upstream, 'up');
    forward(upstream, client, 'down');
    const close = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }

  sever(): void {
    this.mode = 'severed';
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  stall(): void {
    this.mode = 'stalled';
  }

  /** Requests still reach the relay but its answers are lost: the worst case for a push. */
  loseReplies(): void {
    this.mode = 'repliesLost';
  }

  restore(): void {
    this.mode = 'open';
  }

  async stop(): Promise<void> {
    this.sever();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
