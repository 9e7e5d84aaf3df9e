/**
 * A client that speaks Engine.IO 4 / Socket.IO 5 frames by hand over a WebSocket, so a test can
 * send what no well-behaved library would: broken packets, wrong argument counts, odd ack ids.
 */
import WebSocket from 'ws';

export class RawSocket {
  /** Every text frame received, in order. */
  readonly frames: string[] = [];
  closed = false;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.frames.push(data.toString());
    });
    ws.on('close', () => (this.closed = true));
    ws.on('error', () => (this.closed = true));
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

  /** The first frame from now on (or already received) that matches, or undefined when the socket closed or time ran out. */
  async next(match: (frame: string) => boolean, what: string, timeoutMs = 3000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const found = this.frames.find(match);
      if (found !== undefined) {
        this.frames.splice(this.frames.indexOf(found), 1);
        return found;
      }
      if (this.closed) throw new Error(`closed while waiting for ${what}`);
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /** Waits until the relay closes the connection; false if it stays open for `timeoutMs`. */
  async closedWithin(timeoutMs: number): Promise<boolean> {
    const started = Date.now();
    while (!this.closed && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 2));
    return this.closed;
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
