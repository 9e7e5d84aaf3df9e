import type { MutationType, ProtocolError } from '@contact-desk/shared';
import { useState } from 'react';
import { useDesk, type PerformOutcome } from '../../state/desk-store';

export type QueuedOutcome = Extract<PerformOutcome, { ok: true }>;

/**
 * A form that performs one mutation: `busy` while the desk checks and queues it (the submit button
 * waits), the refusal in `error` for its RefusalNote, and `then` once the mutation is queued.
 */
export function usePerformForm() {
  const performNow = useDesk((state) => state.perform);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ProtocolError | null>(null);
  const perform = async (type: MutationType, args: unknown, then: (outcome: QueuedOutcome) => void): Promise<void> => {
    setBusy(true);
    const outcome = await performNow(type, args);
    setBusy(false);
    if (outcome.ok) then(outcome);
    else setError(outcome.error);
  };
  return { busy, error, setError, perform };
}
