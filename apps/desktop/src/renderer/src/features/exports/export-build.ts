// The exports library's side of a job, in the worker: the file's bytes, name and type.
import {
  campaignReportInput,
  campaignReportPdf,
  campaignReportXlsx,
  exportFileName,
  figuresChartSvg,
  figuresMarkdown,
  figuresPdf,
  figuresXlsx,
  lateListCsv,
  lateListPdf,
  lateListXlsx,
  lateResponseRows,
  minutesDocx,
  minutesMarkdown,
  minutesPdf,
  type LateListInput,
} from '@contact-desk/exports';
import type { ExportJob, LateListSource } from './export-job';
import type { ExportFile } from './use-export-runner';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';
const MARKDOWN = 'text/markdown';
const encoder = new TextEncoder();

type Progress = (done: number, total: number) => void;

function lateListInput(source: LateListSource): LateListInput {
  return { rows: lateResponseRows(source.requests, source.platforms, source.period, source.now), meta: source.meta };
}

async function lateList(job: Extract<ExportJob, { source: LateListSource }>, onProgress: Progress): Promise<ExportFile> {
  const input = lateListInput(job.source);
  const name = (extension: string, variant?: string) => exportFileName('late-list', input.meta, extension, variant);
  switch (job.kind) {
    case 'late-csv': {
      const variant = job.dialect === 'excel-fr' ? 'excel' : 'rfc4180';
      return { name: name('csv', variant), mimeType: 'text/csv', bytes: await lateListCsv(input, { dialect: job.dialect, onProgress }) };
    }
    case 'late-xlsx':
      return { name: name('xlsx'), mimeType: XLSX, bytes: await lateListXlsx(input, { onProgress }) };
    case 'late-pdf':
      return { name: name('pdf'), mimeType: PDF, bytes: await lateListPdf(input, { onProgress }) };
  }
}

/** Builds the job's file (in the worker: the library is loaded there only). */
export async function buildExport(job: ExportJob, onProgress: Progress): Promise<ExportFile> {
  switch (job.kind) {
    case 'late-csv':
    case 'late-xlsx':
    case 'late-pdf':
      return lateList(job, onProgress);
    case 'figures-pdf':
    case 'figures-xlsx':
    case 'figures-md':
    case 'figures-svg': {
      const { input } = job;
      const name = (extension: string) => exportFileName('figures', input.meta, extension);
      if (job.kind === 'figures-pdf') return { name: name('pdf'), mimeType: PDF, bytes: await figuresPdf(input) };
      if (job.kind === 'figures-xlsx') return { name: name('xlsx'), mimeType: XLSX, bytes: await figuresXlsx(input) };
      if (job.kind === 'figures-md') return { name: name('md'), mimeType: MARKDOWN, bytes: await figuresMarkdown(input) };
      const svg = figuresChartSvg(input.figures, input.platforms, { language: input.meta.language });
      return { name: name('svg'), mimeType: 'image/svg+xml', bytes: encoder.encode(svg) };
    }
    case 'minutes-pdf':
    case 'minutes-docx':
    case 'minutes-md': {
      const { input } = job;
      const name = (extension: string) => exportFileName('minutes', input.meta, extension);
      if (job.kind === 'minutes-pdf') return { name: name('pdf'), mimeType: PDF, bytes: await minutesPdf(input) };
      if (job.kind === 'minutes-docx') return { name: name('docx'), mimeType: DOCX, bytes: await minutesDocx(input) };
      return { name: name('md'), mimeType: MARKDOWN, bytes: await minutesMarkdown(input) };
    }
    case 'campaign-pdf':
    case 'campaign-xlsx': {
      const { requests, campaign, platforms, meta } = job.source;
      const input = campaignReportInput(requests, campaign, platforms, meta);
      const name = (extension: string) => exportFileName('campaign', meta, extension);
      if (job.kind === 'campaign-pdf') return { name: name('pdf'), mimeType: PDF, bytes: await campaignReportPdf(input) };
      return { name: name('xlsx'), mimeType: XLSX, bytes: await campaignReportXlsx(input) };
    }
  }
}
