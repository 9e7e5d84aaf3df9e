/// <reference lib="webworker" />
import { buildExport } from './export-build';
import type { ExportReply, ExportRequest } from './export-job';

/**
 * Builds exports off the main thread, and is the only place the exports library is loaded:
 * laying out a 10,000-row PDF takes seconds, during which the queue's countdowns and the sync
 * must keep running, and the library's generators (PDF, DOCX, XLSX, fonts) weigh megabytes.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (message: MessageEvent<ExportRequest>) => {
  const { id, job } = message.data;
  const post = (reply: ExportReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  buildExport(job, (done, total) => post({ id, type: 'progress', done, total })).then(
    (file) => post({ id, type: 'done', file }, [file.bytes.buffer]),
    (error: unknown) => post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
