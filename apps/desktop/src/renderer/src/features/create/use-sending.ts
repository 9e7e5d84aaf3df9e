import { newId, type MutationInput, type PreviewRequest, type ProtocolError } from '@contact-desk/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDesk } from '../../state/desk-store';
import { entryState, type EntryState, type SendContext, type SendEntry, type SendRun } from './send-model';

/**
 * Sends planned requests one `request.create` each, in order, through the desk's `perform` (as
 * every form does): each is checked and queued on the device, then goes to the relay. The run
 * grows as they are queued, for the progress shown.
 */
export function useSending() {
  const [run, setRun] = useState<SendRun | null>(null);
  const busy = useRef(false);

  const send = useCallback(
    async (
      requests: readonly PreviewRequest[],
      context: SendContext,
      argsOf: (request: PreviewRequest, requestId: string) => MutationInput<'request.create'>,
    ): Promise<SendRun | null> => {
      if (busy.current) return null;
      busy.current = true;
      const entries: SendEntry[] = [];
      const total = requests.length;
      setRun({ context, entries: [], total, running: true });
      try {
        for (const request of requests) {
          const requestId = newId();
          const outcome = await useDesk.getState().perform('request.create', argsOf(request, requestId));
          entries.push({
            ...request,
            requestId,
            mutationId: outcome.ok ? outcome.mutationId : null,
            refusal: outcome.ok ? null : outcome.error,
          });
          setRun({ context, entries: [...entries], total, running: true });
        }
      } finally {
        busy.current = false;
      }
      const done = { context, entries, total, running: false };
      setRun(done);
      return done;
    },
    [],
  );

  const reset = useCallback(() => setRun(null), []);
  return { run, send, reset };
}

/**
 * Where each request of a run stands, from the confirmed state and the relay's refusals. A
 * refusal is kept once seen, so dismissing it elsewhere does not turn it back into a wait.
 */
export function useEntryStates(run: SendRun | null): readonly EntryState[] {
  const confirmed = useDesk((state) => state.confirmed.requests);
  const rejections = useDesk((state) => state.rejections);
  const [refusals, setRefusals] = useState<ReadonlyMap<string, ProtocolError>>(() => new Map());
  useEffect(() => {
    const ids = new Set(run?.entries.map((entry) => entry.mutationId) ?? []);
    const seen = rejections.filter((rejection) => ids.has(rejection.mutationId));
    if (seen.length === 0) return;
    setRefusals((previous) => {
      if (seen.every((rejection) => previous.has(rejection.mutationId))) return previous;
      return new Map([...previous, ...seen.map((rejection) => [rejection.mutationId, rejection.error] as const)]);
    });
  }, [run, rejections]);
  return (run?.entries ?? []).map((entry) => entryState(entry, confirmed, refusals));
}
