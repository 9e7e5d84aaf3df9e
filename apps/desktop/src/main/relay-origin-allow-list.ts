import { originOf } from './origin';

/**
 * The relay origins the renderer may connect to: every origin of each profile's relay addresses,
 * and only those. A profile's addresses are learnt when its credentials are saved or read back,
 * and replace what it had before (forgotten when they are cleared); the CSP is recomputed from
 * the list on every response.
 */
export interface RelayOriginAllowList {
  /** Sets the relays a profile may reach (http(s) URLs; anything else is ignored). Returns their origins. */
  allow(profile: string, relayUrls: readonly string[]): readonly string[];
  origins(): readonly string[];
}

/** The http(s) origins of `relayUrls`, each once. */
function originsOf(relayUrls: readonly string[]): string[] {
  const origins = relayUrls.flatMap((url) => (/^https?:/i.test(url) ? [originOf(url)] : []));
  return [...new Set(origins.filter((origin) => origin !== null))];
}

export function createRelayOriginAllowList(initial: Readonly<Record<string, readonly string[]>> = {}): RelayOriginAllowList {
  const byProfile = new Map<string, readonly string[]>();
  const allow = (profile: string, relayUrls: readonly string[]): readonly string[] => {
    const origins = originsOf(relayUrls);
    if (origins.length === 0) byProfile.delete(profile);
    else byProfile.set(profile, origins);
    return origins;
  };
  for (const [profile, urls] of Object.entries(initial)) allow(profile, urls);
  return { allow, origins: () => [...new Set([...byProfile.values()].flat())].sort() };
}
