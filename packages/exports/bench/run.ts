/**
 * Benchmark of the late-response list exports: 10,000 rows to CSV (excel-fr), XLSX and PDF,
 * each in its own child process (`node --expose-gc`), wall time and peak memory, beside a bare
 * serialisation of the same rows (`JSON.stringify` + `TextEncoder`) measured in the same run.
 * Targets are reported, never enforced. Every child is killed after 120 s.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROWS = 10_000;
const CHILD_LIMIT_MS = 120_000;
const OVERALL_LIMIT_MS = 420_000;
const TARGET_MS = 2_000;
/** The XLSX list: at most ten times the bare serialisation of the same rows, and at most 60 MB over the start. */
const XLSX_TARGET_RATIO = 10;
const XLSX_TARGET_RSS_MB = 60;
const here = dirname(fileURLToPath(import.meta.url));
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const watchdog = setTimeout(() => {
  log(`the bench exceeded ${OVERALL_LIMIT_MS / 1000} s: aborting`);
  process.exit(2);
}, OVERALL_LIMIT_MS);
watchdog.unref();

interface Result {
  kind: string;
  rows: number;
  ms: number;
  bytes: number;
  rssBeforeMb: number;
  peakRssDeltaMb: number;
  peakRssSource: string;
  peakHeapDeltaMb: number;
  samples: number;
}

function runChild(kind: string, rows: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--conditions=@contact-desk/source', '--import', 'tsx', join(here, 'child.ts'), kind, String(rows)],
      { cwd: join(here, '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      log(`${kind} (${rows} rows) exceeded ${CHILD_LIMIT_MS / 1000} s: killing pid ${child.pid}`);
      child.kill('SIGKILL');
    }, CHILD_LIMIT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('RESULT '.length)) as Result);
      else reject(new Error(`${kind} child ended with ${signal ?? `code ${code}`}: ${stderr.trim().slice(-800)}`));
    });
  });
}

/** A target: at most `value` in the figure's unit, or at most `value` times the baseline. */
type Target = { readonly at: 'most'; readonly value: number } | { readonly at: 'ratio'; readonly value: number };

interface Row {
  figure: string;
  value: number | null;
  baseline: number | null;
  unit: 'ms' | 'MB';
  target: Target | null;
}

function meets(row: Row): boolean {
  if (row.value === null || row.target === null) return false;
  if (row.target.at === 'most') return row.value <= row.target.value;
  return row.baseline !== null && row.baseline > 0 && row.value / row.baseline <= row.target.value;
}

const fmt = (value: number | null, unit: 'ms' | 'MB') =>
  value === null
    ? 'n/a'
    : unit === 'MB'
      ? `${value.toFixed(1)} MB`
      : value >= 10_000
        ? `${(value / 1000).toFixed(1)} s`
        : `${value.toFixed(0)} ms`;

