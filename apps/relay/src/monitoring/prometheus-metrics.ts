import {
  MUTATION_TYPES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_OUTCOMES,
  ROLES,
  type ErrorCode,
  type NotificationChannel,
  type NotificationOutcome,
  type Role,
} from '@contact-desk/shared';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { STORE_FAULTS, type StoreFault } from '../storage/store-fault.js';
import type { Storage } from '../storage/storage.js';
import { METRIC_PREFIX, processMetrics } from './process-metrics.js';
import { NOT_READY_CODES, type Readiness } from './readiness.js';
import type { CommitFigures, MutationOutcome, RelayMetrics } from './relay-metrics.js';

/** What is read when the metrics are scraped, rather than counted as it happens. */
export interface ScrapedSources {
  readonly engine: Storage['engine'];
  /** The wire protocol this relay speaks. */
  readonly protocol: number;
  readonly headSeq: () => number;
  /** Each job this relay runs on one node only (`deadlines`, `outreach`), and whether this node runs it now. */
  readonly leads: () => readonly { readonly lead: string; readonly leading: boolean }[];
  readonly readiness: () => Promise<Readiness>;
  /** The priority labels of the policy when the relay started: their deadline misses start at zero. */
  readonly priorities: readonly string[];
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(MUTATION_TYPES);
const COUNT_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];

/** A mutation type as a label: one of the protocol's, else `unknown` (a client may send anything). */
function typeLabel(type: string): string {
  return KNOWN_TYPES.has(type) ? type : 'unknown';
}

/**
 * The relay's metrics in a Prometheus registry of its own (several relays may share a process),
 * served with the process's Node metrics (`processMetrics`). Names carry `contact_desk_` and their
 * unit; labels take only bounded values (docs/monitoring.md).
 */
