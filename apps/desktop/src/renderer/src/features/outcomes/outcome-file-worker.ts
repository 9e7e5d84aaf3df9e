/// <reference lib="webworker" />
import { fileRefusal } from '@contact-desk/shared';
import { readOutcomeFile, type ReadOutcome } from './outcome-file';

/**
 * Reads an outcomes file off the main thread: unzipping and parsing a large XLSX takes seconds,
 * during which the queue's countdowns and the sync must keep running.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (message: MessageEvent<Uint8Array>) => {
  readOutcomeFile(message.data).then(
    (read) => scope.postMessage(read),
    () => scope.postMessage({ ok: false, result: fileRefusal('unreadable') } satisfies ReadOutcome),
  );
};
