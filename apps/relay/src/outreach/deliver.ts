import type { ReadModel, Webhook } from '@contact-desk/shared';
import type { DeliveryRecord } from '../storage/outbox-store.js';
import type { MailContent } from './mail-format.js';
import { signStandardWebhook } from './sign.js';
import type { OutgoingMail, Transports } from './transports.js';

/** What one try gave: taken by the receiver, refused or failed (another try follows), or not sent at all. */
export type SendResult =
  | { readonly kind: 'delivered'; readonly detail: string }
  | { readonly kind: 'failed'; readonly detail: string }
  | { readonly kind: 'dropped'; readonly detail: string };

export interface DeliverContext {
  readonly transports: Transports;
  /** The committed state: a webhook's address, preset and whether it is still live. */
  readonly read: Pick<ReadModel, 'integration'>;
  /** A webhook's current secret (signing secret or pager key), opened from the store. */
  readonly secretOf: (webhookId: string) => Promise<string | undefined>;
  readonly mailFrom: string;
  readonly timeoutMs: number;
  /** Aborted when the relay stops: the try is not recorded and goes again after the restart. */
  readonly stopping: AbortSignal;
}

/** The address part of `Name <address>`, for the Message-ID's domain. */
function mailDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'contact-desk.invalid';
}

/** Why a try failed, in a few words and without any address, header or secret. */
export function faultDetail(error: unknown, timeoutMs: number): string {
  const fault = error as { name?: string; code?: string; responseCode?: number; response?: string; cause?: { code?: string } };
  if (fault.name === 'TimeoutError' || fault.code === 'ETIMEDOUT') return `timed out after ${timeoutMs / 1000} s`;
  if (fault.responseCode !== undefined) return String(fault.response ?? fault.responseCode).split('\n')[0] ?? 'refused';
  // nodemailer wraps socket faults as ESOCKET and names the cause in its message only.
  const wrapped = /\b(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN)\b/.exec((error as Error).message ?? '')?.[1];
  const code = fault.cause?.code ?? wrapped ?? fault.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  return code ? `network error (${code})` : 'network error';
}

async function sendMail(delivery: DeliveryRecord, ctx: DeliverContext): Promise<SendResult> {
  const transport = ctx.transports.mail;
  if (!transport) return { kind: 'failed', detail: 'e-mail is not set up on this relay (CONTACT_DESK_SMTP_URL)' };
  const content = JSON.parse(delivery.body) as MailContent;
  const mail: OutgoingMail = {
    from: ctx.mailFrom,
    to: delivery.targetName ? { name: delivery.targetName, address: delivery.target } : delivery.target,
    ...content,
    messageId: `<${delivery.id}@${mailDomain(ctx.mailFrom)}>`,
  };
  return { kind: 'delivered', detail: await transport.send(mail) };
}

/** The HTTP request of a webhook delivery: address, headers and the exact body planned. */
function webhookRequest(delivery: DeliveryRecord, hook: Webhook, secret: string) {
  const json = { 'content-type': 'application/json', 'user-agent': 'Contact-Desk-Relay' };
  switch (hook.preset) {
    case 'standard': {
      // The wall time of this try, which receivers hold against their own clock to refuse replays.
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = {
        ...json,
        'webhook-id': delivery.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signStandardWebhook(secret, delivery.id, timestamp, delivery.body),
      };
      return { url: hook.url, headers, body: delivery.body };
    }
    case 'pagerduty':
      // The routing key is the secret: kept sealed, put in front of the planned body at each try.
      return { url: hook.url, headers: json, body: `{"routing_key":${JSON.stringify(secret)},${delivery.body.slice(1)}` };
    case 'opsgenie':
      return {
        url: `${hook.url.replace(/\/+$/, '')}${delivery.path ?? ''}`,
        headers: { ...json, authorization: `GenieKey ${secret}` },
        body: delivery.body,
      };
  }
}

async function sendWebhook(delivery: DeliveryRecord, ctx: DeliverContext): Promise<SendResult> {
  const hook = ctx.read.integration(delivery.target);
  if (hook?.type !== 'webhook' || hook.removedAt !== null) return { kind: 'dropped', detail: 'webhook removed before delivery' };
  if (!hook.active) return { kind: 'dropped', detail: 'webhook switched off before delivery' };
  const secret = await ctx.secretOf(hook.id);
  if (secret === undefined) return { kind: 'failed', detail: 'the webhook secret cannot be read on this relay' };
  const request = webhookRequest(delivery, hook, secret);
  const signal = AbortSignal.any([AbortSignal.timeout(ctx.timeoutMs), ctx.stopping]);
  const status = await ctx.transports.http.post(request.url, request.headers, request.body, signal);
  return { kind: status >= 200 && status < 300 ? 'delivered' : 'failed', detail: `HTTP ${status}` };
}

/** One try at a delivery; never throws for a receiver's fault (it is the try's outcome). */
export async function deliverOne(delivery: DeliveryRecord, ctx: DeliverContext): Promise<SendResult> {
  try {
    return delivery.channel === 'email' ? await sendMail(delivery, ctx) : await sendWebhook(delivery, ctx);
  } catch (error) {
    if (ctx.stopping.aborted) throw error;
    return { kind: 'failed', detail: faultDetail(error, ctx.timeoutMs) };
  }
}
