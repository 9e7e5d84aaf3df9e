/**
 * The relay with outreach on — e-mail through an SMTP server, three webhooks (the platform's case
 * tool, the ministry's, a PagerDuty service) — against the same relay with it off, in the same run.
 * The two are measured in turns (off, on, then on, off) and each keeps its better round, so a burst of
 * noise on this shared machine does not land on one side only. Then a webhook that follows every
 * comment is added: every mutation of the load is then delivered, and the bench reports how fast
 * the sender drains what the load queued.
 */
import { newId, WEBHOOK_TOPICS } from '@contact-desk/shared';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { perform } from '../src/cli/admin-actions.js';
import { databaseFile } from '../src/config.js';
import type { RelayCore } from '../src/core/relay-core.js';
import { DEFAULT_OUTREACH } from '../src/outreach/outreach-config.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import { log, runLoad } from './load.js';
import type { SinkCounts } from './outreach-sinks.js';
import { loadOf, PLATFORM, rttOf, tearDown, setUpRelay, type RelaySetup } from './relay-setup.js';
import type { LatencyResult, ThroughputResult } from './tasks.js';
import { bestInTurns, faster, lowerP99 } from './turns.js';

const ROUNDS = 2;
const DRAIN_LIMIT_MS = 120_000;

export interface OutreachFigures {
  readonly off: ThroughputResult;
  readonly on: ThroughputResult;
  readonly rttOff: LatencyResult;
  readonly rttOn: LatencyResult;
  /** With a webhook following comments: the load, the deliveries it caused, and the drain. */
  readonly following: ThroughputResult;
  readonly delivered: number;
  readonly drainMs: number;
}

interface Sinks {
  readonly smtpPort: number;
  readonly httpPort: number;
  counts(): Promise<SinkCounts>;
  close(): void;
}

async function startSinks(): Promise<Sinks> {
  const child = fork(fileURLToPath(new URL('./outreach-sinks.js', import.meta.url)), [], { stdio: 'inherit' });
  const ports = await new Promise<{ smtpPort: number; httpPort: number }>((resolve) => child.once('message', resolve as never));
  return {
    ...ports,
    counts: () =>
      new Promise((resolve) => {
        child.once('message', resolve as never);
        child.send('count');
      }),
    close: () => child.kill(),
  };
}

async function webhook(core: RelayCore, fields: Record<string, unknown>): Promise<void> {
  await perform(core, 'webhook.create', { webhookId: newId(), ...fields });
}

/** Waits until the relay's outbox has nothing pending, or the limit passes; counts what arrived meanwhile. */
async function drained(setup: RelaySetup, sinks: Sinks, from: number): Promise<{ delivered: number; ms: number }> {
  const started = performance.now();
  const outbox = new SqliteStorage(databaseFile(setup), { readOnly: true });
  try {
    while (performance.now() - started < DRAIN_LIMIT_MS && (await outbox.outbox().deliveryCounts()).pending > 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await outbox.close();
  }
  return { delivered: (await sinks.counts()).hooks - from, ms: performance.now() - started };
}

export async function measureOutreach(off: RelaySetup): Promise<OutreachFigures> {
  const sinks = await startSinks();
  const hooks = `http://127.0.0.1:${sinks.httpPort}`;
  const on = await setUpRelay({
    liaisons: 8,
    outreach: {
      ...DEFAULT_OUTREACH,
      smtpUrl: `smtp://127.0.0.1:${sinks.smtpPort}`,
      dutyEmail: 'permanence@bench.example',
      appUrl: 'http://127.0.0.1:4411',
      pollMs: 250,
    },
    prepare: async (core) => {
      await webhook(core, { platformId: PLATFORM, name: 'Case tool', url: `${hooks}/case-tool` });
      await webhook(core, { platformId: null, name: 'Ministry', url: `${hooks}/ministry` });
      await webhook(core, {
        platformId: PLATFORM,
        name: 'Pager',
        url: `${hooks}/pager`,
        preset: 'pagerduty',
        presetKey: 'R0UTINGKEY0123456789',
        priorities: ['P0', 'P1'],
      });
    },
  });
  try {
    const load = (setup: RelaySetup) => runLoad<ThroughputResult>(loadOf(setup));
    const rtt = (setup: RelaySetup) => runLoad<LatencyResult>(rttOf(setup));
    const throughput = await bestInTurns(ROUNDS, { off: () => load(off), on: () => load(on) }, faster);
    const acks = await bestInTurns(ROUNDS, { off: () => rtt(off), on: () => rtt(on) }, lowerP99);
    const [offBest, onBest, rttOff, rttOn] = [throughput.off, throughput.on, acks.off, acks.on];
    log(
      `outreach: off ${Math.round(offBest.perSecond)}/s, on ${Math.round(onBest.perSecond)}/s; ack p99 off ${rttOff.p99.toFixed(2)} ms, on ${rttOn.p99.toFixed(2)} ms`,
    );
    const before = (await sinks.counts()).hooks;
    await webhook(on.relay.core, { platformId: PLATFORM, name: 'Every comment', url: `${hooks}/comments`, topics: [...WEBHOOK_TOPICS] });
    const following = await load(on);
    const drain = await drained(on, sinks, before);
    log(
      `outreach following comments: ${JSON.stringify(following)}; ${drain.delivered} delivered, drained ${Math.round(drain.ms)} ms after the load`,
    );
    return { off: offBest, on: onBest, rttOff, rttOn, following, delivered: drain.delivered, drainMs: drain.ms };
  } finally {
    sinks.close();
    await tearDown(on);
  }
}
