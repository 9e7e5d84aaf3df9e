import type { DomainEvent } from '@contact-desk/shared';
import { useEffect, useState } from 'react';
import { useDesk } from '../../state/desk-store';

/** The request's events from the local log, read again whenever the local copy changes; null while loading. */
export function useRequestEvents(requestId: string): readonly DomainEvent[] | null {
  const timeline = useDesk((state) => state.timeline);
  const revision = useDesk((state) => state.revision);
  const [events, setEvents] = useState<readonly DomainEvent[] | null>(null);
  useEffect(() => {
    let live = true;
    void timeline(requestId).then((loaded) => {
      if (live) setEvents(loaded);
    });
    return () => {
      live = false;
    };
  }, [timeline, requestId, revision]);
  return events;
}
