/**
 * Real SMTP servers for the outreach tests: a sink that takes mail (and can refuse chosen
 * recipients with a 5xx), and a server that accepts connections and never says a word.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** RCPT TO of the envelope. */
  readonly to: readonly string[];
  readonly mail: ParsedMail;
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Recipients refused so far (RCPT TO answered 550). */
  readonly refused: string[] = [];
  /** Which recipients to refuse with `550 5.1.1 mailbox unavailable`. */
  refuse: (address: string) => boolean = () => false;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    const holder: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const sink = holder.sink;
        if (sink?.refuse(address.address)) {
          sink.refused.push(address.address);
          callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            holder.sink?.received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    const port = await new Promise<number>((resolve) => {
      const listening = server.listen(0, '127.0.0.1', () => resolve((listening.address() as AddressInfo).port));
    });
    holder.sink = new SmtpSink(server, port);
    return holder.sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Mails received for an address. */
  to(address: string): ParsedMail[] {
    return this.received.filter((item) => item.to.includes(address)).map((item) => item.mail);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Accepts TCP connections and never answers: no greeting, nothing. */
export class SilentSmtp {
  readonly sockets: Socket[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<SilentSmtp> {
    const server = createServer();
    const silent = new SilentSmtp(server);
    server.on('connection', (socket) => silent.sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return silent;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
