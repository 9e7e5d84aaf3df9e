import type { EnrollResponse, ProtocolError } from '@contact-desk/shared';

/**
 * Exchanging a one-time enrollment code for a device token, against the relay's addresses in
 * order. The same code serves the web client (the page's own `fetch`, under the relay's CORS) and
 * the desktop app's main process (Electron's `net.fetch`, before the page may reach the relay).
 */

/** Why an enrollment failed on the way: no address answered, or the answer cannot be kept. */
export type EnrollTransportError =
  { readonly code: 'unreachable'; readonly message: string } | { readonly code: 'credentials_not_stored'; readonly message: string };

export type EnrollOutcome =
  | { readonly ok: true; readonly token: string; readonly actor: Extract<EnrollResponse, { ok: true }>['actor'] }
  | { readonly ok: false; readonly error: ProtocolError | EnrollTransportError };

/** How long one relay address may take to answer an enrollment before the next one is tried. */
export const ENROLL_TIMEOUT_MS = 15_000;

/** The part of `fetch` an enrollment needs. */
export type Post = (url: string, init: RequestInit) => Promise<Response>;

/** A relay's answer, kept only when it has the shape of one (the relay is on the other side of a network). */
function enrollResponseOf(body: unknown): EnrollResponse | null {
  if (typeof body !== 'object' || body === null) return null;
  const answer = body as Record<string, unknown>;
  if (answer['ok'] === true) {
    const { token, actor } = answer;
    return typeof token === 'string' && typeof actor === 'object' && actor !== null ? (answer as EnrollResponse) : null;
  }
  const error = answer['error'] as Record<string, unknown> | undefined;
  return answer['ok'] === false && typeof error?.['code'] === 'string' && typeof error['message'] === 'string'
    ? (answer as EnrollResponse)
    : null;
}

/** Exchanges a one-time enrollment code for this device's token. */
export async function enrollDevice(
  relayUrl: string,
  code: string,
  deviceLabel: string,
  timeoutMs = ENROLL_TIMEOUT_MS,
  post: Post = (url, init) => fetch(url, init),
): Promise<EnrollOutcome> {
  let response: Response;
  try {
    response = await post(`${relayUrl}/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceLabel }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, error: { code: 'unreachable', message: `The relay at ${relayUrl} cannot be reached.` } };
  }
  const body = enrollResponseOf(await response.json().catch(() => null));
  if (!body) return { ok: false, error: { code: 'unreachable', message: `The relay at ${relayUrl} gave no answer.` } };
  return body.ok ? { ok: true, token: body.token, actor: body.actor } : { ok: false, error: body.error };
}

/** An enrollment's outcome, with the address that gave it (the last one tried when none answered). */
export type EnrollAnswer = EnrollOutcome & { readonly relayUrl: string };

/**
 * Enrolls with the first of the relay's addresses that answers, in order: an unreachable one is
 * skipped, while a refusal (an invalid or used code, too many attempts…) is final, since every
 * node would give the same answer and the code must not be spent twice.
 */
export async function enrollWithAny(
  relayUrls: readonly string[],
  code: string,
  deviceLabel: string,
  attempt: (relayUrl: string, code: string, deviceLabel: string) => Promise<EnrollOutcome> = enrollDevice,
): Promise<EnrollAnswer> {
  let last: EnrollAnswer | undefined;
  for (const relayUrl of relayUrls) {
    last = { ...(await attempt(relayUrl, code, deviceLabel)), relayUrl };
    if (last.ok || last.error.code !== 'unreachable') return last;
  }
  if (!last) return { ok: false, error: { code: 'unreachable', message: 'No relay address.' }, relayUrl: '' };
  if (relayUrls.length === 1) return last;
  const message = `None of the relay's addresses can be reached: ${relayUrls.join(', ')}.`;
  return { ok: false, error: { code: 'unreachable', message }, relayUrl: last.relayUrl };
}
