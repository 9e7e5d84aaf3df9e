import type { EnrollResponse, ProtocolError } from '@contact-desk/shared';

export { normalizeRelayUrl } from './relay-addresses';

export type EnrollOutcome =
  | { readonly ok: true; readonly token: string; readonly actor: Extract<EnrollResponse, { ok: true }>['actor'] }
  | { readonly ok: false; readonly error: ProtocolError | { readonly code: 'unreachable'; readonly message: string } };

/** How long one relay address may take to answer an enrollment before the next one is tried. */
export const ENROLL_TIMEOUT_MS = 15_000;

/** Exchanges a one-time enrollment code for this device's token. */
export async function enrollDevice(
  relayUrl: string,
  code: string,
  deviceLabel: string,
  timeoutMs = ENROLL_TIMEOUT_MS,
): Promise<EnrollOutcome> {
  let response: Response;
  try {
    response = await fetch(`${relayUrl}/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceLabel }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, error: { code: 'unreachable', message: `The relay at ${relayUrl} cannot be reached.` } };
  }
  const body = (await response.json().catch(() => null)) as EnrollResponse | null;
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
  attempt: typeof enrollDevice = enrollDevice,
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
