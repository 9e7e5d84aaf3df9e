import { newId } from '@contact-desk/shared';
import { afterEach } from 'vitest';
import type { Client } from '../harness.js';
import { WebhookReceiver } from './webhook-receiver.js';

const receivers: WebhookReceiver[] = [];

/** Receivers started by a test are closed after it. */
export function closeReceiversAfterEach(): void {
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });
}

export async function receiver(port?: number): Promise<WebhookReceiver> {
  const started = await WebhookReceiver.start(port);
  receivers.push(started);
  return started;
}

/** A port where nothing listens (a receiver that is down), and how to bring it up there. */
export async function downReceiverPort(): Promise<number> {
  const probe = await WebhookReceiver.start();
  const { port } = probe;
  await probe.close();
  return port;
}

/** The prefect adds a webhook over the socket; returns its id and, for a standard one, its signing secret. */
export async function addWebhook(prefect: Client, args: Record<string, unknown>): Promise<{ webhookId: string; secret: string }> {
  const webhookId = newId();
  const result = await prefect.act('webhook.create', { webhookId, name: 'Case tool', ...args });
  if (result.status !== 'accepted') throw new Error(`webhook.create refused: ${result.error.message}`);
  return { webhookId, secret: result.data?.signingSecret ?? '' };
}
