import { createTransport } from 'nodemailer';

/** One HTTP POST; resolves with the status, rejects on a network fault, a timeout or an abort. */
export interface HttpTransport {
  post(url: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<number>;
}

export interface OutgoingMail {
  readonly from: string;
  readonly to: { readonly name: string; readonly address: string } | string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** `<delivery id@domain>`: the same on every attempt. */
  readonly messageId: string;
}

/** Sends one mail; resolves with the server's answer (`250 …`), rejects with its refusal or a fault. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

export interface Transports {
  readonly http: HttpTransport;
  /** Null: the relay has no SMTP server and sends no mail. */
  readonly mail: MailTransport | null;
}

/** Node's fetch; redirects are not followed (a 3xx is not a delivery), the answer's body is not read. */
export const fetchTransport: HttpTransport = {
  async post(url, headers, body, signal) {
    const response = await fetch(url, { method: 'POST', headers, body, signal, redirect: 'manual' });
    await response.body?.cancel();
    return response.status;
  },
};

/** nodemailer over SMTP, each step (connect, greeting, every answer) limited to `timeoutMs`. */
export function smtpTransport(smtpUrl: string, timeoutMs: number): MailTransport {
  const transporter = createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  return {
    async send(mail) {
      const info = await transporter.sendMail({ ...mail, to: mail.to, headers: { 'Auto-Submitted': 'auto-generated' } });
      return String(info.response ?? '250');
    },
    close: () => transporter.close(),
  };
}
