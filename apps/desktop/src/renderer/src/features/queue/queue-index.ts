import type { Platform, Request } from '@contact-desk/shared';

/** A request with what the queue needs precomputed once per change of the requests map. */
export interface IndexedRequest {
  readonly request: Request;
  readonly platformName: string;
  /** Lower-case text the search box looks into: ref, item locations, grounds, PHAROS ref, campaign. */
  readonly search: string;
}

export function indexRequests(requests: ReadonlyMap<string, Request>, platforms: ReadonlyMap<string, Platform>): IndexedRequest[] {
  const out: IndexedRequest[] = new Array(requests.size);
  let i = 0;
  for (const request of requests.values()) {
    let search = `${request.ref}\n${request.grounds}\n${request.pharosRef ?? ''}\n${request.campaign ?? ''}`;
    for (const item of request.items) search += `\n${item.location}`;
    out[i++] = {
      request,
      platformName: platforms.get(request.platformId)?.name ?? request.platformId,
      search: search.toLowerCase(),
    };
  }
  return out;
}

export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term.length > 0);
}
