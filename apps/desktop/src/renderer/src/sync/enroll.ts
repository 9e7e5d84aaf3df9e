import type { EnrollResponse, ProtocolError } from '@contact-desk/shared';

export type EnrollOutcome =
  | { readonly ok: true; readonly token: string; readonly actor: Extract<EnrollResponse, { ok: true }>['actor'] }
  | { readonly ok: false; readonly error: ProtocolError | { readonly code: 'unreachable'; readonly message: string } };

/** Normalises what a user types as the relay address: scheme added, trailing slash removed. */
export function normalizeRelayUrl(input: string): string | undefined {
  const trimmed = input.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.pathname !== '/' && url.pathname !== '') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** Exchanges a one-time enrollment code for this device's token. */
export async function enrollDevice(relayUrl: string, code: string, deviceLabel: string): Promise<EnrollOutcome> {
  let response: Response;
  try {
    response = await fetch(`${relayUrl}/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceLabel }),
    });
  } catch {
    return { ok: false, error: { code: 'unreachable', message: `The relay at ${relayUrl} cannot be reached.` } };
  }
  const body = (await response.json().catch(() => null)) as EnrollResponse | null;
  if (!body) return { ok: false, error: { code: 'unreachable', message: `The relay at ${relayUrl} gave no answer.` } };
  return body.ok ? { ok: true, token: body.token, actor: body.actor } : { ok: false, error: body.error };
}
