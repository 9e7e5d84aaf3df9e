/**
 * A client that speaks Engine.IO 4 / Socket.IO 5 frames by hand over a WebSocket, so a test can
 * send what no well-behaved library would: broken packets, wrong argument counts, odd ack ids.
 */
import WebSocket from 'ws';

export class RawSocket {
  /** Every text frame received, in order. */
  readonly frames: string[] = [];
  closed = false;

  /** Called at each frame received and at the close. */
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.frames.push(data.toString());
      this.wake();
    });
    ws.on('close', () => this.end());
    ws.on('error', () => this.end());
  }

  private end(): void {
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /**
   * Resolves with what `check` gives once it gives something (asked now, then at each frame and at
   * the close); rejects with `timedOut()` after `timeoutMs`.
   */
  private when<T>(check: () => T | undefined, timeoutMs: number, timedOut: () => Error): Promise<T> {
    return new Promise((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        outcome();
      };
      const waiter = () => {
        try {
          const value = check();
          if (value !== undefined) settle(() => resolve(value));
        } catch (error) {
          settle(() => reject(error as Error));
        }
      };
      const timer = setTimeout(() => settle(() => reject(timedOut())), timeoutMs);
      this.waiters.add(waiter);
      waiter();
    });
  }

  /** Opens the transport and sends the Socket.IO CONNECT packet with `connectPayload` as is. */
  static async open(relayUrl: string, connectPayload: string): Promise<RawSocket> {
    const ws = new WebSocket(`${relayUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const socket = new RawSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await socket.next((frame) => frame.startsWith('0'), 'the Engine.IO open packet');
    ws.send(`40${connectPayload}`);
    return socket;
  }

  /** Connects as a device: waits for the relay's `session` event. */
  static async connect(relayUrl: string, token: string): Promise<RawSocket> {
    const socket = await RawSocket.open(relayUrl, JSON.stringify({ token, protocolVersion: 1 }));
    await socket.next((frame) => frame.startsWith('42["session"'), 'the session event');
    return socket;
  }

  send(frame: string | Buffer): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  /** The first frame from now on (or already received) that matches; rejects when the socket closes first or time runs out. */
  next(match: (frame: string) => boolean, what: string, timeoutMs = 3000): Promise<string> {
    return this.when(
      () => {
        const index = this.frames.findIndex(match);
        if (index >= 0) return this.frames.splice(index, 1)[0];
        if (this.closed) throw new Error(`closed while waiting for ${what}`);
        return undefined;
      },
      timeoutMs,
      () => new Error(`timed out waiting for ${what}`),
    );
  }

  /** Resolves true once the relay closes the connection; false if it is still open after `timeoutMs`. */
  closedWithin(timeoutMs: number): Promise<boolean> {
    return this.when(
      () => (this.closed ? true : undefined),
      timeoutMs,
      () => new Error('still open'),
    ).catch(() => false);
  }

  /** The answer to the ack id, parsed: Socket.IO's `43<id>[response]`. */
  async ack(id: number | string, timeoutMs = 3000): Promise<unknown[]> {
    const prefix = `43${id}[`;
    const frame = await this.next((candidate) => candidate.startsWith(prefix), `the ack ${id}`, timeoutMs);
    return JSON.parse(frame.slice(prefix.length - 1)) as unknown[];
  }

  close(): void {
    this.ws.terminate();
  }
}
