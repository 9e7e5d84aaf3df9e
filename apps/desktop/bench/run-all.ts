/**
 * Client-side benchmark of Contact Desk: catch-up into Dexie, outbox flush against a real relay,
 * first paint and filter of a 100k-request queue in Chromium, the crisis drill against a real
 * relay. Every figure is printed beside a baseline measured in the same run; targets are
 * reported, never enforced. Names given on the command line run only those figures
 * (`npm run bench -w @contact-desk/desktop -- drill`).
 */
import { benchCatchUp } from './catchup';
import { log, type Figure } from './common';
import { benchDrill } from './drill';
import { benchFlush } from './flush';
import { benchPending } from './pending';
import { benchQueue } from './queue';

/** The drill adds about 40 s to the other figures; the 100k queue takes minutes on a busy machine. */
const OVERALL_LIMIT_MS = 900_000;

const watchdog = setTimeout(() => {
  log(`the bench exceeded ${OVERALL_LIMIT_MS / 1000} s: aborting`);
  process.exit(2);
}, OVERALL_LIMIT_MS);
watchdog.unref();

const ms = (value: number | null) =>
  value === null ? 'n/a' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`;

function table(figures: readonly Figure[]): string {
  const header = ['figure', 'contact desk', 'baseline', 'ratio', 'target', 'result'];
  const rows = figures.map((f) => [
    f.figure,
    ms(f.value),
    `${ms(f.baseline)} (${f.baselineLabel})`,
    f.value !== null && f.baseline ? `${(f.value / f.baseline).toFixed(2)}×` : 'n/a',
    f.targetMs === null ? '—' : `≤ ${ms(f.targetMs)}`,
    f.value === null ? 'ERROR' : f.targetMs === null ? '—' : f.value <= f.targetMs ? 'meets' : 'MISSES',
  ]);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

const BENCHES = [
  ['catch-up', benchCatchUp],
  ['flush', benchFlush],
  ['drill', benchDrill],
  ['queue', benchQueue],
  ['pending', benchPending],
] as const;
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !BENCHES.some(([known]) => known === name));
if (unknown.length > 0)
  throw new Error(`no bench named ${unknown.join(', ')}; the benches are ${BENCHES.map(([name]) => name).join(', ')}`);

const figures: Figure[] = [];
const errors: string[] = [];
const started = Date.now();
for (const [name, run] of BENCHES.filter(([name]) => chosen.length === 0 || chosen.includes(name))) {
  const t = Date.now();
  try {
    figures.push(...(await run()));
  } catch (error) {
    errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    figures.push({ figure: name, value: null, baseline: null, baselineLabel: '', targetMs: null });
  }
  log(`${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

console.log('\nContact Desk — client benchmark (loopback, this machine)\n');
console.log(table(figures));
const notes = figures.filter((f) => f.note);
if (notes.length > 0) {
  console.log('\nnotes:');
  for (const f of notes) console.log(`- ${f.figure}: ${f.note}`);
}
if (errors.length > 0) {
  console.log('\nerrors:');
  for (const error of errors) console.log(`- ${error}`);
}
console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(errors.length > 0 ? 1 : 0);
