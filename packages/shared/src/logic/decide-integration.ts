import type { ApiKey, Webhook } from '../domain/integration.js';
import { idUnavailable, notFound, refusal } from '../protocol/errors.js';
import { draft } from '../protocol/events.js';
import type { MutationArgs } from '../protocol/mutations.js';
import { accept, reject, type DecideContext, type Decision } from './decision.js';

/**
 * Webhooks and API keys, set up by the prefect. The decisions record who, what and where; the
 * relay makes and keeps the secrets (a standard webhook's signing secret, an API key) and hands
 * each to its author once, in the mutation's answer.
 */

function exists(ctx: DecideContext, id: string, what: 'webhook' | 'API key'): Decision | undefined {
  return ctx.read.integration(id) ? reject(idUnavailable(what, id)) : undefined;
}

function liveWebhook(ctx: DecideContext, webhookId: string): Webhook | Decision {
  const webhook = ctx.read.integration(webhookId);
  if (webhook?.type !== 'webhook') return reject(notFound('webhook', webhookId));
  if (webhook.removedAt !== null) {
    return reject(refusal('conflict', 'webhook_removed', `Webhook ${webhook.name} was removed.`, { id: webhookId, name: webhook.name }));
  }
  return webhook;
}

function isDecision(value: object): value is Decision {
  return 'ok' in value;
}

export function decideWebhookCreate(ctx: DecideContext, args: MutationArgs<'webhook.create'>): Decision {
  const taken = exists(ctx, args.webhookId, 'webhook');
  if (taken) return taken;
  if (args.platformId !== null && !ctx.read.platform(args.platformId)) return reject(notFound('platform', args.platformId));
  const webhook: Webhook = {
    type: 'webhook',
    id: args.webhookId,
    platformId: args.platformId,
    name: args.name,
    url: args.url,
    preset: args.preset,
    topics: [...new Set(args.topics)],
    priorities: [...new Set(args.priorities)],
    active: true,
    secretVersion: 1,
    createdAt: ctx.now,
    createdBy: ctx.actor.userId,
    updatedAt: ctx.now,
    removedAt: null,
  };
  return accept([draft('webhook.created', { webhook })]);
}

export function decideWebhookUpdate(ctx: DecideContext, args: MutationArgs<'webhook.update'>): Decision {
  const webhook = liveWebhook(ctx, args.webhookId);
  if (isDecision(webhook)) return webhook;
  const { presetKey, topics, priorities, ...fields } = args.patch;
  if (presetKey !== undefined && webhook.preset === 'standard') {
    return reject(
      refusal('invalid_payload', 'standard_webhook_key', 'A standard webhook is signed with a secret the relay makes: rotate it instead.', {
        path: 'patch.presetKey',
      }),
    );
  }
  const secretReplaced = presetKey !== undefined;
  const updated: Webhook = {
    ...webhook,
    ...fields,
    ...(topics ? { topics: [...new Set(topics)] } : {}),
    ...(priorities ? { priorities: [...new Set(priorities)] } : {}),
    secretVersion: webhook.secretVersion + (secretReplaced ? 1 : 0),
    updatedAt: ctx.now,
  };
  return accept([draft('webhook.updated', { webhook: updated, secretReplaced })]);
}

export function decideWebhookRotateSecret(ctx: DecideContext, args: MutationArgs<'webhook.rotateSecret'>): Decision {
  const webhook = liveWebhook(ctx, args.webhookId);
  if (isDecision(webhook)) return webhook;
  if (webhook.preset !== 'standard') {
    return reject(
      refusal('invalid_payload', 'preset_webhook_rotate', `Webhook ${webhook.name} uses its pager's own key: replace the key instead.`, {
        path: 'webhookId',
        name: webhook.name,
      }),
    );
  }
  const updated: Webhook = { ...webhook, secretVersion: webhook.secretVersion + 1, updatedAt: ctx.now };
  return accept([draft('webhook.updated', { webhook: updated, secretReplaced: true })]);
}

export function decideWebhookRemove(ctx: DecideContext, args: MutationArgs<'webhook.remove'>): Decision {
  const webhook = liveWebhook(ctx, args.webhookId);
  if (isDecision(webhook)) return webhook;
  return accept([draft('webhook.removed', { webhookId: webhook.id, platformId: webhook.platformId })]);
}

/** The public start of an API key, from its id: what lists show to tell keys apart. */
export function apiKeyPrefix(apiKeyId: string): string {
  return `cdk_${apiKeyId.replaceAll('-', '').slice(0, 12)}`;
}

export function decideApiKeyIssue(ctx: DecideContext, args: MutationArgs<'apiKey.issue'>): Decision {
  const taken = exists(ctx, args.apiKeyId, 'API key');
  if (taken) return taken;
  const platform = ctx.read.platform(args.platformId);
  if (!platform) return reject(notFound('platform', args.platformId));
  const apiKey: ApiKey = {
    type: 'apiKey',
    id: args.apiKeyId,
    platformId: platform.id,
    name: args.name,
    scope: args.scope,
    prefix: apiKeyPrefix(args.apiKeyId),
    createdAt: ctx.now,
    createdBy: ctx.actor.userId,
    revokedAt: null,
  };
  return accept([draft('apiKey.issued', { apiKey })]);
}

export function decideApiKeyRevoke(ctx: DecideContext, args: MutationArgs<'apiKey.revoke'>): Decision {
  const apiKey = ctx.read.integration(args.apiKeyId);
  if (apiKey?.type !== 'apiKey') return reject(notFound('API key', args.apiKeyId));
  if (apiKey.revokedAt !== null) {
    return reject(
      refusal('conflict', 'api_key_revoked', `API key ${apiKey.name} is already revoked.`, { id: apiKey.id, name: apiKey.name }),
    );
  }
  return accept([draft('apiKey.revoked', { apiKeyId: apiKey.id, platformId: apiKey.platformId })]);
}
