import type { DomainState, Request } from '@contact-desk/shared';
import { useEffect, useMemo, useState } from 'react';
import { useDesk } from '../../state/desk-store';
import { platformsInScope, requestsInScope, type PlatformName } from './figures-model';

/** How often the figures are judged again while no event arrives: deadlines keep passing. */
const REJUDGE_MS = 30_000;

/** What every number of the screen is computed from, at one log position and one instant. */
export interface FiguresSnapshot {
  /** The requests in scope as the relay recorded them (this device's pending changes left out). */
  readonly requests: readonly Request[];
  readonly platforms: readonly PlatformName[];
  /** The log position the record was read at; hash null before the first sync. */
  readonly seq: number;
  readonly hash: string | null;
  /** Relay time the deadlines are judged at: relay now, as the exports do. */
  readonly at: number;
  /** The local copy is still being read at start-up: figures not complete yet. */
  readonly loadingLocal: boolean;
}

/**
 * The relay's time, taken again whenever the record changes — in the same render, so no figure is
 * ever shown for a new log position judged at an instant before it — and every `REJUDGE_MS`.
 */
function useJudgedAt(confirmed: DomainState): number {
  const [judged, setJudged] = useState(() => ({ confirmed, at: useDesk.getState().relayNow() }));
  useEffect(() => {
    const timer = setInterval(() => setJudged((previous) => ({ ...previous, at: useDesk.getState().relayNow() })), REJUDGE_MS);
    return () => clearInterval(timer);
  }, []);
  if (judged.confirmed !== confirmed) {
    const next = { confirmed, at: useDesk.getState().relayNow() };
    setJudged(next);
    return next.at;
  }
  return judged.at;
}

/** The record in scope (one platform's for a liaison, `own`; all for the ministry, `own` null). */
export function useFiguresSnapshot(own: string | null, language: string): FiguresSnapshot {
  const confirmed = useDesk((state) => state.confirmed);
  const seq = useDesk((state) => state.sync.cursor);
  const hash = useDesk((state) => state.sync.cursorHash);
  const loadingLocal = useDesk((state) => state.sync.loadingLocal);
  const at = useJudgedAt(confirmed);
  const requests = useMemo(() => requestsInScope(confirmed.requests.values(), own), [confirmed.requests, own]);
  const platforms = useMemo(
    () => platformsInScope(confirmed.platforms, requests, own, language),
    [confirmed.platforms, requests, own, language],
  );
  return { requests, platforms, seq, hash, at, loadingLocal };
}
