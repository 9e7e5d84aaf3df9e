import { pastePreview, splitLocations, type PastePreview, type PlatformDomains, type PreviewRequest } from '@contact-desk/shared';

/**
 * What the ministry decided for single items of a paste, by item as pasted: the platform chosen
 * by hand for an item of no known platform (a handle, an id, an unknown host), or `null` for an
 * item left out of the sending.
 */
export type Choices = ReadonlyMap<string, string | null>;

export interface PastePlanInput {
  readonly pasted: string;
  /** The active platforms' domains, in the order their requests are listed and sent. */
  readonly domains: PlatformDomains;
  /** Normalised locations of the requests still open, with their reference. */
  readonly openLocations: ReadonlyMap<string, string>;
  /** Items per request. */
  readonly limit: number;
  /** One platform that takes every item (handles and ids name none); '' sorts by address. */
  readonly platformId: string;
  readonly choices: Choices;
}

export interface OpenItem {
  readonly item: string;
  readonly ref: string;
}

/** The requests a paste becomes once the ministry's choices are applied, with what the summary says. */
export interface PastePlan {
  readonly preview: PastePreview;
  /** Items in the paste, repeats included. */
  readonly pasted: number;
  /** Items neither repeated in the list, already on an open request nor of an unknown platform. */
  readonly fresh: number;
  /** Items of no known platform, set aside (none when one platform takes every item). */
  readonly unknown: readonly string[];
  /** Those of them neither given a platform nor left out yet: nothing is sent until they are. */
  readonly undecided: readonly string[];
  /** Items already on an open request that are still to be sent. */
  readonly openKept: readonly OpenItem[];
  /** When one platform takes every item: how many are another platform's by their domain. */
  readonly foreign: number;
  /** The requests to send, each platform's list cut into numbered parts over the limit. */
  readonly requests: readonly PreviewRequest[];
  /** Items in those requests. */
  readonly items: number;
}

/** Where each item first appears in the paste. */
function positions(list: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  list.forEach((item, index) => {
    if (!found.has(item)) found.set(item, index);
  });
  return found;
}

/** A platform's items as numbered requests of at most `limit` items. */
function parts(platformId: string, items: readonly string[], limit: number): PreviewRequest[] {
  const count = Math.ceil(items.length / limit);
  return Array.from({ length: count }, (_, index) => ({
    platformId,
    part: index + 1,
    parts: count,
    items: items.slice(index * limit, (index + 1) * limit),
  }));
}

/** Each platform's items, once the items left out are dropped and those given a platform added. */
function itemsByPlatform(input: PastePlanInput, preview: PastePreview, list: readonly string[]): Map<string, string[]> {
  const { choices, platformId, domains } = input;
  const kept = (item: string) => choices.get(item) !== null;
  const lists = new Map<string, string[]>();
  const push = (id: string, item: string) => {
    const items = lists.get(id);
    if (items) items.push(item);
    else lists.set(id, [item]);
  };
  if (platformId) {
    const position = positions(list);
    const all = [...preview.requests.flatMap((request) => request.items), ...preview.unknown];
    all.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    for (const item of all) if (kept(item)) push(platformId, item);
    return lists;
  }
  for (const request of preview.requests) for (const item of request.items) if (kept(item)) push(request.platformId, item);
  for (const item of preview.unknown) {
    const chosen = choices.get(item);
    if (chosen && domains.has(chosen)) push(chosen, item);
  }
  return lists;
}

/**
 * The plan of a paste: `pastePreview` sorts it by domain, then the ministry's choices apply — one
 * platform for everything, a platform by hand for an item set aside, an item left out — and
 * each platform's list is cut again into parts of at most `limit` items.
 */
export function pastePlan(input: PastePlanInput): PastePlan {
  const { pasted, domains, openLocations, limit, platformId } = input;
  const list = splitLocations(pasted);
  const preview = pastePreview(pasted, domains, openLocations, limit);
  const lists = itemsByPlatform(input, preview, list);
  const order = [...domains.keys()];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const requests = [...lists].sort(([a], [b]) => rank(a) - rank(b)).flatMap(([id, items]) => parts(id, items, limit));
  const sent = new Set(requests.flatMap((request) => request.items));
  const unknown = platformId ? [] : preview.unknown;
  const undecided = unknown.filter((item) => {
    const chosen = input.choices.get(item);
    return chosen === undefined || (chosen !== null && !domains.has(chosen));
  });
  const setAside = new Set([...unknown, ...preview.alreadyOpen.map((entry) => entry.item)]);
  const foreign = platformId
    ? preview.requests.filter((request) => request.platformId !== platformId).reduce((sum, request) => sum + request.items.length, 0)
    : 0;
  return {
    preview,
    pasted: list.length,
    fresh: list.length - preview.repeated.length - setAside.size,
    unknown,
    undecided,
    openKept: preview.alreadyOpen.filter((entry) => sent.has(entry.item)),
    foreign,
    requests,
    items: sent.size,
  };
}
