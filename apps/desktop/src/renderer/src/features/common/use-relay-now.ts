import { useEffect, useState, useSyncExternalStore } from 'react';
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

/**
 * One clock a second shared by every countdown on screen: they move together, and only they
 * render again each second (not the rows that hold them).
 */
const seconds = {
  now: undefined as number | undefined,
  timer: undefined as ReturnType<typeof setInterval> | undefined,
  listeners: new Set<() => void>(),
};

function readSeconds(): number {
  seconds.now ??= useDesk.getState().relayNow();
  return seconds.now;
}

function followSeconds(listener: () => void): () => void {
  seconds.listeners.add(listener);
  if (seconds.timer === undefined) {
    // Read again on starting when the value kept since the last countdown on screen is older than
    // a tick (rows swapped within the same second keep it, and render once).
    const now = useDesk.getState().relayNow();
    if (seconds.now === undefined || now - seconds.now >= 1000) seconds.now = now;
    seconds.timer = setInterval(() => {
      seconds.now = useDesk.getState().relayNow();
      seconds.listeners.forEach((notify) => notify());
    }, 1000);
  }
  return () => {
    seconds.listeners.delete(listener);
    if (seconds.listeners.size > 0) return;
    clearInterval(seconds.timer);
    seconds.timer = undefined;
  };
}

/** The relay's time as estimated on this device, moving every second on the clock all countdowns share. */
export function useRelaySeconds(): number {
  return useSyncExternalStore(followSeconds, readSeconds);
}
