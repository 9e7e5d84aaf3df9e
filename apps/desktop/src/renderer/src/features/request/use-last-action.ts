import type { DomainEvent } from '@contact-desk/shared';
import { useState } from 'react';
import { useDesk } from '../../state/desk-store';
import { actionOutcome, type ActionOutcome, type TrackedAction } from './action-model';

/**
 * The last action the user made on this screen and where it stands — waiting on the device,
 * recorded by the relay (at its time) or refused — read from the outbox, the refusals and the
 * request's events as they change.
 */
export function useLastAction(events: readonly DomainEvent[] | null): {
  outcome: ActionOutcome;
  track: (action: TrackedAction | null) => void;
} {
  const [action, setAction] = useState<TrackedAction | null>(null);
  const pending = useDesk((state) => state.pendingMutations);
  const rejections = useDesk((state) => state.rejections);
  return { outcome: actionOutcome(action, pending, rejections, events ?? []), track: setAction };
}
