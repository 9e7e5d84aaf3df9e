/**
 * One measurement, in its own process so that peaks do not mix:
 *   child.ts <csv|xlsx|pdf|baseline> <rows>
 * Prints one line `RESULT {json}` on stdout. Peak memory is the kernel's high-water mark of the
 * resident set (VmHWM, which also catches peaks inside long synchronous calls such as pdfmake's
 * layout, when no timer can fire), minus the resident set just before the run; heapUsed is
 * sampled every 10 ms when the event loop lets the timer run (a lower bound for the PDF).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { lateListCsv, lateListPdf, lateListXlsx } from '../src/index.js';
import { lateListInput } from './rows.js';

const [kind, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
const MB = 1024 * 1024;

/** Peak and current resident set from /proc (Linux); null elsewhere. */
function procMemory(): { hwm: number; rss: number } | null {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (key: string) => Number(/^(\w+):\s+(\d+) kB/m.exec(status.split('\n').find((l) => l.startsWith(`${key}:`)) ?? '')?.[2]);
    return { hwm: kb('VmHWM') * 1024, rss: kb('VmRSS') * 1024 };
  } catch {
    return null;
  }
}

/** Resets the kernel's high-water mark (Linux ≥ 4.0), so that VmHWM measures the run only. */
function resetHwm(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Wall time spent in pdfmake's stages (wrapping its prototypes; nothing in src changes). */
const phases: Record<string, number> = {};
let createPdfAt: number | null = null;
async function instrumentPdfmake(): Promise<void> {
  const require = createRequire(import.meta.url);
  const wrap = (file: string, method: string, label: string) => {
    const proto = (require(`pdfmake/js/${file}`) as { default: { prototype: Record<string, unknown> } }).default.prototype;
    const original = proto[method] as (...args: unknown[]) => unknown;
    let depth = 0;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      if (depth > 0) return original.apply(this, args);
      depth++;
      const start = performance.now();
      try {
        const result = original.apply(this, args);
        if (result instanceof Promise) {
          return result.finally(() => {
            phases[label] = (phases[label] ?? 0) + performance.now() - start;
            depth--;
          });
        }
        phases[label] = (phases[label] ?? 0) + performance.now() - start;
        depth--;
        return result;
      } catch (error) {
        depth--;
        throw error;
      }
    };
  };
  wrap('Printer.js', 'createPdfKitDocument', 'pdfkitDocument');
  wrap('LayoutBuilder.js', 'layoutDocument', 'layout');
  wrap('DocPreprocessor.js', 'preprocessDocument', 'layout.preprocess');
  wrap('DocMeasure.js', 'measureDocument', 'layout.measure');
  wrap('LayoutBuilder.js', 'processTable', 'layout.processTable');
  wrap('LayoutBuilder.js', 'addHeadersAndFooters', 'layout.footers');
  wrap('Renderer.js', 'renderPages', 'render');
  // The pdfmake instance src imports (`import pdfMake from 'pdfmake'` is this same CJS module).
  const pdfMake = require('pdfmake') as { createPdf: (definition: object) => unknown };
  const createPdf = pdfMake.createPdf.bind(pdfMake);
  pdfMake.createPdf = (definition: object) => {
    createPdfAt ??= performance.now();
    return createPdf(definition);
  };
}

async function main(): Promise<void> {
  const input = lateListInput(count);
  if (kind === 'pdf') await instrumentPdfmake();
  // Warm the modules (a 10-row run), so that the figure is the export, not the first import.
  const warm = { rows: input.rows.slice(0, 10), meta: input.meta };
  if (kind === 'csv') await lateListCsv(warm, { dialect: 'excel-fr' });
  if (kind === 'xlsx') await lateListXlsx(warm);
  if (kind === 'pdf') await lateListPdf(warm);
  if (kind === 'baseline') new TextEncoder().encode(JSON.stringify(warm.rows));
  for (const key of Object.keys(phases)) delete phases[key];
  createPdfAt = null;

  gc?.();
  gc?.();
  const before = process.memoryUsage();
  const hwmReset = resetHwm();
  const procBefore = procMemory();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  let samples = 0;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
    samples++;
  }, 10);

  const start = performance.now();
  let bytes: Uint8Array;
  switch (kind) {
    case 'csv':
      bytes = await lateListCsv(input, { dialect: 'excel-fr' });
      break;
    case 'xlsx':
      bytes = await lateListXlsx(input);
      break;
    case 'pdf':
      bytes = await lateListPdf(input);
      break;
    case 'baseline':
      bytes = new TextEncoder().encode(JSON.stringify(input.rows));
      break;
    default:
      throw new Error(`unknown kind ${kind}`);
  }
  const end = performance.now();
  clearInterval(sampler);
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  peakHeap = Math.max(peakHeap, after.heapUsed);
  const procAfter = procMemory();
  const hwmPeak = procAfter && hwmReset ? procAfter.hwm : null;

  const result = {
    kind,
    rows: input.rows.length,
    ms: end - start,
    bytes: bytes.byteLength,
    rssBeforeMb: before.rss / MB,
    /** Peak resident set above the one before the run. */
    peakRssDeltaMb: (Math.max(peakRss, hwmPeak ?? 0) - (procBefore?.rss ?? before.rss)) / MB,
    peakRssSource: hwmPeak !== null ? 'VmHWM' : 'sampled',
    peakHeapDeltaMb: (peakHeap - before.heapUsed) / MB,
    samples,
    phases: kind === 'pdf' ? { buildDefinition: createPdfAt === null ? null : createPdfAt - start, ...phases } : undefined,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
