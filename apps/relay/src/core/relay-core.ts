import {
  actorOf,
  protocolError,
  type DomainState,
  type LogPosition,
  type LoggedEvent,
  type EnrollResponse,
  type Mutation,
  type MutationResult,
  type ProtocolError,
  type PullResponse,
  type Viewer,
  StateDraft,
} from '@contact-desk/shared';
import { hashSecret } from '../auth/secrets.js';
import type { Logger } from '../logger.js';
import { NO_METRICS, type CommitMetrics } from '../monitoring/relay-metrics.js';
import type { AttemptOutcome } from '../outreach/attempts.js';
import type { Outbox, SoonStep } from '../outreach/outbox.js';
import type { SecretSealer } from '../outreach/secret-box.js';
import { storeFault } from '../storage/store-fault.js';
import type { DeviceCredential, Storage, StoredSnapshot } from '../storage/storage.js';
import { BatchBuilder } from './batch-builder.js';
import { adminSession } from './admin-session.js';
import type { Clock } from './clock.js';
import { CommitListeners, type Committed } from './commit-listeners.js';
import { JobAnswers } from './job-answers.js';
import { lookupsOf } from './job-handlers.js';
import type { Job, MissedDeadline } from './jobs.js';
import { cursorAhead, readLogPage } from './log-page.js';
import { RelayState } from './relay-state.js';
import type { Session } from './session.js';

const CREDENTIALS_UNREADABLE = protocolError(
  'storage_unavailable',
  'The relay could not check this device token right now. Try again later.',
);

/** What the core needs of outreach: where webhook secrets are sealed, and the outbox that plans deliveries. */
export interface CoreOutreach {
  readonly secrets?: SecretSealer;
  /** Absent: nothing is planned or sent (the CLI, the demo seed, tests of other things). */
  readonly outbox?: Outbox;
}

/** Every event, whatever its audience: what a node folds of what other nodes wrote. */
const EVERYTHING: Viewer = { role: 'system', platformId: null };
const CATCH_UP_PAGE = 1_000;

/**
 * The record: validates nothing itself (callers parse), decides, orders, timestamps and stores.
 * Work is queued and written by group commit: everything that arrives while a batch is being
 * written goes into the next transaction, and every caller is answered only after its commit.
 */
export class RelayCore {
  private readonly state: RelayState;
  private head: LogPosition;
  private lastServerTime = 0;
  private queue: Job[] = [];
  private flushScheduled = false;
  /** Writes and catch-ups, one after the other: each starts from the state the last one left. */
  private serial: Promise<void> = Promise.resolve();
  private readonly stopFollowing: (() => void) | undefined;
  private catchingUp: Promise<void> | undefined;
  private readonly listeners: CommitListeners;
  private readonly answers: JobAnswers;

