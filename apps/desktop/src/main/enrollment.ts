import type { EnrollmentAnswer, EnrollRequest } from '../ipc/contract';
import { ENROLL_TIMEOUT_MS, enrollDevice, enrollWithAny, type Post } from '@contact-desk/sync/enrollment';
import type { CredentialStore } from './credential-store';

/**
 * Enrollment in the main process: the page cannot reach a relay before the relay is enrolled (its
 * content security policy names only enrolled relays, and is fixed when the page loads), so the
 * main process posts the one-time code (through Electron's network stack, the system's proxy and
 * certificates) and stores what the relay gives. The token stays here until the page, loaded
 * again, asks for its credentials. Arguments arrive validated (`enrollSchema`).
 */
export function createEnrollment(
  post: Post,
  credentials: CredentialStore,
  timeoutMs = ENROLL_TIMEOUT_MS,
): (profile: string, request: EnrollRequest) => Promise<EnrollmentAnswer> {
  const attempt = (relayUrl: string, code: string, deviceLabel: string) => enrollDevice(relayUrl, code, deviceLabel, timeoutMs, post);
  return async (profile, { relayUrls, code, deviceLabel }) => {
    const answer = await enrollWithAny(relayUrls, code, deviceLabel, attempt);
    if (!answer.ok) return { ok: false, error: answer.error };
    try {
      await credentials.saveEnrollment(profile, { relayUrls, token: answer.token });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'credentials_not_stored', message: `Enrolled, but the credentials cannot be kept: ${reason}` } };
    }
    return { ok: true, relayUrl: answer.relayUrl, actor: answer.actor };
  };
}
