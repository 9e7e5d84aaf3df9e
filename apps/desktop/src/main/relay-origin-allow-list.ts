import { originOf } from './origin';

/**
 * The relay origins the renderer may connect to. Relays are chosen at enrollment, so the list
 * grows when credentials are saved or read back; the CSP is recomputed from it on every response.
 */
export interface RelayOriginAllowList {
  /** Adds the origin of an http(s) relay URL; anything else is ignored. Returns the origin added. */
  allow(relayUrl: string): string | null;
  origins(): readonly string[];
}

export function createRelayOriginAllowList(initial: readonly string[] = []): RelayOriginAllowList {
  const allowed = new Set<string>();
  const allow = (relayUrl: string): string | null => {
    if (!/^https?:/i.test(relayUrl)) return null;
    const origin = originOf(relayUrl);
    if (origin === null) return null;
    allowed.add(origin);
    return origin;
  };
  for (const url of initial) allow(url);
  return { allow, origins: () => [...allowed].sort() };
}
