/// <reference lib="webworker" />
import { buildExport } from './export-build';
import type { ExportJob, ExportReply } from './export-job';

/**
 * Builds exports off the main thread, and is the only place the exports library is loaded:
 * laying out a 10,000-row PDF takes seconds, during which the queue's countdowns and the sync
 * must keep running, and the library's generators (PDF, DOCX, XLSX, fonts) weigh megabytes.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (message: MessageEvent<ExportJob>) => {
  const post = (reply: ExportReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  buildExport(message.data, (done, total) => post({ type: 'progress', done, total })).then(
    (file) => post({ type: 'done', file }, [file.bytes.buffer]),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
