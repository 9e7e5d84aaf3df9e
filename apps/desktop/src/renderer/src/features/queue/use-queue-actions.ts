import type { Request, TriageViewer } from '@contact-desk/shared';
import { useCallback, useRef, useState } from 'react';
import { useDesk } from '../../state/desk-store';
import {
  actionArgs,
  mutationOf,
  splitEligible,
  type ActionReport,
  type RefusedAction,
  type RowAction,
  type SentAction,
} from './queue-actions';

const PROGRESS_EVERY = 20;

/**
 * Runs an action on rows, one mutation per request through the desk store, in list order, and
 * reports how many were queued and refused. Rows acted on stay listed (`heldIds`) while their
 * mutation waits for the relay, with their pending marker, even when the action takes them out
 * of the tab.
 */
export function useQueueActions(viewer: TriageViewer) {
  const [report, setReport] = useState<ActionReport | null>(null);
  const [heldIds, setHeldIds] = useState<ReadonlySet<string>>(() => new Set());
  const [running, setRunning] = useState(false);
  const serial = useRef(0);
  const busy = useRef(false);

  const run = useCallback(
    async (action: RowAction, requests: readonly Request[], reason = '') => {
      if (busy.current) return;
      busy.current = true;
      setRunning(true);
      const { eligible, ineligible } = splitEligible(action, requests, viewer);
      const sent: SentAction[] = [];
      const refused: RefusedAction[] = [];
      const base = { serial: ++serial.current, action, asked: requests.length, skipped: ineligible.map((request) => request.ref) };
      const show = (done: boolean) => setReport({ ...base, sent: [...sent], refused: [...refused], running: !done });
      setHeldIds((previous) => new Set([...previous, ...eligible.map((request) => request.id)]));
      show(false);
      try {
        for (const [i, request] of eligible.entries()) {
          const outcome = await useDesk.getState().perform(mutationOf(action), actionArgs(action, request, viewer, reason));
          if (outcome.ok) sent.push({ requestId: request.id, ref: request.ref });
          else refused.push({ ref: request.ref, error: outcome.error });
          if (i % PROGRESS_EVERY === PROGRESS_EVERY - 1) show(false);
        }
      } finally {
        show(true);
        busy.current = false;
        setRunning(false);
      }
    },
    [viewer],
  );

  const dismiss = useCallback(() => setReport(null), []);
  return { report, dismiss, heldIds, running, run };
}
