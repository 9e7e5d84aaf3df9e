import { newId, type Campaign } from '@contact-desk/shared';
import { perform } from '../cli/admin-actions.js';
import type { RelayCore } from '../core/relay-core.js';
import type { DemoData } from './demo-data.js';
import type { DemoPeople } from './demo-people.js';

/** A crisis that holds the platforms to tighter terms while it lasts: P0 acknowledged in 10 minutes. */
const TIGHTER = [{ label: 'P0', ackMinutes: 10, actionMinutes: 45 }];

/**
 * Starts the demo's campaigns as the prefect would, the first with tighter terms. Returns the
 * choices a demo request picks from, in the data's proportions: a campaign, or null for none.
 */
export async function startDemoCampaigns(core: RelayCore, data: DemoData, people: DemoPeople): Promise<(Campaign | null)[]> {
  const started = new Map<string, Campaign>();
  for (const [index, name] of [...new Set(data.campaigns.filter((name): name is string => name !== null))].entries()) {
    const campaignId = newId();
    await perform(core, 'campaign.start', { campaignId, name, terms: index === 0 ? TIGHTER : [] }, people.prefect);
    const campaign = core.view.campaigns.get(campaignId);
    if (campaign) started.set(name, campaign);
  }
  return data.campaigns.map((name) => (name === null ? null : (started.get(name) ?? null)));
}
