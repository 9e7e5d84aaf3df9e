import type { CampaignReportInput, CsvDialect, FiguresInput, LateListInput, MinutesInput } from '@contact-desk/exports';

/** One export to build in the worker. Inputs are plain data (maps included): they are cloned. */
export type ExportJob =
  | { readonly kind: 'late-csv'; readonly input: LateListInput; readonly dialect: CsvDialect }
  | { readonly kind: 'late-xlsx' | 'late-pdf'; readonly input: LateListInput }
  | { readonly kind: 'figures-pdf' | 'figures-xlsx' | 'figures-md'; readonly input: FiguresInput }
  | { readonly kind: 'minutes-pdf' | 'minutes-docx' | 'minutes-md'; readonly input: MinutesInput }
  | { readonly kind: 'campaign-pdf' | 'campaign-xlsx'; readonly input: CampaignReportInput };

export type ExportReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly bytes: Uint8Array }
  | { readonly type: 'failed'; readonly message: string };

/** Runs one job in a fresh worker, reporting progress; the worker ends with the job. */
export function runInWorker(job: ExportJob, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (message: MessageEvent<ExportReply>) => {
      const reply = message.data;
      if (reply.type === 'progress') {
        onProgress(reply.done, reply.total);
        return;
      }
      worker.terminate();
      if (reply.type === 'done') resolve(reply.bytes);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the export worker failed'));
    };
    worker.postMessage(job);
  });
}
