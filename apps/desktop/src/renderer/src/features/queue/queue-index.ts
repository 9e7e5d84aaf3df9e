import type { Platform, Request } from '@contact-desk/shared';
import { drain, STEP, type Work } from '../common/sliced-work';

/** A request with what the queue needs precomputed once per change of the requests map. */
export interface IndexedRequest {
  readonly request: Request;
  readonly platformName: string;
  /** Lower-case text the search box looks into: ref, item locations, grounds, PHAROS ref, campaign. */
  readonly search: string;
}

/**
 * Entries already made, per platforms map then per request: a request not changed since (the
 * state never changes a request in place) is not indexed again while the platforms stay the same.
 */
const entriesOf = new WeakMap<ReadonlyMap<string, Platform>, WeakMap<Request, IndexedRequest>>();

function indexed(request: Request, platforms: ReadonlyMap<string, Platform>): IndexedRequest {
  let search = `${request.ref}\n${request.grounds}\n${request.pharosRef ?? ''}\n${request.campaign ?? ''}`;
  for (const item of request.items) search += `\n${item.location}`;
  return { request, platformName: platforms.get(request.platformId)?.name ?? request.platformId, search: search.toLowerCase() };
}

/** Every request indexed (again only if changed), in the map's order, with a possible pause every few thousand. */
export function* indexInSteps(requests: ReadonlyMap<string, Request>, platforms: ReadonlyMap<string, Platform>): Work<IndexedRequest[]> {
  let cache = entriesOf.get(platforms);
  if (!cache) {
    cache = new WeakMap();
    entriesOf.set(platforms, cache);
  }
  const out: IndexedRequest[] = new Array(requests.size);
  let i = 0;
  for (const request of requests.values()) {
    let entry = cache.get(request);
    if (!entry) {
      entry = indexed(request, platforms);
      cache.set(request, entry);
    }
    out[i++] = entry;
    if (i % STEP === 0) yield;
  }
  return out;
}

export function indexRequests(requests: ReadonlyMap<string, Request>, platforms: ReadonlyMap<string, Platform>): IndexedRequest[] {
  return drain(indexInSteps(requests, platforms));
}

export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term.length > 0);
}
