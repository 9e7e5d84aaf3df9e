/**
 * A folder laid out like the repository after `npm run demo`, for the README's commands to run
 * in as written: `apps` (a link to the repository's), `.data/demo` seeded the way `relay demo`
 * seeds it, and the chain proof Meta's liaison exports from the app. The seed is fixed: its
 * history ends at RECORD_NOW and its ids come from a counter, so the log, its hashes and every
 * figure are the same on every run.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chainProofText, sequentialIds, useIdSource, type LoggedEvent, type LogPosition } from '@contact-desk/shared';
import { withCore } from '../../apps/relay/src/cli/open-core.js';
import { ManualClock } from '../../apps/relay/src/core/clock.js';
import { seedDemo } from '../../apps/relay/src/demo/seed.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The end of the seeded history: 2026-11-23 09:00 UTC. */
export const RECORD_NOW = Date.UTC(2026, 10, 23, 9, 0);
export const RECORD_DATA_DIR = '.data/demo';

export interface RecordFolder {
  /** The folder to run the README's commands in. */
  readonly cwd: string;
  /** The log's head: what an export made now would cite. */
  readonly head: LogPosition;
  /** The chain proof's file name, in `cwd`. */
  readonly proofFile: string;
  remove(): void;
}

/** A liaison's pull, page after page, up to the head: their events and the position reached. */
async function liaisonLog(dataDir: string, platformId: string): Promise<{ events: LoggedEvent[]; head: LogPosition }> {
  return withCore(
    dataDir,
    async (core) => {
      const events: LoggedEvent[] = [];
      for (let afterSeq = 0; ;) {
        const page = await core.pull({ role: 'liaison', platformId }, afterSeq, 1000);
        if (!page.ok) throw new Error(page.error.message);
        events.push(...page.events);
        afterSeq = page.upToSeq;
        if (!page.hasMore) return { events, head: { seq: page.upToSeq, hash: page.upToHash } };
      }
    },
    new ManualClock(RECORD_NOW),
  );
}

export async function buildRecordFolder(): Promise<RecordFolder> {
  const cwd = mkdtempSync(join(tmpdir(), 'contact-desk-record-'));
  symlinkSync(join(repoRoot, 'apps'), join(cwd, 'apps'), 'dir');
  const dataDir = join(cwd, RECORD_DATA_DIR);
  const restoreIds = useIdSource(sequentialIds(() => RECORD_NOW));
  try {
    await seedDemo({ dataDir, reset: true, requests: 360, now: RECORD_NOW });
  } finally {
    restoreIds();
  }
  const { events, head } = await liaisonLog(dataDir, 'meta');
  // The name the app gives the file it exports (LogProofExport).
  const proofFile = `contact-desk-log-meta-${new Date(RECORD_NOW).toISOString().slice(0, 10)}-seq${head.seq}.jsonl`;
  writeFileSync(join(cwd, proofFile), chainProofText('meta', events, head, RECORD_NOW));
  return { cwd, head, proofFile, remove: () => rmSync(cwd, { recursive: true, force: true }) };
}
