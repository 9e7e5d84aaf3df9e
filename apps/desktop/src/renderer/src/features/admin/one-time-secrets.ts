import type { PerformOutcome } from '../../state/desk-store';

/** An enrollment code as the relay answers it, once, to the prefect who asked for it. */
export interface EnrollmentData {
  readonly enrollmentCode?: string;
  readonly enrollmentExpiresAt?: number;
}

export function enrollmentOf(outcome: PerformOutcome): EnrollmentData | null {
  const data = outcome.ok ? outcome.data : undefined;
  return data?.enrollmentCode ? data : null;
}

/** A webhook's signing secret or an API key: shown once, never stored on the device. */
export function oneTimeSecretOf(outcome: PerformOutcome): string | null {
  const data = outcome.ok ? outcome.data : undefined;
  return data?.signingSecret ?? data?.apiKey ?? null;
}
