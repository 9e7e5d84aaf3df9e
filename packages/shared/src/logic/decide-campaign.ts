import { looserTerm, type Campaign, type CampaignTerm } from '../domain/campaign.js';
import { idUnavailable, notFound, refusal } from '../protocol/errors.js';
import { draft } from '../protocol/events.js';
import type { MutationArgs } from '../protocol/mutations.js';
import { accept, reject, type DecideContext, type Decision } from './decision.js';

/**
 * Campaigns: started, renamed or given tighter terms, closed and reopened by the ministry. Two
 * open campaigns never share a name (a typo would split a crisis in two), and a campaign's terms
 * are never looser than the agreed policy.
 */

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, 'fr', { sensitivity: 'base' }) === 0;
}

/** A refusal when another open campaign has this name. */
function nameTaken(ctx: DecideContext, name: string, campaignId: string): Decision | undefined {
  for (const other of ctx.read.allCampaigns()) {
    if (other.id !== campaignId && other.status === 'open' && sameName(other.name, name)) {
      return reject(refusal('conflict', 'campaign_exists', `An open campaign is already named ${other.name}.`, { name: other.name }));
    }
  }
  return undefined;
}

/** A refusal when a term is looser than the policy, or of a priority it does not have. */
function termsRefused(ctx: DecideContext, terms: readonly CampaignTerm[], path: string): Decision | undefined {
  const looser = looserTerm(terms, ctx.read.policy());
  if (!looser) return undefined;
  const priority = looser.term.label;
  if (!looser.known) {
    return reject(refusal('invalid_payload', 'unknown_priority', `Unknown priority label "${priority}".`, { path, priority }));
  }
  return reject(
    refusal('invalid_payload', 'campaign_terms_looser', `A campaign may only shorten the terms of ${priority}.`, { path, priority }),
  );
}

/** The campaign, or the refusal: not found, or (unless `closedToo`) closed. */
function openCampaign(ctx: DecideContext, campaignId: string): Campaign | Decision {
  const campaign = ctx.read.campaign(campaignId);
  if (!campaign) return reject(notFound('campaign', campaignId));
  if (campaign.status === 'closed') {
    return reject(refusal('conflict', 'campaign_closed', `The campaign ${campaign.name} is closed.`, { name: campaign.name }));
  }
  return campaign;
}

function isCampaign(value: Campaign | Decision): value is Campaign {
  return 'status' in value;
}

export function decideCampaignStart(ctx: DecideContext, args: MutationArgs<'campaign.start'>): Decision {
  if (ctx.read.campaign(args.campaignId)) return reject(idUnavailable('campaign', args.campaignId));
  const refused = nameTaken(ctx, args.name, args.campaignId) ?? termsRefused(ctx, args.terms, 'terms');
  if (refused) return refused;
  const campaign: Campaign = {
    id: args.campaignId,
    name: args.name,
    status: 'open',
    startedAt: ctx.now,
    startedBy: ctx.actor.userId,
    closedAt: null,
    closedBy: null,
    terms: args.terms,
    updatedAt: ctx.now,
  };
  return accept([draft('campaign.started', { campaign })]);
}

export function decideCampaignUpdate(ctx: DecideContext, args: MutationArgs<'campaign.update'>): Decision {
  const campaign = openCampaign(ctx, args.campaignId);
  if (!isCampaign(campaign)) return campaign;
  const refused =
    (args.patch.name === undefined ? undefined : nameTaken(ctx, args.patch.name, campaign.id)) ??
    (args.patch.terms === undefined ? undefined : termsRefused(ctx, args.patch.terms, 'patch.terms'));
  if (refused) return refused;
  return accept([draft('campaign.updated', { campaign: { ...campaign, ...args.patch, updatedAt: ctx.now } })]);
}

export function decideCampaignClose(ctx: DecideContext, args: MutationArgs<'campaign.close'>): Decision {
  const campaign = openCampaign(ctx, args.campaignId);
  if (!isCampaign(campaign)) return campaign;
  const closed: Campaign = { ...campaign, status: 'closed', closedAt: ctx.now, closedBy: ctx.actor.userId, updatedAt: ctx.now };
  return accept([draft('campaign.closed', { campaign: closed })]);
}

export function decideCampaignReopen(ctx: DecideContext, args: MutationArgs<'campaign.reopen'>): Decision {
  const campaign = ctx.read.campaign(args.campaignId);
  if (!campaign) return reject(notFound('campaign', args.campaignId));
  if (campaign.status === 'open') {
    return reject(refusal('conflict', 'campaign_open', `The campaign ${campaign.name} is open.`, { name: campaign.name }));
  }
  const refused = nameTaken(ctx, campaign.name, campaign.id);
  if (refused) return refused;
  const reopened: Campaign = { ...campaign, status: 'open', closedAt: null, closedBy: null, updatedAt: ctx.now };
  return accept([draft('campaign.reopened', { campaign: reopened })]);
}

/**
 * The campaign a request may be sent under or moved to: none, or an open one. Undefined when
 * it may; the refusal otherwise.
 */
export function campaignRefused(ctx: DecideContext, campaignId: string | null | undefined): Decision | undefined {
  if (campaignId === null || campaignId === undefined) return undefined;
  const campaign = openCampaign(ctx, campaignId);
  return isCampaign(campaign) ? undefined : campaign;
}
