import {
  fileRefusal,
  OUTCOME_IMPORT_LIMITS,
  planOutcomeImport,
  type ImportRefusal,
  type OutcomePlan,
  type OutcomeSheet,
} from '@contact-desk/shared';
import { useCallback, useRef, useState } from 'react';
import { useDesk } from '../../state/desk-store';
import { answerJob, type ActionJob } from '../queue/queue-actions';
import type { ReadOutcome } from './outcome-file';
import { readInWorker } from './read-in-worker';

/** Where an import stands: no file yet, reading one, its plan ready to send, or its refusals. */
export type ImportStage =
  | { readonly step: 'choose' }
  | { readonly step: 'reading'; readonly name: string }
  | { readonly step: 'planned'; readonly name: string; readonly sheet: OutcomeSheet; readonly plan: OutcomePlan }
  | { readonly step: 'refused'; readonly name: string; readonly refused: readonly ImportRefusal[]; readonly changed: boolean };

/**
 * An outcomes file, from the pick to what is sent: its size checked before it is read, read in a
 * worker, planned against the requests the device holds; and planned again when the liaison
 * confirms, so that a request changed meanwhile refuses the file whole rather than half of it.
 */
export function useOutcomeImport(platformId: string, read: (bytes: Uint8Array) => Promise<ReadOutcome> = readInWorker) {
  const [stage, setStage] = useState<ImportStage>({ step: 'choose' });
  const serial = useRef(0);

  const choose = useCallback(
    async (file: File) => {
      const mine = ++serial.current;
      const { name } = file;
      setStage({ step: 'reading', name });
      const outcome: ReadOutcome =
        file.size > OUTCOME_IMPORT_LIMITS.bytes
          ? { ok: false, result: fileRefusal('too_large', OUTCOME_IMPORT_LIMITS.bytes) }
          : await read(new Uint8Array(await file.arrayBuffer()));
      // A file chosen since, or a reset, wins.
      if (mine !== serial.current) return;
      const result = outcome.ok ? planOutcomeImport(outcome.sheet, useDesk.getState().view.requests.values(), platformId) : outcome.result;
      if (result.ok && outcome.ok) setStage({ step: 'planned', name, sheet: outcome.sheet, plan: result.plan });
      else if (!result.ok) setStage({ step: 'refused', name, refused: result.refused, changed: false });
    },
    [platformId, read],
  );

  /** The answers to send, planned again on the requests as they are now; null (and the refusals shown) if the file no longer fits. */
  const confirm = useCallback((): ActionJob[] | null => {
    if (stage.step !== 'planned') return null;
    const requests = useDesk.getState().view.requests;
    const again = planOutcomeImport(stage.sheet, requests.values(), platformId);
    if (!again.ok) {
      setStage({ step: 'refused', name: stage.name, refused: again.refused, changed: true });
      return null;
    }
    return again.plan.answers.map((answer) => answerJob(requests.get(answer.requestId)!, answer.items));
  }, [stage, platformId]);

  const reset = useCallback(() => {
    serial.current += 1;
    setStage({ step: 'choose' });
  }, []);

  return { stage, choose, confirm, reset };
}
