/**
 * Normalises a content location so the same content requested twice is recognised
 * (de-confliction): scheme and host lower-cased, `www.`/`m.` dropped, tracking parameters,
 * fragments and trailing slashes removed. Handles and ids are trimmed and lower-cased.
 */
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
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  const kept = [...url.searchParams.entries()]
    .filter(([key]) => !TRACKING_PARAMS.test(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${path}${query}`;
}

/** Splits pasted text into one location per line (or whitespace), dropping blanks. */
export function splitLocations(pasted: string): string[] {
  return pasted
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
