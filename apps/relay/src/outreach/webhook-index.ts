import { isLiveWebhook, type Audience, type Integration, type Webhook } from '@contact-desk/shared';

/**
 * The live webhooks by the side they belong to, so that planning an event with no subscriber
 * costs two map lookups. Rebuilt only when a batch changes a webhook.
 */
export class WebhookIndex {
  private readonly byPlatform = new Map<string, Webhook[]>();
  private readonly ministry: Webhook[] = [];

  constructor(integrations: Iterable<Integration>) {
    for (const integration of integrations) {
      if (integration.type !== 'webhook' || !isLiveWebhook(integration)) continue;
      if (integration.platformId === null) this.ministry.push(integration);
      else {
        const list = this.byPlatform.get(integration.platformId) ?? [];
        list.push(integration);
        this.byPlatform.set(integration.platformId, list);
      }
    }
  }

  get isEmpty(): boolean {
    return this.ministry.length === 0 && this.byPlatform.size === 0;
  }

  /**
   * The webhooks that may carry something of this audience: the ministry's for anything but
   * administration, a platform's only for what its platform may see.
   */
  forAudience(audience: Audience): readonly Webhook[] {
    if (audience.kind === 'admin') return [];
    if (audience.kind === 'all' || audience.kind === 'ministry') return this.ministry;
    const platformIds = audience.kind === 'platform' ? [audience.platformId] : audience.platformIds;
    const own = platformIds.flatMap((platformId) => this.byPlatform.get(platformId) ?? []);
    if (own.length === 0) return this.ministry;
    return this.ministry.length === 0 ? own : [...own, ...this.ministry];
  }
}