function table(rows: readonly Row[]): string {
  const header = ['figure', 'contact desk', 'baseline', 'ratio', 'target', 'result'];
  const cells = rows.map((r) => [
    r.figure,
    fmt(r.value, r.unit),
    fmt(r.baseline, r.unit),
    r.value !== null && r.baseline ? `${(r.value / r.baseline).toFixed(1)}×` : 'n/a',
    r.target === null ? '—' : r.target.at === 'most' ? `≤ ${fmt(r.target.value, r.unit)}` : `≤ ${r.target.value}× baseline`,
    r.value === null ? 'ERROR' : r.target === null ? '—' : meets(r) ? 'meets' : 'MISSES',
  ]);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

async function measure(kind: string, rows: number): Promise<Result | null> {
  log(`${kind}, ${rows} rows…`);
  try {
    const result = await runChild(kind, rows);
    log(`${kind}: ${result.ms.toFixed(0)} ms, ${(result.bytes / 1024).toFixed(0)} KiB`);
    return result;
  } catch (error) {
    log(`${kind} failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

const started = Date.now();
const baseline = await measure('baseline', ROWS);
const results: Record<string, Result | null> = {};
for (const kind of ['csv', 'xlsx', 'pdf']) results[kind] = await measure(kind, ROWS);
// How the PDF scales with the number of rows (linear or worse), for the notes.
const scaling: Result[] = [];
for (const rows of [1_000, 2_500]) {
  const result = await measure('pdf', rows);
  if (result) scaling.push(result);
}

const labels: Record<string, string> = { csv: 'CSV excel-fr', xlsx: 'XLSX', pdf: 'PDF' };
const figures: Row[] = [];
for (const kind of ['csv', 'xlsx', 'pdf']) {
  const r = results[kind] ?? null;
  figures.push({
    figure: `${labels[kind]} 10k rows: wall time`,
    value: r?.ms ?? null,
    baseline: baseline?.ms ?? null,
    unit: 'ms',
    target: kind === 'xlsx' ? { at: 'ratio', value: XLSX_TARGET_RATIO } : { at: 'most', value: TARGET_MS },
  });
}
for (const kind of ['csv', 'xlsx', 'pdf']) {
  const r = results[kind] ?? null;
  figures.push({
    figure: `${labels[kind]} 10k rows: peak RSS over start`,
    value: r?.peakRssDeltaMb ?? null,
    baseline: baseline?.peakRssDeltaMb ?? null,
    unit: 'MB',
    target: kind === 'xlsx' ? { at: 'most', value: XLSX_TARGET_RSS_MB } : null,
  });
}
for (const kind of ['csv', 'xlsx', 'pdf']) {
  const r = results[kind] ?? null;
  figures.push({
    figure: `${labels[kind]} 10k rows: peak heapUsed over start`,
    value: r?.peakHeapDeltaMb ?? null,
    baseline: baseline?.peakHeapDeltaMb ?? null,
    unit: 'MB',
    target: null,
  });
}

console.log(`\nContact Desk exports — late-response list, ${ROWS.toLocaleString('en')} rows, node ${process.version}\n`);
console.log(table(figures));
console.log('\nNotes');
console.log(
  `- Baseline: JSON.stringify(rows) + TextEncoder of the same ${ROWS} rows, in its own child process` +
    (baseline ? ` (${(baseline.bytes / 1024).toFixed(0)} KiB).` : ' (failed).'),
);
console.log('- Each format ran in its own `node --expose-gc` child (killed after 120 s), after a 10-row warm-up run and two GCs.');
console.log(
  `- Peak RSS is the kernel's high-water mark (VmHWM, reset through /proc/self/clear_refs before the run: ` +
    `${Object.values(results)
      .map((r) => r?.peakRssSource ?? '?')
      .join('/')}) minus the RSS just before; it sees peaks inside synchronous code.`,
);
console.log(
  '- heapUsed is sampled every 10 ms by a timer, so it misses peaks inside long synchronous calls: a lower bound ' +
    `(${results.pdf?.samples ?? 0} samples during ${fmt(results.pdf?.ms ?? null, 'ms')}).`,
);
for (const kind of ['csv', 'xlsx', 'pdf']) {
  const r = results[kind];
  if (r) console.log(`- ${labels[kind]}: ${(r.bytes / 1024).toFixed(0)} KiB output, RSS before run ${r.rssBeforeMb.toFixed(0)} MB.`);
}
const pdf = results.pdf;
if (scaling.length > 0 && pdf) {
  const points = [...scaling, pdf].map(
    (r) => `${r.rows} rows ${fmt(r.ms, 'ms')} (${(r.ms / r.rows).toFixed(2)} ms/row, peak RSS +${r.peakRssDeltaMb.toFixed(0)} MB)`,
  );
  console.log(`- PDF scaling: ${points.join('; ')}.`);
}
console.log(`- Total bench time ${((Date.now() - started) / 1000).toFixed(1)} s.`);
const failed = [baseline, ...Object.values(results)].some((r) => r === null);
process.exit(failed ? 1 : 0);
