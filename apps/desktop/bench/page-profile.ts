/**
 * An opt-in CPU profile of the page under measurement: with `BENCH_PROFILE_DIR` set, the figure
 * that calls `profiled` writes Chromium's profile of that stretch there (a `.cpuprofile` that
 * Chrome's DevTools and speedscope open), so that a slow figure can be explained from the run
 * that measured it. Unset, it measures as it always does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { log } from './common';

const directory = process.env.BENCH_PROFILE_DIR;

export async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  if (!directory) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    log(`profile of ${name}: ${file}`);
    await cdp.detach();
  }
}
