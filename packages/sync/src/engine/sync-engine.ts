import {
  CHANNELS,
  type DeliveriesRequest,
  type DeliveriesResponse,
  type DomainState,
  type LiveEvents,
  type Mutation,
  type MutationResult,
  type SessionInfo,
} from '@contact-desk/shared';
import type { Socket } from 'socket.io-client';
import { FIRST_SLICE, loadRemainingRequests, loadState } from '../local-store.js';
import { RelayLink } from '../relay-link.js';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../sync-status.js';
import { Outbox } from './outbox.js';
import { Pull } from './pull.js';
import { Push } from './push.js';
import type { SyncEngineOptions } from './sync-engine-options.js';
import { GLOBAL_TIMERS, type SyncContext, type SyncListener, type Timers } from './sync-context.js';
import { TokenRotation } from './token-rotation.js';

/**
 * Keeps the device's copy in step with the relay: pushes the outbox (see `Push`), pulls after the
 * cursor on connect and on any gap and applies live events in seq order (see `Pull`), replaces its
 * token as it ages (see `TokenRotation`), reconnects on the next of the relay's addresses with
 * backoff (see `RelayLink`). All state changes land in Dexie in one transaction per page before
 * anyone is told.
 */
export class SyncEngine {
  private socket: Socket | undefined;
  private status: SyncStatus = INITIAL_SYNC_STATUS;
  private readonly listeners = new Set<SyncListener>();
  private readonly ackTimeoutMs: number;
  private readonly now: () => number;
  private reconnectTimer: unknown;
  private readonly timers: Timers;
  private readonly link: RelayLink;
  private work: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly outbox = new Outbox();
  private readonly pull: Pull;
  private readonly push: Push;
  private readonly tokens: TokenRotation;

  constructor(private readonly options: SyncEngineOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers ?? GLOBAL_TIMERS;
    this.link = new RelayLink(options.relayUrls ?? (options.relayUrl ? [options.relayUrl] : []), options.socketOptions);
    const context = this.context();
    this.pull = new Pull(context, this.outbox, options.pullPageSize);
    this.push = new Push(context, this.outbox, this.pull, this.now);
    this.tokens = new TokenRotation(context, options);
  }

