import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/core/clock.js';
import { seedDemo } from '../src/demo/seed.js';
import { closeAll, Harness, T0 } from './harness.js';

afterEach(closeAll);

describe('demo seed (CLI smoke)', () => {
  it('produces requests in several statuses, with missed deadlines, and the relay starts on it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'relay-demo-'));
    const summary = await seedDemo({ dataDir, reset: true, requests: 40, now: T0 });
    // Forty requests of history, and the P0 just missed that every demo opens on.
    expect(summary).toMatchObject({ created: true, requests: 41 });
    // Seeding again without reset keeps what is there.
    expect(await seedDemo({ dataDir, reset: false, requests: 40, now: T0 })).toEqual({ ...summary, created: false });

    const h = await Harness.start(dataDir, new ManualClock(T0));
    expect(h.headSeq).toBe(summary.events);
    const requests = [...h.core.view.requests.values()];
    expect(requests).toHaveLength(41);
    const fresh = requests.filter((r) => r.sla.label === 'P0' && r.createdAt === T0 - 25 * 60_000);
    expect(fresh).toMatchObject([{ platformId: 'x', status: 'open', ackAt: null, missedAck: T0 }]);
    const statuses = new Set(requests.map((r) => r.status));
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    const events = await h.eventsAfter(0);
    expect(events.length).toBe(Math.min(1000, summary.events));
    expect(events.some((e) => e.type === 'request.deadlineMissed')).toBe(true);
    for (const [i, event] of events.entries()) {
      expect(event.seq).toBe(i + 1);
      if (i > 0) expect(event.serverTime).toBeGreaterThanOrEqual(events[i - 1]?.serverTime ?? 0);
      expect(event.serverTime).toBeLessThanOrEqual(T0);
    }
    const health = (await (await fetch(`${h.relay.url}/healthz`)).json()) as { ok: boolean; headSeq: number };
    expect(health).toMatchObject({ ok: true, headSeq: summary.events });
  });
});
