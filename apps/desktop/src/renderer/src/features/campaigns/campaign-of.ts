import type { Campaign, Request } from '@contact-desk/shared';

/**
 * What the queue files a request's campaign under: the campaign's id, or for a request sent
 * before campaigns were records, the name typed then.
 */
export function campaignKey(request: Request): string | null {
  return request.campaignId ?? request.campaign;
}

/** The campaign's name as people read it (a typed name for an older request), or null. */
export function campaignName(request: Request, campaigns: ReadonlyMap<string, Campaign>): string | null {
  const campaignId = request.campaignId ?? null;
  if (campaignId === null) return request.campaign;
  return campaigns.get(campaignId)?.name ?? null;
}
