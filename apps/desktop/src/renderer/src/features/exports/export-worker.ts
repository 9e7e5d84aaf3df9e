/// <reference lib="webworker" />
import {
  campaignReportPdf,
  campaignReportXlsx,
  figuresMarkdown,
  figuresPdf,
  figuresXlsx,
  lateListCsv,
  lateListPdf,
  lateListXlsx,
  minutesDocx,
  minutesMarkdown,
  minutesPdf,
} from '@contact-desk/exports';
import type { ExportJob, ExportReply } from './export-job';

/**
 * Builds exports off the main thread: laying out a 10,000-row PDF takes seconds, during which
 * the queue's countdowns and the sync must keep running.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

async function build(job: ExportJob, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  switch (job.kind) {
    case 'late-csv':
      return lateListCsv(job.input, { dialect: job.dialect });
    case 'late-xlsx':
      return lateListXlsx(job.input);
    case 'late-pdf':
      return lateListPdf(job.input, { onProgress });
    case 'figures-pdf':
      return figuresPdf(job.input);
    case 'figures-xlsx':
      return figuresXlsx(job.input);
    case 'figures-md':
      return figuresMarkdown(job.input);
    case 'minutes-pdf':
      return minutesPdf(job.input);
    case 'minutes-docx':
      return minutesDocx(job.input);
    case 'minutes-md':
      return minutesMarkdown(job.input);
    case 'campaign-pdf':
      return campaignReportPdf(job.input);
    case 'campaign-xlsx':
      return campaignReportXlsx(job.input);
  }
}

scope.onmessage = (message: MessageEvent<ExportJob>) => {
  const post = (reply: ExportReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  build(message.data, (done, total) => post({ type: 'progress', done, total })).then(
    (bytes) => post({ type: 'done', bytes }, [bytes.buffer]),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
