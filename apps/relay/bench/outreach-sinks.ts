/**
 * The outside world of the outreach bench, in a process of its own so its work is not counted
 * against the relay: an SMTP server and a webhook receiver that accept everything and count.
 * Started with `fork`; sends `{ smtpPort, httpPort }` once listening, and its counts on `count`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SinkCounts {
  readonly mails: number;
  readonly hooks: number;
}

const counts = { mails: 0, hooks: 0 };
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      counts.mails += 1;
      callback();
    });
  },
});
const http = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    counts.hooks += 1;
    res.writeHead(202, { 'content-type': 'application/json' }).end('{}');
  });
});

smtp.listen(0, '127.0.0.1', () => {
  http.listen(0, '127.0.0.1', () => {
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    const httpPort = (http.address() as AddressInfo).port;
    process.send?.({ smtpPort, httpPort });
  });
});
process.on('message', (message) => {
  if (message === 'count') process.send?.({ ...counts });
});
process.on('disconnect', () => process.exit(0));