  subscribe(listener: SyncListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get state(): DomainState {
    return this.pull.state;
  }

  get pendingMutations(): readonly Mutation[] {
    return this.outbox.mutations;
  }

  get syncStatus(): SyncStatus {
    return this.status;
  }

  /**
   * Loads the local copy, then connects. Resolves once the newest requests are loaded, so the
   * queue can show at once; the older ones follow before any syncing starts.
   */
  async start(): Promise<void> {
    const { db } = this.options;
    const loaded = await loadState(db, FIRST_SLICE);
    this.pull.load(loaded);
    this.outbox.load(await db.outbox.orderBy('order').toArray());
    const actor = await db.meta.get('actor');
    const complete = loaded.state.requests.size < FIRST_SLICE;
    this.setStatus({
      cursor: loaded.cursor,
      cursorHash: loaded.cursorHash,
      pending: this.outbox.size,
      actor: (actor?.value as SyncStatus['actor']) ?? null,
      loadingLocal: !complete,
    });
    if (complete) {
      this.connect();
      return;
    }
    void this.serially(async () => {
      this.pull.extend(await loadRemainingRequests(db, this.state));
      this.setStatus({ loadingLocal: false });
      this.connect();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.push.stop();
    this.timers.clearTimeout(this.reconnectTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
    await this.work;
  }

  /** Queues a mutation durably, then tries to send it. */
  async enqueue(mutation: Mutation): Promise<void> {
    await this.push.enqueueAll([mutation]);
  }

  /**
   * Queues several mutations durably in one transaction, in order, then sends them together (a
   * pasted list's requests, a bulk action): they leave in one push rather than one, then the rest.
   */
  enqueueAll(mutations: readonly Mutation[]): Promise<void> {
    return this.push.enqueueAll(mutations);
  }

  /** The relay's answer to a queued mutation, when it comes (e.g. an enrollment code). */
  result(mutationId: string): Promise<MutationResult> {
    return this.push.result(mutationId);
  }

  /** Waits until everything queued so far has run (tests and shutdown). */
  idle(): Promise<void> {
    return this.work;
  }

  /**
   * The relay's delivery log (the prefect only): what it sent outside, newest first. Undefined
   * while offline or when the relay does not answer in time.
   */
  deliveries(request: DeliveriesRequest): Promise<DeliveriesResponse | undefined> {
    if (!this.socket?.connected) return Promise.resolve(undefined);
    return this.ask<DeliveriesResponse>(CHANNELS.deliveries, request);
  }

  /** The engine's state and services as its parts see them. */
  private context(): SyncContext {
    const status = () => this.status;
    const socket = () => this.socket;
    return {
      db: this.options.db,
      listeners: this.listeners,
      timers: this.timers,
      get status() {
        return status();
      },
      get socket() {
        return socket();
      },
      setStatus: (patch) => this.setStatus(patch),
      emitChange: () => this.emitChange(),
      serially: (task) => this.serially(task),
      ask: (channel, payload) => this.ask(channel, payload),
      relayNow: () => this.now() + this.status.clockOffsetMs,
    };
  }

  private connect(): void {
    if (this.stopped) return;
    const socket = this.link.open(this.tokens.auth);
    this.socket = socket;
    this.setStatus({ connection: 'connecting', relayUrl: this.link.url });
    socket.on('connect', () => {
      this.tokens.accepted(socket);
      this.link.succeeded();
      // On any node the cursor holds (they share one log) and the outbox goes with its ids.
      this.setStatus({ connection: 'online' });
      this.pull.request();
      this.push.flush();
    });
    socket.on('disconnect', (reason) => {
      if (this.status.connection === 'revoked' || reason === 'io client disconnect') return;
      // The node closed the link or stopped answering (a revocation is then refused at the handshake).
      this.failover(socket);
    });
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      if (error.data?.code === 'unauthenticated') {
        if (!this.stopped && this.tokens.tryOtherToken(socket)) return;
        this.setStatus({ connection: 'revoked' });
        socket.disconnect();
      } else {
        // Unreachable, too slow to answer, or a handshake refused (e.g. storage_unavailable).
        this.failover(socket);
      }
    });
    socket.on(CHANNELS.session, (info: SessionInfo) => {
      void this.options.db.meta.put({ key: 'actor', value: info.actor });
      this.setStatus({ actor: info.actor, clockOffsetMs: info.serverTime - this.now(), headSeq: info.headSeq });
      void this.tokens.rotateIfOld(info.serverTime).catch((error: unknown) => {
        // The current token still works and any pending one stays stored: nothing is lost.
        // eslint-disable-next-line no-console
        console.error('contact-desk token rotation:', error);
      });
    });
    socket.on(CHANNELS.events, (message: LiveEvents) => this.pull.live(message));
  }

  /** Drops a socket that failed and connects again on the next address, at once or after the backoff. */
  private failover(socket: Socket): void {
    if (this.socket !== socket || this.stopped) return;
    socket.removeAllListeners();
    socket.disconnect();
    this.socket = undefined;
    const delayMs = this.link.failed();
    this.setStatus({ connection: delayMs > 0 ? 'offline' : 'connecting' });
    this.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = this.timers.setTimeout(() => this.connect(), delayMs);
  }

  /** Serialises all state changes: pages and live batches are applied one at a time, in order. */
  private serially(task: () => Promise<void>): Promise<void> {
    this.work = this.work.then(task, task).catch((error: unknown) => {
      // A failed page is retried by the next pull; the error is kept for the developer console.
      // eslint-disable-next-line no-console
      console.error('contact-desk sync:', error);
    });
    return this.work;
  }

  /** Emits with an ack and a timeout; on timeout the link is presumed dead and re-established. */
  private async ask<T>(channel: string, payload: unknown): Promise<T | undefined> {
    const socket = this.socket;
    if (!socket) return undefined;
    try {
      return (await socket.timeout(this.ackTimeoutMs).emitWithAck(channel, payload)) as T;
    } catch {
      if (this.socket === socket && socket.connected) this.failover(socket);
      return undefined;
    }
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.emitChange();
  }

  private emitChange(): void {
    for (const listener of this.listeners) listener.onChange();
  }
}
