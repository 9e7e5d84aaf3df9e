import { normalizeLocation } from '../domain/locations.js';
import type { Platform } from '../domain/platform.js';

/** The domains of each platform, by platform id (a domain covers its subdomains). */
export type PlatformDomains = ReadonlyMap<string, readonly string[]>;

/**
 * The usual platforms' domains, by the ids the demo gives them: what a platform lists until the
 * prefect sets its own (`domainsOf`).
 */
export const DEFAULT_PLATFORM_DOMAINS: PlatformDomains = new Map([
  ['youtube', ['youtube.com', 'youtu.be']],
  ['meta', ['facebook.com', 'fb.watch', 'instagram.com']],
  ['x', ['x.com', 'twitter.com', 't.co']],
  ['tiktok', ['tiktok.com']],
  ['snapchat', ['snapchat.com']],
  ['dailymotion', ['dailymotion.com', 'dai.ly']],
  ['microsoft', ['bing.com', 'linkedin.com']],
]);

/** A platform's domains: those the prefect set, else the usual ones for its id, else none. */
export function domainsOf(platform: Platform): readonly string[] {
  return platform.domains ?? DEFAULT_PLATFORM_DOMAINS.get(platform.id) ?? [];
}

/** The active platforms' domains, as a paste is sorted with them. */
export function platformDomains(platforms: Iterable<Platform>): PlatformDomains {
  const domains = new Map<string, readonly string[]>();
  for (const platform of platforms) if (platform.active) domains.set(platform.id, domainsOf(platform));
  return domains;
}

/** The host of a normalised location, or undefined for a handle or an identifier. */
function hostOf(normal: string): string | undefined {
  return /^[a-z0-9.-]+\.[a-z]{2,}(?=\/|\?|$)/.exec(normal)?.[0];
}

/** Whether a domain covers a host: the same, or a subdomain of it (never a look-alike). */
function covers(domain: string, host: string): boolean {
  // A domain is compared as addresses are: `twitter.com` is `x.com`, `www.` and `m.` dropped.
  const comparable = normalizeLocation(domain);
  return host === comparable || host.endsWith(`.${comparable}`);
}

/** The platform whose domain covers a location's host, if any. */
export function platformOfLocation(location: string, domains: PlatformDomains): string | undefined {
  const host = hostOf(normalizeLocation(location));
  if (!host) return undefined;
  for (const [platformId, list] of domains) if (list.some((domain) => covers(domain, host))) return platformId;
  return undefined;
}

/**
 * The first of `domains` that another active platform already covers (or that covers one of
 * theirs), with that platform: an address must belong to one platform only.
 */
export function domainClaimedElsewhere(
  platformId: string,
  domains: readonly string[],
  platforms: Iterable<Platform>,
): { readonly domain: string; readonly platform: Platform } | undefined {
  const others = [...platforms].filter((other) => other.id !== platformId && other.active);
  for (const domain of domains) {
    const host = normalizeLocation(domain);
    for (const other of others) {
      const overlaps = (theirs: string) => covers(theirs, host) || covers(domain, normalizeLocation(theirs));
      if (domainsOf(other).some(overlaps)) return { domain, platform: other };
    }
  }
  return undefined;
}
