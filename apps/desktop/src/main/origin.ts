/**
 * `scheme://host[:port]` of a URL, or null when it cannot be parsed. Unlike `URL#origin`, this
 * also works for the app's own custom scheme (`app://contact-desk`), whose WHATWG origin is "null".
 */
export function originOf(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.host === '') return null;
  return `${url.protocol}//${url.host}`;
}
