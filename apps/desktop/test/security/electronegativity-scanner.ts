import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** One finding as electronegativity reports it (the fields the checks below read). */
export interface ScanFinding {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly severity: { readonly name: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL'; readonly value: number };
  readonly confidence: { readonly name: 'CERTAIN' | 'FIRM' | 'TENTATIVE' };
  readonly sample?: string;
  readonly description: string;
  readonly manualReview: boolean;
}

export interface ScanResult {
  readonly globalChecks: number;
  readonly atomicChecks: number;
  /** Files the scanner could not parse: such a file was not checked at all. */
  readonly errors: readonly { readonly file: string; readonly message: string; readonly tolerable: boolean }[];
  readonly issues: readonly ScanFinding[];
}

interface RunnerOptions {
  input: string;
  excludeFromScan: string[];
  isRelative: boolean;
}

export const DESKTOP_ROOT = resolve(import.meta.dirname, '../..');

const runnerPath = createRequire(join(DESKTOP_ROOT, 'package.json')).resolve('@doyensec/electronegativity');
const scannerRequire = createRequire(runnerPath);

/**
 * The scanner asks `got` for translations of its messages on every run (and, in one check, for
 * Electron's release list). The scan must give the same answer on a machine that reaches only
 * the npm registry, so `got` is replaced, for the scanner only, by a request that fails at once;
 * the scanner then uses the English messages it ships with.
 */
function offlineScanner(): (options: RunnerOptions) => Promise<ScanResult> {
  const gotPath = scannerRequire.resolve('got');
  const offlineGot = (): Promise<never> => Promise.reject(new Error('no network during the security scan'));
  scannerRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offlineGot } as never;
  return scannerRequire(runnerPath) as (options: RunnerOptions) => Promise<ScanResult>;
}

/**
 * Scans a copy of what ships: the app's sources (main, preload, bridge contract, renderer and its
 * index.html) and its package.json (Electron version, scripts). Tests, benchmarks and build
 * output stay out; the copy lets the scanner see exactly that set, with paths like
 * `src/main/index.ts`.
 */
export async function scanDesktopApp(excludedChecks: readonly string[]): Promise<ScanResult> {
  const stage = mkdtempSync(join(tmpdir(), 'contact-desk-scan-'));
  try {
    cpSync(join(DESKTOP_ROOT, 'src'), join(stage, 'src'), { recursive: true });
    copyFileSync(join(DESKTOP_ROOT, 'package.json'), join(stage, 'package.json'));
    return await scanDirectory(stage, excludedChecks);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** The scanner's own note that the translation download failed: expected here, so not printed. */
const TRANSLATION_NOTE = 'Could not retrieve updated translations for the current locale';

export async function scanDirectory(directory: string, excludedChecks: readonly string[]): Promise<ScanResult> {
  const run = offlineScanner();
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (args[0] !== TRANSLATION_NOTE) log(...args);
  };
  try {
    return await run({ input: directory, excludeFromScan: [...excludedChecks], isRelative: true });
  } finally {
    console.log = log;
  }
}
