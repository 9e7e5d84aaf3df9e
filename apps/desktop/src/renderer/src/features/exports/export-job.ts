import type { Campaign, Request } from '@contact-desk/shared';
import type { CsvDialect, ExportMeta, ExportPeriod, FiguresInput, MinutesInput, PlatformRef } from '@contact-desk/exports';
import type { ExportFile } from './use-export-runner';

/** What the late-response list is computed from: the worker derives its rows. */
export interface LateListSource {
  readonly requests: readonly Request[];
  readonly platforms: ReadonlyMap<string, PlatformRef>;
  readonly period: ExportPeriod;
  /** Relay time the requests' states are computed at. */
  readonly now: number;
  readonly meta: ExportMeta;
}

/** What a campaign's report is computed from: its requests (others are ignored) and its record. */
export interface CampaignReportSource {
  readonly requests: readonly Request[];
  readonly campaign: Campaign;
  readonly platforms: ReadonlyMap<string, PlatformRef>;
  readonly meta: ExportMeta;
}

/**
 * One export to build in the worker, which owns the exports library: the screens send plain
 * data (maps included: they are cloned) and get a named file back.
 */
export type ExportJob =
  | { readonly kind: 'late-csv'; readonly source: LateListSource; readonly dialect: CsvDialect }
  | { readonly kind: 'late-xlsx' | 'late-pdf'; readonly source: LateListSource }
  | { readonly kind: 'figures-pdf' | 'figures-xlsx' | 'figures-md' | 'figures-svg'; readonly input: FiguresInput }
  | { readonly kind: 'minutes-pdf' | 'minutes-docx' | 'minutes-md'; readonly input: MinutesInput }
  | { readonly kind: 'campaign-pdf' | 'campaign-xlsx'; readonly source: CampaignReportSource };

/** A job as posted to the worker: numbered, since a kept worker answers several. */
export interface ExportRequest {
  readonly id: number;
  readonly job: ExportJob;
}

export type ExportReply = { readonly id: number } & (
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly file: ExportFile }
  | { readonly type: 'failed'; readonly message: string }
);

/** A worker that owns the exports library. */
export function startExportWorker(): Worker {
  return new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs one job in a fresh worker, reporting progress; the worker ends with the job, and the
 * memory a large export took with it.
 */
export function runInWorker(job: ExportJob, onProgress: (done: number, total: number) => void): Promise<ExportFile> {
  const worker = startExportWorker();
  return new Promise<ExportFile>((resolve, reject) => {
    const end = () => worker.terminate();
    worker.onmessage = (message: MessageEvent<ExportReply>) => {
      const reply = message.data;
      if (reply.type === 'progress') {
        onProgress(reply.done, reply.total);
        return;
      }
      end();
      if (reply.type === 'done') resolve(reply.file);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(event.message || 'the export worker failed'));
    };
    worker.postMessage({ id: 0, job } satisfies ExportRequest);
  });
}
