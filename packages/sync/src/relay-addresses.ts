/** Most relay addresses a device keeps (the nodes of one relay, or one load-balanced address). */
export const MAX_RELAY_ADDRESSES = 8;

/** Hosts whose traffic never leaves the machine: a relay there may speak plain HTTP. */
const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/**
 * Normalises one relay address as typed: trailing slash removed, and a scheme added when none was
 * typed, https (a relay reached over a network serves TLS, itself or behind its proxy) unless the
 * host is this machine's loopback; undefined when it is no address. `http://` typed is kept.
 */
export function normalizeRelayUrl(input: string): string | undefined {
  const trimmed = input.trim().replace(/\/+$/, '');
  const scheme = LOOPBACK_HOST.test(trimmed) ? 'http' : 'https';
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `${scheme}://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.pathname !== '/' && url.pathname !== '') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** Why a list of relay addresses was refused, with what the user needs to correct it. */
export type RelayAddressRefusal =
  | { readonly code: 'relay_address_invalid'; readonly message: string; readonly address: string }
  | { readonly code: 'relay_addresses_too_many'; readonly message: string; readonly count: number; readonly max: number };

export type RelayAddressList =
  { readonly ok: true; readonly urls: string[] } | { readonly ok: false; readonly refusal: RelayAddressRefusal };

/**
 * The relay addresses a user typed, separated by commas, spaces or new lines: each normalised
 * like a single one, in the order given, each once; refused when one is not an address or when
 * more than `max` different ones remain.
 */
export function parseRelayAddresses(input: string, max = MAX_RELAY_ADDRESSES): RelayAddressList {
  const typed = input.split(/[\s,]+/).filter((part) => part.length > 0);
  const urls: string[] = [];
  for (const address of typed.length > 0 ? typed : [input.trim()]) {
    const url = normalizeRelayUrl(address);
    if (!url) return { ok: false, refusal: { code: 'relay_address_invalid', message: `Not a relay address: ${address}`, address } };
    if (!urls.includes(url)) urls.push(url);
  }
  if (urls.length > max) {
    const message = `${urls.length} relay addresses; at most ${max} are kept.`;
    return { ok: false, refusal: { code: 'relay_addresses_too_many', message, count: urls.length, max } };
  }
  return { ok: true, urls };
}

/** The host (and port) of a relay address, as shown to the user: `relay-b.interieur.gouv.fr`. */
export function relayHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The same addresses, starting with `first` (kept in their order after it, the earlier ones last). */
export function startingWith(urls: readonly string[], first: string): string[] {
  const at = urls.indexOf(first);
  return at <= 0 ? [...urls] : [...urls.slice(at), ...urls.slice(0, at)];
}

/** Delays between connection attempts that keep failing: doubling from `firstMs` up to `maxMs`. */
export interface Backoff {
  readonly firstMs: number;
  readonly maxMs: number;
}

export const RECONNECT_BACKOFF: Backoff = { firstMs: 1_000, maxMs: 30_000 };

/** The next attempt after a failure: which address (an index in the list), and how long to wait first. */
export interface Attempt {
  readonly index: number;
  readonly delayMs: number;
}

/**
 * Where and when to connect after the `failures`-th failure in a row (a connection that failed,
 * dropped, or stopped answering) on the address at `current` of `count`: always the next address
 * of the list, round and round (the same one when there is one); the first time at once, then
 * after the backoff's delay, doubling, each randomised between half and one and a half times
 * (`random` in [0, 1)), so the devices a dead node leaves do not all come back in step, and never
 * above the backoff's maximum.
 */
export function nextAttempt(
  current: number,
  count: number,
  failures: number,
  backoff: Backoff = RECONNECT_BACKOFF,
  random = Math.random,
): Attempt {
  const index = count > 0 ? (current + 1) % count : 0;
  if (failures <= 1) return { index, delayMs: 0 };
  const base = Math.min(backoff.firstMs * 2 ** Math.min(failures - 2, 30), backoff.maxMs);
  return { index, delayMs: Math.min(Math.round(base * (0.5 + random())), backoff.maxMs) };
}