export class PrometheusMetrics implements RelayMetrics {
  readonly registry = new Registry();
  private sources: ScrapedSources | undefined;
  private readonly counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name: METRIC_PREFIX + name, help, labelNames, registers: [this.registry] });
  private readonly gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name: METRIC_PREFIX + name, help, labelNames, registers: [this.registry] });
  private readonly histogram = (name: string, help: string, buckets: number[]) =>
    new Histogram({ name: METRIC_PREFIX + name, help, buckets, registers: [this.registry] });

  private readonly accepted = this.counter('mutations_accepted_total', 'Mutations accepted, by type.', ['type']);
  private readonly rejected = this.counter('mutations_rejected_total', 'Mutations refused, by type and error code.', ['type', 'code']);
  private readonly replayed = this.counter('mutations_replayed_total', 'Mutation ids sent again, given their stored answer, by type.', [
    'type',
  ]);
  private readonly pushesRefused = this.counter(
    'pushes_refused_total',
    'Whole pushes refused before any mutation was decided, by error code.',
    ['code'],
  );
  private readonly commitSeconds = this.histogram(
    'commit_duration_seconds',
    'Group commits: from asking the store for the write lock to COMMIT.',
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  private readonly batchMutations = this.histogram('commit_batch_mutations', 'Mutations answered per group commit.', [0, ...COUNT_BUCKETS]);
  private readonly batchEvents = this.histogram('commit_batch_events', 'Events appended to the log per group commit.', [
    0,
    ...COUNT_BUCKETS,
  ]);
  private readonly commitFailures = this.counter(
    'commit_failures_total',
    'Group commits the store refused (nothing recorded), by kind of fault.',
    ['fault'],
  );
  private readonly devices = this.gauge('connected_devices', 'Device connections open on this node, by role.', ['role']);
  private readonly pullEvents = this.histogram('pull_page_events', 'Events per pull page answered.', [0, 1, 10, 50, 100, 250, 500, 1000]);
  private readonly deadlineMisses = this.counter('deadline_misses_total', 'Missed deadlines recorded by this node, by step and priority.', [
    'step',
    'priority',
  ]);
  private readonly attempts = this.counter('outreach_attempts_total', 'Delivery tries recorded, by channel and outcome.', [
    'channel',
    'outcome',
  ]);
  private readonly headSeq = this.gauge('chain_head_seq', 'Seq of the last event of the log this node has folded.');
  private readonly leads = this.gauge('leads', 'Whether this node runs a single-node job now (1) or not (0), by job.', ['lead']);
  private readonly info = this.gauge('relay_info', 'Always 1: the storage engine and the wire protocol version.', ['engine', 'protocol']);
  private readonly ready = this.gauge('ready', 'Whether the node is ready (1) or not (0), as GET /readyz answers.');
  private readonly notReady = this.gauge('not_ready', 'Each reason the node is not ready now (1), else 0.', ['reason']);

  constructor() {
    for (const role of ROLES) this.devices.set({ role }, 0);
    for (const fault of STORE_FAULTS) this.commitFailures.inc({ fault }, 0);
    for (const code of ['rate_limited', 'unauthenticated', 'invalid_payload'] as const) this.pushesRefused.inc({ code }, 0);
    for (const channel of NOTIFICATION_CHANNELS) {
      for (const outcome of [...NOTIFICATION_OUTCOMES, 'dropped']) this.attempts.inc({ channel, outcome }, 0);
    }
    for (const reason of NOT_READY_CODES) this.notReady.set({ reason }, 0);
  }

  /** Names what is read at each scrape; until then, those gauges stay at zero. */
  watch(sources: ScrapedSources): void {
    this.sources = sources;
    this.info.set({ engine: sources.engine, protocol: String(sources.protocol) }, 1);
    for (const step of ['ack', 'action']) for (const priority of sources.priorities) this.deadlineMisses.inc({ step, priority }, 0);
  }

  mutationAnswered(type: string, outcome: MutationOutcome): void {
    const label = typeLabel(type);
    if (outcome === 'accepted') this.accepted.inc({ type: label });
    else if (outcome === 'replayed') this.replayed.inc({ type: label });
    else this.rejected.inc({ type: label, code: outcome });
  }

  committed(figures: CommitFigures): void {
    this.commitSeconds.observe(figures.seconds);
    this.batchMutations.observe(figures.mutations);
    this.batchEvents.observe(figures.events);
  }

  commitFailed(fault: StoreFault): void {
    this.commitFailures.inc({ fault });
  }

  pushRefused(code: ErrorCode): void {
    this.pushesRefused.inc({ code });
  }

  deviceConnected(role: Role): void {
    this.devices.inc({ role });
  }

  deviceDisconnected(role: Role): void {
    this.devices.dec({ role });
  }

  pulled(events: number): void {
    this.pullEvents.observe(events);
  }

  deadlineMissed(step: 'ack' | 'action', priority: string): void {
    this.deadlineMisses.inc({ step, priority });
  }

  attemptRecorded(channel: NotificationChannel, outcome: NotificationOutcome | 'dropped'): void {
    this.attempts.inc({ channel, outcome });
  }

  /** The text exposition (Prometheus 0.0.4) of this relay and its process, its scraped values read now. */
  async exposition(): Promise<{ readonly contentType: string; readonly text: string }> {
    await this.readSources();
    const text = await Registry.merge([processMetrics(), this.registry]).metrics();
    return { contentType: this.registry.contentType, text };
  }

  private async readSources(): Promise<void> {
    const sources = this.sources;
    if (!sources) return;
    this.headSeq.set(sources.headSeq());
    for (const { lead, leading } of sources.leads()) this.leads.set({ lead }, leading ? 1 : 0);
    const readiness = await sources.readiness();
    this.ready.set(readiness.ready ? 1 : 0);
    const reasons = new Set(readiness.reasons.map((reason) => reason.code));
    for (const reason of NOT_READY_CODES) this.notReady.set({ reason }, reasons.has(reason) ? 1 : 0);
  }
}
