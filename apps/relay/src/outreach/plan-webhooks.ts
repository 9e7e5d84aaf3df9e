import type { NewDelivery } from '../storage/outbox-store.js';
import type { Occasion } from './occasion.js';
import { opsgenieCall, pagerAction, pagerDutyEvent, type PagerMessage } from './pager-messages.js';
import { deliveryOf, requestLink, type PlanContext } from './plan-context.js';
import { standardBody } from './webhook-body.js';

/** The priority's rank in the policy in force (0 the most urgent); past the end when unknown. */
function rankOf(ctx: PlanContext, label: string): number {
  const levels = ctx.read.policy().levels;
  const rank = levels.findIndex((level) => level.label === label);
  return rank === -1 ? levels.length : rank;
}

/**
 * The webhooks an occasion goes to. A platform's webhook gets only its platform's requests, and
 * only what the platform may see (the event's audience); the ministry's gets every platform's.
 * Standard webhooks follow their topics and priorities (none listed: every priority); pager
 * presets page for their priorities (none listed: the policy's most urgent level, P0).
 */
export function planWebhooks(occasion: Occasion, ctx: PlanContext, out: NewDelivery[], dedup: string | null): void {
  const hooks = ctx.webhooks.forAudience(occasion.audience);
  if (hooks.length === 0) return;
  const { request } = occasion;
  const label = request.sla.label;
  let body: string | undefined;
  for (const hook of hooks) {
    const base = { channel: 'webhook', target: hook.id, targetName: hook.name, platformId: hook.platformId, level: null } as const;
    if (hook.preset === 'standard') {
      const topic = occasion.topic;
      if (topic === null || !hook.topics.includes(topic)) continue;
      if (hook.priorities.length > 0 && !hook.priorities.includes(label)) continue;
      body ??= standardBody(occasion);
      const trigger = topic === 'request.deadlineSoon' ? 'deadline_soon' : 'event';
      const dedupKey = dedup === null ? null : `${dedup}:${hook.id}`;
      out.push(deliveryOf(occasion, ctx, { ...base, trigger, topic, body, dedupKey }));
      continue;
    }
    const action = pagerAction(occasion);
    if (!action) continue;
    const pages = hook.priorities.length > 0 ? hook.priorities.includes(label) : rankOf(ctx, label) === 0;
    if (!pages) continue;
    const message: PagerMessage = { occasion, rank: rankOf(ctx, label), link: requestLink(ctx.settings, request.id) };
    const call = hook.preset === 'pagerduty' ? { path: null, body: pagerDutyEvent(action, message) } : opsgenieCall(action, message);
    out.push(
      deliveryOf(occasion, ctx, {
        ...base,
        ...call,
        trigger: occasion.trigger,
        topic: occasion.event?.type ?? null,
        orderKey: `${hook.id}:${request.id}`,
      }),
    );
  }
}
