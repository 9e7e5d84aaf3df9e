/**
 * Normalises a content location so the same content requested twice is recognised
 * (de-confliction): scheme and host lower-cased, `www.`/`m.`/`mobile.` dropped, a platform's
 * other names written as its own (`twitter.com` is `x.com`), tracking parameters, fragments and
 * trailing slashes removed. Handles and ids are trimmed and lower-cased.
 */
const EQUIVALENT_HOSTS: Readonly<Record<string, string>> = { 'twitter.com': 'x.com' };

const TRACKING_PARAMS = /^(utm_.*|fbclid|gclid|igshid|si|feature|ref|ref_src|s)$/i;

export function normalizeLocation(raw: string): string {
  const value = raw.trim();
  // A handle (`@name`, dots allowed) or a bare id is not a host: `@a.b` must not become `a.b`,
  // nor `12345` the IPv4 address `0.0.48.57`.
  if (/^@|^[\w-]+$/.test(value)) return value.toLowerCase();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return value.toLowerCase();
  }
  if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.')) return value.toLowerCase();
  const bare = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  const host = EQUIVALENT_HOSTS[bare] ?? bare;
  const kept = [...url.searchParams.entries()]
    .filter(([key]) => !TRACKING_PARAMS.test(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${path}${query}`;
}

/** A URL (with or without its scheme) or an `@handle`: what a pasted line may hold several of. */
function isLocationToken(part: string): boolean {
  return /^@[\w.]+$/.test(part) || /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(part) || /^[\w-]+(\.[\w-]+)+([/?#]\S*)?$/.test(part);
}

/**
 * Splits pasted text into locations: one per line, dropping blank lines. A line made only of
 * URLs and handles (separated by spaces, commas or semicolons) gives each of them; any other line
 * — an account name, an identifier with spaces, a sentence — is one item, never cut on its spaces.
 */
export function splitLocations(pasted: string): string[] {
  return pasted.split(/\r?\n|\r/).flatMap((line) => {
    const trimmed = line.trim();
    if (trimmed.length === 0) return [];
    const parts = trimmed.split(/[\s,;]+/).filter((part) => part.length > 0);
    return parts.every(isLocationToken) ? parts : [trimmed];
  });
}
