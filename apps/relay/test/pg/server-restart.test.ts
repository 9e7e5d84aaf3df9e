/**
 * The database server goes away under writes — killed as a crash would, or shut down and started
 * again — and comes back: writes in between fail, writes after succeed on the same storage (its
 * pool reconnects by itself), nothing committed is lost, and the log stays one gapless chain.
 */
import type { Actor, LoggedEvent } from '@contact-desk/shared';
import { expect, it } from 'vitest';
import { openPgStorage } from '../../src/storage/pg/pg-storage.js';
import { actor, createRequest, IDS, LogWriter, seed } from '../storage-contract/log-writer.js';
import { allEvents, expectOneChain, Heard, serverForThisFile, waitUntil } from './pg-nodes.js';

const server = serverForThisFile();

/** One node writing as fast as it can until stopped: what was committed, and what failed in which phase. */
class BusyWriter {
  phase: 'up' | 'down' | 'back' = 'up';
  readonly committed: LoggedEvent[] = [];
  readonly failures: Record<BusyWriter['phase'], number> = { up: 0, down: 0, back: 0 };
  readonly successes: Record<BusyWriter['phase'], number> = { up: 0, down: 0, back: 0 };
  private stopped = false;
  readonly done: Promise<void>;

  constructor(
    private readonly writer: LogWriter,
    private readonly operator: Actor,
  ) {
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const phase = this.phase;
      try {
        const written = await this.writer.write([createRequest('meta')], { actor: this.operator });
        this.committed.push(...written.events);
        this.successes[phase] += 1;
      } catch {
        this.failures[phase] += 1;
        // Paced while the server is away, so that the loop does not spin.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }
}

const outages = {
  crash: async () => server().kill(),
  'fast shutdown': async () => undefined,
};

it.each(Object.keys(outages) as (keyof typeof outages)[])(
  'survives a %s of the server under writes: nothing committed lost, writes again after it, one gapless chain',
  async (outage) => {
    const url = await server().createDatabase(`restart_${outage.replace(' ', '_')}`);
    const storage = await openPgStorage(url, { connectTimeoutMs: 2000 });
    const listener = await openPgStorage(url);
    try {
      const heard = new Heard(listener);
      const writer = new LogWriter(storage);
      await seed(writer);
      const busy = new BusyWriter(writer, actor(writer, IDS.operator));
      await waitUntil(() => busy.successes.up >= 5, 'writes before the outage', 20_000);

      busy.phase = 'down';
      await outages[outage]();
      if (outage === 'crash') await waitUntil(() => busy.failures.down >= 1, 'a write to fail while the server is down', 20_000);
      // `restart` shuts a running server down fast first: the busy writer meets that outage too.
      await server().restart();
      busy.phase = 'back';
      await waitUntil(() => busy.successes.back >= 10, 'writes after the server came back', 30_000);
      await busy.stop();

      expect(busy.failures.down).toBeGreaterThanOrEqual(1);
      const events = await allEvents(storage);
      expectOneChain(events);
      // Every write that resolved is there, exactly as written.
      const stored = new Map(events.map((event) => [event.seq, event]));
      for (const event of busy.committed) expect(stored.get(event.seq)).toEqual(event);
      // The listener's connection was cut too: it listens again and is told the head.
      await heard.next((seq) => seq === events.length, 'the head after the server came back', 15_000);
    } finally {
      await Promise.all([storage.close(), listener.close()]);
    }
  },
  90_000,
);