  private constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly outreach: CoreOutreach,
    private readonly metrics: CommitMetrics,
    snapshot: StoredSnapshot,
  ) {
    this.state = new RelayState(snapshot.state);
    this.head = snapshot.head;
    this.lastServerTime = snapshot.lastServerTime;
    this.listeners = new CommitListeners(log);
    this.answers = new JobAnswers(this.state, outreach, metrics, (job) => this.enqueue(job));
    this.stopFollowing = storage.coordination?.onAppended((seq) => {
      if (seq > this.head.seq) void this.catchUp();
    });
  }

  /** Reads the store's snapshot and starts deciding from it. */
  static async open(
    storage: Storage,
    clock: Clock,
    log: Logger,
    outreach: CoreOutreach = {},
    metrics: CommitMetrics = NO_METRICS,
  ): Promise<RelayCore> {
    return new RelayCore(storage, clock, log, outreach, metrics, await storage.snapshot());
  }

  /** The committed state. Read-only for callers. */
  get view(): DomainState {
    return this.state;
  }

  get headSeq(): number {
    return this.head.seq;
  }

  /** The last event's seq and hash: the position exports cite and `relay audit verify` checks. */
  get headPosition(): LogPosition {
    return this.head;
  }

  /** The relay's time now; never earlier than the last recorded event. */
  serverTime(): number {
    return Math.max(this.clock.now(), this.lastServerTime);
  }

  /** The session with the user and device as they are now; undefined once revoked. */
  refresh(session: Session): Session | undefined {
    const user = this.state.users.get(session.user.id);
    const device = this.state.devices.get(session.device.id);
    if (!user || !device || user.revokedAt !== null || device.revokedAt !== null) return undefined;
    return user === session.user && device === session.device ? session : { user, device, actor: actorOf(user, session.actor.deviceId) };
  }

  pendingRequestIds(): string[] {
    return [...this.state.pendingRequestIds];
  }

  onCommitted(listener: (committed: Committed) => void): () => void {
    return this.listeners.add(listener);
  }

  /** The session of a device token, or why it is refused. */
  async authenticate(token: unknown): Promise<Session | ProtocolError> {
    const refused = protocolError('unauthenticated', 'Unknown or revoked device token.');
    if (typeof token !== 'string' || token.length < 10 || token.length > 200) return refused;
    let credential: DeviceCredential | undefined;
    try {
      credential = await this.storage.credential(hashSecret(token));
    } catch (error) {
      // Not a refusal: the device is told to try again rather than that it was revoked.
      this.log.error({ err: error }, 'reading device credentials failed');
      return CREDENTIALS_UNREADABLE;
    }
    if (!credential) return refused;
    // A device enrolled through another relay node a moment ago: this node folds it in first.
    if (!this.state.devices.has(credential.device.id)) await this.catchUp();
    const device = this.state.devices.get(credential.device.id);
    const user = this.state.users.get(credential.user.id);
    if (!device || !user || device.revokedAt !== null || user.revokedAt !== null) return refused;
    return { user, device, actor: actorOf(user, device.id) };
  }

  /** The local administrator's session (the relay CLI), with the prefect's rights. */
  adminSession(): Session {
    return adminSession();
  }

  submit(session: Session, mutations: readonly Mutation[]): Promise<MutationResult[]> {
    return new Promise((done) => this.enqueue({ kind: 'mutations', session, mutations, done }));
  }

  /** Records the deadline misses and escalations that fell due; resolves with the misses recorded. */
  checkDeadlines(requestIds: readonly string[]): Promise<readonly MissedDeadline[]> {
    return new Promise((done) => this.enqueue({ kind: 'deadlines', requestIds, done }));
  }

  recordReceipt(requestId: string, deviceId: string): Promise<void> {
    return new Promise((done) => this.enqueue({ kind: 'receipt', requestId, deviceId, done }));
  }

  /** Plans the messages of deadlines that are near; resolves once they are committed. */
  planDeadlinesSoon(steps: readonly SoonStep[]): Promise<void> {
    return new Promise((done) => this.enqueue({ kind: 'deadlinesSoon', steps, done }));
  }

  /** Records the sender's attempts; resolves with whether they were committed. */
  recordAttempts(outcomes: readonly AttemptOutcome[]): Promise<boolean> {
    return new Promise((done) => this.enqueue({ kind: 'attempts', outcomes, done }));
  }

  enroll(code: string, deviceLabel: string): Promise<EnrollResponse> {
    return new Promise((done) => this.enqueue({ kind: 'enroll', code, deviceLabel, done }));
  }

  /**
   * The next page of events a viewer may see after their cursor. With `afterHash`, the cursor is
   * also checked against the chain: a device whose copy came from a log since replaced (a relay
   * restored from a backup, then written past the device's cursor) is told to start over.
   */
  async pull(viewer: Viewer, afterSeq: number, limit: number, afterHash?: string): Promise<PullResponse> {
    // A device that moved from another relay node may be ahead of this one's copy.
    if (afterSeq > this.head.seq) await this.catchUp();
    if (afterSeq > this.head.seq) return cursorAhead(this.head.seq);
    // Taken before the reads: a commit landing while they wait is not in them, so the page may
    // not claim to reach it (the device would skip its events when they come live).
    return readLogPage(this.storage, this.log, viewer, { afterSeq, afterHash }, limit, this.head, () => this.head.seq);
  }

  /** Writes whatever is queued now and resolves once it is written (tests and shutdown). */
  flushNow(): Promise<void> {
    this.flushScheduled = false;
    return this.inTurn(() => this.flush());
  }

  /**
   * Folds into this node's copy what other relay nodes wrote since (a notification, a device
   * ahead of this node, a credential not seen yet); resolves once it is folded and fanned out.
   */
  catchUp(): Promise<void> {
    // One catch-up waiting for its turn reads everything there is by then: no need for a second.
    this.catchingUp ??= this.inTurn(async () => {
      this.catchingUp = undefined;
      for (;;) {
        const missed = await this.storage.eventsAfter(EVERYTHING, this.head.seq, CATCH_UP_PAGE);
        if (missed.length === 0) return;
        this.absorbMissed(missed);
      }
    }).catch((error: unknown) => {
      this.log.error({ err: error }, 'reading what other relay nodes wrote failed');
    });
    return this.catchingUp;
  }

  /** Stops following other nodes' writes (the store is about to close). */
  stop(): void {
    this.stopFollowing?.();
  }

  private inTurn(work: () => Promise<void>): Promise<void> {
    const turn = this.serial.then(work);
    this.serial = turn.catch(() => undefined);
    return turn;
  }

  private enqueue(job: Job): void {
    this.queue.push(job);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        if (!this.flushScheduled) return;
        this.flushScheduled = false;
        void this.inTurn(() => this.flush());
      });
    }
  }

  /**
   * One group commit: the queued jobs are decided under the store's write lock, against this
   * node's copy brought up to the log's head, and answered once the batch is committed. Jobs
   * arriving meanwhile wait for the next turn.
   */
  private async flush(): Promise<void> {
    const jobs = this.queue;
    if (jobs.length === 0) return;
    this.queue = [];
    let written: { batch: BatchBuilder; answers: (() => void)[]; missed: readonly LoggedEvent[] };
    const started = performance.now();
    try {
      written = await this.storage.write(lookupsOf(jobs, this.head.seq), (context) => {
        if (context.missed.length > 0) this.absorbMissed(context.missed);
        const batch = new BatchBuilder(this.state, this.head, this.serverTime());
        const answers = jobs.map((job) => this.answers.decide(batch, job, context));
        this.outreach.outbox?.planCommit(batch, this.state);
        return { batch: batch.isEmpty ? null : batch.toCommit(), value: { batch, answers, missed: context.missed } };
      });
    } catch (error) {
      this.log.error({ err: error, jobs: jobs.length }, 'commit failed; nothing of this batch was recorded');
      this.metrics.commitFailed(storeFault(error));
      for (const job of jobs) this.answers.fail(job);
      return;
    }
    const { batch, answers } = written;
    if (!batch.isEmpty) {
      const mutations = jobs.reduce((sum, job) => sum + (job.kind === 'mutations' ? job.mutations.length : 0), 0);
      this.metrics.committed({ seconds: (performance.now() - started) / 1000, mutations, events: batch.events.length });
    }
    this.head = batch.head;
    this.lastServerTime = batch.now;
    this.state.absorb(batch.draft.writes(), batch.lastSeq);
    this.outreach.outbox?.committed(batch);
    for (const answer of answers) answer();
    this.announce(batch.events, batch.revokedUsers, batch.revokedDevices);
  }

  /** Folds events another node committed into this node's copy, then tells the listeners. */
  private absorbMissed(missed: readonly LoggedEvent[]): void {
    const fresh = missed.filter((event) => event.seq > this.head.seq);
    const last = fresh.at(-1);
    if (!last) return;
    const draft = new StateDraft(this.state);
    draft.apply(fresh);
    this.state.absorb(draft.writes(), last.seq);
    this.head = { seq: last.seq, hash: last.hash };
    this.lastServerTime = Math.max(this.lastServerTime, last.serverTime);
    const revokedUsers = fresh.flatMap((event) => (event.type === 'user.revoked' ? [event.payload.userId] : []));
    const revokedDevices = fresh.flatMap((event) => (event.type === 'device.revoked' ? [event.payload.deviceId] : []));
    this.announce(fresh, revokedUsers, revokedDevices);
  }

  private announce(events: readonly LoggedEvent[], revokedUsers: readonly string[], revokedDevices: readonly string[]): void {
    this.listeners.announce({ events, head: this.head, revokedUsers, revokedDevices });
  }
}
