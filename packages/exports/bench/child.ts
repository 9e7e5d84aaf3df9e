/**
 * One measurement, in its own process so that peaks do not mix:
 *   child.ts <csv|xlsx|pdf|baseline> <rows>
 * Prints one line `RESULT {json}` on stdout. Peak memory is the kernel's high-water mark of the
 * resident set (VmHWM, which also catches peaks inside synchronous stretches, when no timer can
 * fire), minus the resident set just before the run; heapUsed is sampled every 10 ms when the
 * event loop lets the timer run (a lower bound).
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

async function main(): Promise<void> {
  const input = lateListInput(count);
  // Warm the modules (a 10-row run), so that the figure is the export, not the first import.
  const warm = { rows: input.rows.slice(0, 10), meta: input.meta };
  if (kind === 'csv') await lateListCsv(warm, { dialect: 'excel-fr' });
  if (kind === 'xlsx') await lateListXlsx(warm);
  if (kind === 'pdf') await lateListPdf(warm);
  if (kind === 'baseline') new TextEncoder().encode(JSON.stringify(warm.rows));

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
