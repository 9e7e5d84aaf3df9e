import { existsSync, rmSync } from 'node:fs';
import { databaseFile } from '../config.js';
import { withCore } from '../cli/open-core.js';
import { ManualClock } from '../core/clock.js';
import { loadDemoData, pick, seededRandom } from './demo-data.js';
import { startDemoCampaigns } from './demo-campaigns.js';
import { createDemoPeople } from './demo-people.js';
import { freshP0 } from './fresh-p0.js';
import { pastMeetingStart, seedMeetings } from './demo-meetings.js';
import { planRequest, type TimedStep } from './request-plan.js';

export interface SeedOptions {
  readonly dataDir: string;
  readonly reset: boolean;
  readonly requests: number;
  readonly now?: number;
  readonly seed?: number;
  readonly days?: number;
}

export interface SeedSummary {
  readonly created: boolean;
  readonly events: number;
  readonly requests: number;
}

const DAY = 24 * 3_600_000;

/**
 * Fills a data folder with a realistic contact group: platforms with their habits, the ministry's
 * team, liaisons, and weeks of requests replayed through the relay itself with a moving clock —
 * so every figure, deadline miss and escalation in the demo is what the relay would have recorded.
 */
export async function seedDemo(options: SeedOptions): Promise<SeedSummary> {
  const file = databaseFile(options);
  if (options.reset) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const now = options.now ?? Date.now();
  const days = options.days ?? 42;
  const clock = new ManualClock(now - days * DAY - DAY);
  if (existsSync(file)) {
    const existing = await withCore(options.dataDir, (core) => ({ events: core.headSeq, requests: core.view.requests.size }));
    if (existing.events > 0) return { created: false, ...existing };
  }
  return withCore(
    options.dataDir,
    async (core) => {
      const data = loadDemoData();
      const random = seededRandom(options.seed ?? 20_261_123);
      const people = await createDemoPeople(core, data);
      const campaigns = await startDemoCampaigns(core, data, people);
      const steps: TimedStep[] = [];
      const recent = Math.min(14, Math.floor(options.requests / 20));
      for (let index = 0; index < options.requests; index += 1) {
        const platform = pick(random, data.platforms);
        const createdAt =
          index < recent
            ? now - (5 + random() * 240) * 60_000
            : now - days * DAY + Math.floor(random() * days) * DAY + (7 + random() * 15) * 3_600_000;
        steps.push(...planRequest(random, data, { people, campaigns }, platform, Math.min(createdAt, now - 60_000), now));
      }
      const meetingsAt = pastMeetingStart(now) + 90 * 60_000;
      steps.push({ at: meetingsAt, run: (relay) => seedMeetings(relay, data, people, now) });
      steps.push(...freshP0(data, people, now));
      steps.sort((a, b) => a.at - b.at);
      for (const step of steps) {
        clock.set(Math.round(step.at));
        await step.run(core);
      }
      clock.set(now);
      await core.checkDeadlines(core.pendingRequestIds());
      return { created: true, events: core.headSeq, requests: core.view.requests.size };
    },
    clock,
  );
}
