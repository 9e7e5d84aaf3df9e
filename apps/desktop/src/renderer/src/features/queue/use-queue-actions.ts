import type { Request, TriageViewer } from '@contact-desk/shared';
import { useCallback, useRef, useState } from 'react';
import { useDesk } from '../../state/desk-store';
import type { ActionReport, RefusedAction, SentAction } from './action-report';
import { actionJob, splitEligible, type ActionInput, type ActionJob, type ReportAction, type RowAction } from './queue-actions';

const PROGRESS_EVERY = 20;

/**
 * Runs an action on rows, one mutation per request through the desk store, in list order, and
 * reports how many were queued and refused. Rows acted on stay listed (`heldIds`) while their
 * mutation waits for the relay, with their pending marker, even when the action takes them out
 * of the tab. An outcomes file runs the same way, each request with its own answers (`runJobs`).
 */
export function useQueueActions(viewer: TriageViewer) {
  const [report, setReport] = useState<ActionReport | null>(null);
  const [heldIds, setHeldIds] = useState<ReadonlySet<string>>(() => new Set());
  const [running, setRunning] = useState(false);
  const serial = useRef(0);
  const busy = useRef(false);

  const runJobs = useCallback(async (action: ReportAction, jobs: readonly ActionJob[], skipped: readonly Request[] = []) => {
    if (busy.current) return;
    busy.current = true;
    setRunning(true);
    const sent: SentAction[] = [];
    const refused: RefusedAction[] = [];
    const base = { serial: ++serial.current, action, asked: jobs.length + skipped.length, skipped: skipped.map((request) => request.ref) };
    const show = (done: boolean) => setReport({ ...base, sent: [...sent], refused: [...refused], running: !done });
    setHeldIds((previous) => new Set([...previous, ...jobs.map((job) => job.request.id)]));
    show(false);
    try {
      for (const [i, job] of jobs.entries()) {
        const { request } = job;
        let failed: RefusedAction | null = null;
        for (const args of job.calls) {
          const outcome = await useDesk.getState().perform(job.type, args);
          if (outcome.ok) continue;
          failed = { ref: request.ref, error: outcome.error };
          break;
        }
        if (failed) refused.push(failed);
        else sent.push({ requestId: request.id, ref: request.ref, ...(job.answers ? { answers: job.answers } : {}) });
        if (i % PROGRESS_EVERY === PROGRESS_EVERY - 1) show(false);
      }
    } finally {
      show(true);
      busy.current = false;
      setRunning(false);
    }
  }, []);

  const run = useCallback(
    (action: RowAction, requests: readonly Request[], input: ActionInput = {}) => {
      const { eligible, ineligible } = splitEligible(action, requests, viewer);
      return runJobs(
        action,
        eligible.map((request) => actionJob(action, request, viewer, input)),
        ineligible,
      );
    },
    [runJobs, viewer],
  );

  const dismiss = useCallback(() => setReport(null), []);
  return { report, dismiss, heldIds, running, run, runJobs };
}
