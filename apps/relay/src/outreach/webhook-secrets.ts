import type { LoggedEvent, Mutation, MutationResultData, Webhook } from '@contact-desk/shared';
import { randomBytes } from 'node:crypto';
import type { BatchBuilder } from '../core/batch-builder.js';
import type { SecretSealer } from './secret-box.js';

/** A standard webhook's signing secret: `whsec_` and 32 random bytes in base64, as Standard Webhooks libraries take it. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** What a sealed secret is bound to: its webhook and version (a row copied elsewhere does not open). */
export function secretContext(webhookId: string, version: number): string {
  return `webhook:${webhookId}:${version}`;
}

/** The pager key a mutation carries for a webhook change, if any. */
function presetKeyOf(mutation: Mutation): string | undefined {
  if (mutation.type === 'webhook.create') return mutation.args.presetKey ?? undefined;
  if (mutation.type === 'webhook.update') return mutation.args.patch.presetKey;
  return undefined;
}

function secretFor(webhook: Webhook, mutation: Mutation): { secret: string; shown: boolean } {
  if (webhook.preset === 'standard') return { secret: newSigningSecret(), shown: true };
  const key = presetKeyOf(mutation);
  if (key === undefined) throw new Error(`webhook ${webhook.id}: a pager key was expected`);
  return { secret: key, shown: false };
}

/**
 * Keeps the secret of each webhook the mutation created or whose secret it replaced, sealed, in
 * the batch's transaction: a standard webhook's signing secret (made here, handed back once in
 * `data.signingSecret`), or a pager's key (from the mutation's arguments, never handed back).
 * Neither enters the log, the stored answer or the logs.
 */
export function keepWebhookSecrets(
  batch: BatchBuilder,
  mutation: Mutation,
  events: readonly LoggedEvent[],
  data: MutationResultData | undefined,
  sealer: SecretSealer | undefined,
): MutationResultData | undefined {
  let answer = data;
  for (const event of events) {
    const replaced = event.type === 'webhook.created' || (event.type === 'webhook.updated' && event.payload.secretReplaced);
    if (!replaced) continue;
    if (!sealer) throw new Error('this relay was started without a key for webhook secrets');
    const { webhook } = event.payload;
    const { secret, shown } = secretFor(webhook, mutation);
    batch.webhookSecrets.push({
      webhookId: webhook.id,
      version: webhook.secretVersion,
      sealed: sealer.seal(secret, secretContext(webhook.id, webhook.secretVersion)),
      createdAt: batch.now,
    });
    if (shown) answer = { ...answer, signingSecret: secret };
  }
  return answer;
}
