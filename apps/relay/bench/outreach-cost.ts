/**
 * What outreach costs the relay, measured on the real core and SQLite file (synchronous=FULL):
 * the same stream of comments committed with outreach off, on with webhooks that do not follow
 * comments (the default topics), on with a webhook that follows them (planning and the outbox
 * row only), and the same with the sender delivering them to a local receiver meanwhile.
 * Run: `node --conditions=@contact-desk/source --import tsx apps/relay/bench/outreach-cost.ts`
 * (or `node dist/bench/outreach-cost.js` after a build).
 */
import { newId, WEBHOOK_TOPICS } from '@contact-desk/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { perform } from '../src/cli/admin-actions.js';
import { systemClock } from '../src/core/clock.js';
import { RelayCore } from '../src/core/relay-core.js';
import { silentLogger } from '../src/logger.js';
import { Outbox } from '../src/outreach/outbox.js';
import { DEFAULT_OUTREACH } from '../src/outreach/outreach-config.js';
import { SecretBox } from '../src/outreach/secret-box.js';
import { startSender } from '../src/outreach/start-sender.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';

const COMMENTS = Number(process.env.OUTREACH_BENCH_COMMENTS ?? 20_000);
const PER_PUSH = 100;
const IN_FLIGHT = 8;

interface Scenario {
  readonly name: string;
  readonly outreach: boolean;
  readonly webhooks: readonly ('default' | 'comments' | 'pager' | 'ministry')[];
  readonly sender: boolean;
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'outreach off', outreach: false, webhooks: [], sender: false },
  { name: 'on, 3 webhooks on default topics', outreach: true, webhooks: ['default', 'ministry', 'pager'], sender: true },
  { name: 'on, a webhook following comments (no sender)', outreach: true, webhooks: ['comments'], sender: false },
  { name: 'on, a webhook following comments, sender running', outreach: true, webhooks: ['comments'], sender: true },
];

async function receiver(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count += 1;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    count: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Outcome {
  readonly perSecond: number;
  readonly delivered: number;
  readonly planned: number;
  /** µs per committed event spent planning, and writing outbox rows. */
  readonly planUs: number;
  readonly writeUs: number;
}

async function run(scenario: Scenario, url: string): Promise<Outcome> {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-desk-outreach-bench-'));
  const storage = new SqliteStorage(join(dataDir, 'contact-desk.sqlite'));
  const secrets = SecretBox.forDataDir(dataDir);
  const config = { ...DEFAULT_OUTREACH, smtpUrl: 'smtp://127.0.0.1:9', pollMs: 50 };
  const outbox = scenario.outreach ? new Outbox(config, silentLogger) : undefined;
  const core = await RelayCore.open(storage, systemClock, silentLogger, { secrets, outbox });
  await perform(core, 'platform.create', { platformId: 'bench', name: 'Bench', kind: 'platform' });
  for (const kind of scenario.webhooks) {
    await perform(core, 'webhook.create', {
      webhookId: newId(),
      platformId: kind === 'ministry' ? null : 'bench',
      name: kind,
      url,
      ...(kind === 'comments' ? { topics: [...WEBHOOK_TOPICS] } : {}),
      ...(kind === 'pager' ? { preset: 'pagerduty', presetKey: 'R0UTINGKEY0123456789' } : {}),
    });
  }
  const requestId = newId();
  await perform(core, 'request.create', {
    requestId,
    platformId: 'bench',
    kind: 'removal',
    priority: 'P1',
    items: ['https://example.org/x'],
    category: 'hate',
    grounds: 'Bench.',
  });
  // Where the time goes: planning (in the commit, before writing) and writing the outbox rows.
  const spent = { plan: 0, write: 0, events: 0 };
  if (outbox) {
    const plan = outbox.planCommit.bind(outbox);
    outbox.planCommit = (batch, before) => {
      const started = performance.now();
      plan(batch, before);
      spent.plan += performance.now() - started;
      spent.events += batch.events.length;
    };
  }
  const tables = storage.outbox();
  const write = tables.write.bind(tables);
  tables.write = (writes) => {
    const started = performance.now();
    write(writes);
    spent.write += performance.now() - started;
  };
  const sender = outbox && scenario.sender ? startSender(core, storage.outbox(), outbox, secrets, systemClock, silentLogger) : undefined;
  const session = core.adminSession();
  const push = () =>
    core.submit(
      session,
      Array.from({ length: PER_PUSH }, () => ({
        mutationId: newId(),
        type: 'comment.add' as const,
        args: { commentId: newId(), requestId, body: 'Bench comment: the item is still online.', visibility: 'shared' as const },
        clientTime: null,
      })),
    );
  const started = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (sent < COMMENTS) {
        sent += PER_PUSH;
        await push();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await sender?.stop();
  const counts = await storage.outbox().deliveryCounts();
  await storage.close();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    perSecond: COMMENTS / seconds,
    delivered: counts.delivered,
    planned: counts.pending + counts.delivered + counts.abandoned,
    planUs: spent.events === 0 ? 0 : (spent.plan * 1000) / spent.events,
    writeUs: spent.events === 0 ? 0 : (spent.write * 1000) / spent.events,
  };
}

const hook = await receiver();
const rounds = Number(process.env.OUTREACH_BENCH_ROUNDS ?? 5);
const results = new Map<string, Outcome[]>();
await run(SCENARIOS[0]!, hook.url); // warm-up
for (let round = 0; round < rounds; round += 1) {
  for (const scenario of SCENARIOS) {
    const result = await run(scenario, hook.url);
    results.set(scenario.name, [...(results.get(scenario.name) ?? []), result]);
    console.log(`${scenario.name}: ${Math.round(result.perSecond)} comments/s, ${result.planned} planned, ${result.delivered} delivered`);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const of = (name: string, pick: (outcome: Outcome) => number) => median((results.get(name) ?? []).map(pick));
const base = of(SCENARIOS[0]!.name, (outcome) => outcome.perSecond);
for (const scenario of SCENARIOS) {
  const value = of(scenario.name, (outcome) => outcome.perSecond);
  const plan = of(scenario.name, (outcome) => outcome.planUs).toFixed(2);
  const write = of(scenario.name, (outcome) => outcome.writeUs).toFixed(2);
  console.log(
    `${scenario.name.padEnd(52)} ${Math.round(value)}/s  ratio ${(value / base).toFixed(3)}  planning ${plan} µs, outbox rows ${write} µs per event`,
  );
}
await hook.close();
