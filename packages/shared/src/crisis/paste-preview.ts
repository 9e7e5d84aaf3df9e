import { normalizeLocation, splitLocations } from '../domain/locations.js';
import { platformOfLocation, type PlatformDomains } from './platform-domains.js';

/**
 * A pasted crisis list, sorted before anything is sent: one request per platform (split into
 * numbered parts over the per-request limit), the addresses of no known platform set aside to be
 * assigned by hand, and what repeats — within the list, or on a request still open. Pure: the
 * create screen shows it as a preview, and nothing is recorded until the ministry sends it.
 */

/** One request the paste becomes: `part` of `parts` for a platform whose list is over the limit. */
export interface PreviewRequest {
  readonly platformId: string;
  readonly part: number;
  readonly parts: number;
  readonly items: readonly string[];
}

export interface PastePreview {
  readonly requests: readonly PreviewRequest[];
  /** Addresses of no known platform (and handles or ids, which name none): assigned by hand. */
  readonly unknown: readonly string[];
  /** Lines dropped because the same content came earlier in the list. */
  readonly repeated: readonly string[];
  /** Items already on an open request, with that request's reference (still sent: the ministry decides). */
  readonly alreadyOpen: readonly { readonly item: string; readonly ref: string }[];
}

/**
 * The preview of a paste. `openLocations` maps the normalised locations of open requests to
 * their reference; `limit` is the number of items a request may hold.
 */
export function pastePreview(
  pasted: string,
  domains: PlatformDomains,
  openLocations: ReadonlyMap<string, string>,
  limit: number,
): PastePreview {
  const seen = new Set<string>();
  const repeated: string[] = [];
  const unknown: string[] = [];
  const alreadyOpen: { item: string; ref: string }[] = [];
  const byPlatform = new Map<string, string[]>();
  for (const item of splitLocations(pasted)) {
    const normal = normalizeLocation(item);
    if (seen.has(normal)) {
      repeated.push(item);
      continue;
    }
    seen.add(normal);
    const ref = openLocations.get(normal);
    if (ref !== undefined) alreadyOpen.push({ item, ref });
    const platformId = platformOfLocation(item, domains);
    if (platformId === undefined) unknown.push(item);
    else byPlatform.set(platformId, [...(byPlatform.get(platformId) ?? []), item]);
  }
  const requests = [...byPlatform.entries()].flatMap(([platformId, items]) => {
    const parts = Math.ceil(items.length / limit);
    return Array.from({ length: parts }, (_, index) => ({
      platformId,
      part: index + 1,
      parts,
      items: items.slice(index * limit, (index + 1) * limit),
    }));
  });
  return { requests, unknown, repeated, alreadyOpen };
}
