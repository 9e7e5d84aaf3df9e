import { useEffect, useState } from 'react';
import { useDesk } from '../../state/desk-store';

/** The relay's time as estimated on this device, re-read every `everyMs` (every second by default). */
export function useRelayNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => useDesk.getState().relayNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(useDesk.getState().relayNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
