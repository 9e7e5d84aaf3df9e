import {
  CHANNELS,
  deviceTokenIssuedAt,
  LIMITS,
  PROTOCOL_VERSION,
  ROTATE_TOKEN_CHANNEL,
  type DomainEvent,
  type DomainState,
  type LiveEvents,
  type LogPosition,
  type Mutation,
  type MutationResult,
  type PullResponse,
  type ProtocolError,
  type PushResponse,
  type RotateTokenResponse,
  type SessionInfo,
  type DeliveriesRequest,
  type DeliveriesResponse,
} from '@contact-desk/shared';
import type { Socket } from 'socket.io-client';
import { deviceTokenHash, newDeviceToken } from './device-token';
import type { LocalDb, OutboxEntry } from './local-db';
import { applyPage, FIRST_SLICE, loadRemainingRequests, loadState, resetSynced } from './local-store';
import { RelayLink, type SocketSettings } from './relay-link';
import {
  INITIAL_SYNC_STATUS,
  requestIdOfMutation,
  RETRY_DELAY_MS,
  RETRYABLE_CODES,
  retryDelayOf,
  type Rejection,
  type SyncStatus,
} from './sync-status';

export interface SyncEngineOptions {
  readonly db: LocalDb;
  /** The relay's addresses, tried in this order, moving on to the next when one fails (any node serves any device). */
  readonly relayUrls?: readonly string[];
  /** One address alone: the same as `relayUrls: [relayUrl]`. */
  readonly relayUrl?: string;
  readonly token: string;
  /** How long to wait for the relay's answer to a push or pull before trying again. */
  readonly ackTimeoutMs?: number;
  readonly pullPageSize?: number;
  readonly socketOptions?: SocketSettings;
  readonly now?: () => number;
  /** A token older than this (relay time) is replaced on connecting; default 30 days. */
  readonly rotateTokenAfterMs?: number;
  /**
   * A token made for a rotation whose answer never came (read back from the credential store):
   * tried when the relay refuses the current one, and otherwise sent again for rotation.
   */
  readonly pendingToken?: string;
  /**
   * Stores the device's tokens where the platform keeps credentials: with a pending token before
   * its hash is sent, then with the token in force alone once the relay's answer settles which one
   * it is. Without it the engine never rotates: a token it could not keep would lock the device out.
   */
  readonly storeTokens?: (tokens: DeviceTokens) => Promise<void> | void;
}

/** What the platform keeps of a device's tokens; `pendingToken` only while a rotation is unsettled. */
export interface DeviceTokens {
  readonly token: string;
  readonly pendingToken?: string;
}

/** Default age after which a device replaces its token. */
export const TOKEN_ROTATION_AGE_MS = 30 * 86_400_000;

export interface SyncListener {
  /** The confirmed state or the outbox changed. */
  onChange(): void;
  onRejected?(rejection: Rejection): void;
  onEvents?(events: readonly DomainEvent[], live: boolean): void;
}

/**
 * Keeps the device's copy in step with the relay: pushes the outbox (at least once; the relay
 * makes it exactly once in effect), pulls after the cursor on connect and on any gap, applies
 * live events in seq order, reconnects on the next of the relay's addresses with backoff (see
 * `RelayLink`). All state changes land in Dexie in one transaction per page before anyone is told.
 */
export class SyncEngine {
  private socket: Socket | undefined;
  private confirmed: DomainState | undefined;
  private cursor = 0;
  private outbox: OutboxEntry[] = [];
  private pulling = false;
  private pullAgain = false;
  private pushing = false;
  private buffered: LiveEvents[] = [];
  private status: SyncStatus = INITIAL_SYNC_STATUS;
  private readonly listeners = new Set<SyncListener>();
  private readonly ackTimeoutMs: number;
  private readonly now: () => number;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly link: RelayLink;
  private work: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly waiting = new Map<string, (result: MutationResult) => void>();
  private token: string;
  private pendingToken: string | undefined;
  /** Tokens the relay refused at the handshake since the last connection it accepted. */
  private readonly refusedTokens = new Set<string>();
  private rotating = false;

  constructor(private readonly options: SyncEngineOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.now = options.now ?? (() => Date.now());
    this.token = options.token;
    this.pendingToken = options.pendingToken;
    this.link = new RelayLink(options.relayUrls ?? (options.relayUrl ? [options.relayUrl] : []), options.socketOptions);
  }

  subscribe(listener: SyncListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get state(): DomainState {
    if (!this.confirmed) throw new Error('the sync engine is not started');
    return this.confirmed;
  }

  get pendingMutations(): readonly Mutation[] {
    return this.outbox.map((entry) => entry.mutation);
  }

  get syncStatus(): SyncStatus {
    return this.status;
  }

  /** Loads the local copy, then connects. Resolves once the local copy is loaded. */
  /**
   * Loads the local copy, then connects. Resolves once the newest requests are loaded, so the
   * queue can show at once; the older ones follow before any syncing starts.
   */
  async start(): Promise<void> {
    const loaded = await loadState(this.options.db, FIRST_SLICE);
    this.confirmed = loaded.state;
    this.cursor = loaded.cursor;
    this.outbox = await this.options.db.outbox.orderBy('order').toArray();
    const actor = await this.options.db.meta.get('actor');
    const complete = loaded.state.requests.size < FIRST_SLICE;
    this.setStatus({
      cursor: this.cursor,
      cursorHash: loaded.cursorHash,
      pending: this.outbox.length,
      actor: (actor?.value as SyncStatus['actor']) ?? null,
      loadingLocal: !complete,
    });
    if (complete) {
      this.connect();
      return;
    }
    void this.serially(async () => {
      this.confirmed = await loadRemainingRequests(this.options.db, this.state);
      this.setStatus({ loadingLocal: false });
      this.connect();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.reconnectTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
    await this.work;
  }

  /** Queues a mutation durably, then tries to send it. */
  async enqueue(mutation: Mutation): Promise<void> {
    await this.enqueueAll([mutation]);
  }

  /**
   * Queues several mutations durably in one transaction, in order, then sends them together (a
   * pasted list's requests, a bulk action): they leave in one push rather than one, then the rest.
   */
  async enqueueAll(mutations: readonly Mutation[]): Promise<void> {
    if (mutations.length === 0) return;
    const queuedAt = this.now();
    const entries: OutboxEntry[] = mutations.map((mutation) => ({ mutationId: mutation.mutationId, mutation, queuedAt, attempts: 0 }));
    const orders = await this.options.db.outbox.bulkAdd(entries, { allKeys: true });
    entries.forEach((entry, index) => this.outbox.push({ ...entry, order: orders[index] }));
    this.setStatus({ pending: this.outbox.length });
    this.emitChange();
    this.flushOutbox();
  }

  /** The relay's answer to a queued mutation, when it comes (e.g. an enrollment code). */
  result(mutationId: string): Promise<MutationResult> {
    return new Promise((resolve) => this.waiting.set(mutationId, resolve));
  }

  /** Waits until everything queued so far has run (tests and shutdown). */
  idle(): Promise<void> {
    return this.work;
  }

  private connect(): void {
    if (this.stopped) return;
    const socket = this.link.open({ token: this.token, protocolVersion: PROTOCOL_VERSION });
    this.socket = socket;
    this.setStatus({ connection: 'connecting', relayUrl: this.link.url });
    socket.on('connect', () => {
      this.refusedTokens.clear();
      this.adoptIfPending(socket);
      this.link.succeeded();
      // On any node the cursor holds (they share one log) and the outbox goes with its ids.
      this.setStatus({ connection: 'online' });
      this.requestPull();
      this.flushOutbox();
    });
    socket.on('disconnect', (reason) => {
      if (this.status.connection === 'revoked' || reason === 'io client disconnect') return;
      // The node closed the link or stopped answering (a revocation is then refused at the handshake).
      this.failover(socket);
    });
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      if (error.data?.code === 'unauthenticated') {
        if (this.tryOtherToken(socket)) return;
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
      void this.rotateTokenIfOld(info.serverTime).catch((error: unknown) => {
        // The current token still works and any pending one stays stored: nothing is lost.
        // eslint-disable-next-line no-console
        console.error('contact-desk token rotation:', error);
      });
    });
    socket.on(CHANNELS.events, (message: LiveEvents) => this.onLive(message));
  }

  /** Drops a socket that failed and connects again on the next address, at once or after the backoff. */
  private failover(socket: Socket): void {
    if (this.socket !== socket || this.stopped) return;
    socket.removeAllListeners();
    socket.disconnect();
    this.socket = undefined;
    const delayMs = this.link.failed();
    this.setStatus({ connection: delayMs > 0 ? 'offline' : 'connecting' });
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect(), delayMs);
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

  private onLive(message: LiveEvents): void {
    if (this.pulling) {
      this.buffered.push(message);
      return;
    }
    void this.serially(() => this.applyLive(message));
  }

  private async applyLive(message: LiveEvents): Promise<void> {
    this.setStatus({ headSeq: Math.max(this.status.headSeq ?? 0, message.upToSeq) });
    if (message.afterSeq > this.cursor) {
      this.requestPull();
      return;
    }
    if (message.upToSeq > this.cursor) {
      const fresh = message.events.filter((event) => event.seq > this.cursor);
      await this.applyEvents(fresh, { seq: message.upToSeq, hash: message.upToHash }, true);
    }
    // In step with the relay's log up to its latest commit: the copy is synchronised now.
    this.setStatus({ lastSyncedAt: this.relayNow() });
  }

  private relayNow(): number {
    return this.now() + this.status.clockOffsetMs;
  }

  private async applyEvents(events: readonly DomainEvent[], upTo: LogPosition, live: boolean): Promise<void> {
    this.confirmed = await applyPage(this.options.db, this.state, events, upTo, this.status.actor ?? undefined);
    this.cursor = upTo.seq;
    const confirmedIds = new Set(events.flatMap((event) => (event.mutationId ? [event.mutationId] : [])));
    if (confirmedIds.size > 0) this.outbox = this.outbox.filter((entry) => !confirmedIds.has(entry.mutationId));
    this.setStatus({ cursor: upTo.seq, cursorHash: upTo.hash, pending: this.outbox.length });
    for (const listener of this.listeners) listener.onEvents?.(events, live);
    this.emitChange();
  }

  private requestPull(): void {
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = true;
    void this.serially(() => this.pullAll());
  }

  private async pullAll(): Promise<void> {
    try {
      do {
        this.pullAgain = false;
        let hasMore = true;
        while (hasMore && this.socket?.connected) {
          const response = await this.ask<PullResponse>(CHANNELS.pull, {
            afterSeq: this.cursor,
            ...(this.cursor > 0 && this.status.cursorHash ? { afterHash: this.status.cursorHash } : {}),
            limit: this.options.pullPageSize ?? LIMITS.pullPageMax,
          });
          if (!response) return;
          if (!response.ok) {
            if (response.error.code !== 'conflict') return;
            // The relay's log is not the one this copy came from: start over from seq 0 (the
            // reset asks for another round of this loop).
            await this.resetFromRelay();
            break;
          }
          await this.applyEvents(response.events, { seq: response.upToSeq, hash: response.upToHash }, false);
          hasMore = response.hasMore;
        }
        if (!hasMore) this.setStatus({ lastSyncedAt: this.relayNow(), headSeq: Math.max(this.status.headSeq ?? 0, this.cursor) });
      } while (this.pullAgain && this.socket?.connected);
    } finally {
      this.pulling = false;
      const buffered = this.buffered;
      this.buffered = [];
      for (const message of buffered) void this.serially(() => this.applyLive(message));
    }
  }

  /** The relay's log is behind this device (restored from a backup): start over from it. */
  private async resetFromRelay(): Promise<void> {
    await resetSynced(this.options.db);
    const loaded = await loadState(this.options.db);
    this.confirmed = loaded.state;
    this.cursor = 0;
    this.pullAgain = true;
    this.setStatus({ cursor: 0, cursorHash: null });
    this.emitChange();
  }

  private flushOutbox(): void {
    if (this.pushing || this.outbox.length === 0 || !this.socket?.connected) return;
    this.pushing = true;
    void this.pushBatches().finally(() => {
      this.pushing = false;
    });
  }

  private async pushBatches(): Promise<void> {
    while (this.outbox.length > 0 && this.socket?.connected) {
      const batch = this.outbox.slice(0, LIMITS.mutationsPerPush);
      const response = await this.ask<PushResponse>(CHANNELS.push, { mutations: batch.map((entry) => entry.mutation) });
      if (!response) {
        this.retryLater();
        return;
      }
      if (!response.ok) {
        if (response.error.code === 'unauthenticated') this.setStatus({ connection: 'revoked' });
        // The whole push was refused before any of it was decided (e.g. rate_limited): every
        // mutation stays in the outbox and goes again, with the same ids, after the delay asked.
        else if (RETRYABLE_CODES.includes(response.error.code)) this.retryLater(retryDelayOf(response.error));
        else await this.settle(batch.map((entry) => ({ mutationId: entry.mutationId, status: 'rejected', error: response.error })));
        return;
      }
      const retry = await this.settle(response.results);
      if (retry) {
        this.retryLater();
        return;
      }
    }
  }

  /** Drops answered mutations from the outbox; returns true if some must be sent again later. */
  private async settle(results: readonly MutationResult[]): Promise<boolean> {
    const done: string[] = [];
    let retry = false;
    for (const result of results) {
      if (result.status === 'rejected' && RETRYABLE_CODES.includes(result.error.code)) {
        retry = true;
        continue;
      }
      done.push(result.mutationId);
      this.waiting.get(result.mutationId)?.(result);
      this.waiting.delete(result.mutationId);
      if (result.status === 'rejected') {
        const entry = this.outbox.find((candidate) => candidate.mutationId === result.mutationId);
        this.reportRejection(result.mutationId, entry?.mutation, result.error);
      }
    }
    await this.options.db.outbox.where('mutationId').anyOf(done).delete();
    const settled = new Set(done);
    this.outbox = this.outbox.filter((entry) => !settled.has(entry.mutationId));
    this.setStatus({ pending: this.outbox.length });
    this.emitChange();
    return retry;
  }

  /**
   * Tells the listeners of a refusal once the events the relay recorded before it are applied
   * (a pull runs first): the refusal then shows beside what caused it — the withdrawal that made
   * an answer impossible — and only an action recorded after it can make it stale.
   */
  private reportRejection(mutationId: string, mutation: Mutation | undefined, error: ProtocolError): void {
    this.requestPull();
    void this.serially(async () => {
      const rejection: Rejection = {
        mutationId,
        type: mutation?.type ?? 'unknown',
        error,
        at: this.relayNow(),
        requestId: requestIdOfMutation(mutation),
        atSeq: this.cursor,
      };
      for (const listener of this.listeners) listener.onRejected?.(rejection);
    });
  }

  private retryLater(delayMs = RETRY_DELAY_MS): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.flushOutbox(), delayMs);
  }

  /**
   * Replaces the device token once it is older than the configured age (a token that does not
   * say its age is replaced at once), or at once while a pending token is stored. The device
   * makes the new token and stores it as pending before sending only its hash, so an answer lost
   * on the way back cannot lock it out: the relay then accepts one of its two stored tokens. On
   * `ok` the new token is the one in force; any other outcome keeps the pending token stored, to
   * be tried at the next handshake or sent again on the next session.
   */
  private async rotateTokenIfOld(serverTime: number): Promise<void> {
    const store = this.options.storeTokens;
    const issuedAt = deviceTokenIssuedAt(this.token);
    const maxAge = this.options.rotateTokenAfterMs ?? TOKEN_ROTATION_AGE_MS;
    const old = issuedAt === null || serverTime - issuedAt >= maxAge;
    if (!store || this.rotating || (!old && !this.pendingToken)) return;
    const socket = this.socket;
    this.rotating = true;
    try {
      // A pending token already stored is sent again rather than replaced: an earlier request
      // with its hash may still reach the relay, and the device must hold whatever it names.
      let pending = this.pendingToken;
      if (!pending) {
        pending = newDeviceToken(serverTime);
        await store({ token: this.token, pendingToken: pending });
        this.pendingToken = pending;
      }
      const tokenHash = await deviceTokenHash(pending);
      if (this.socket !== socket || !socket?.connected) return;
      const response = await this.ask<RotateTokenResponse>(ROTATE_TOKEN_CHANNEL, { tokenHash });
      if (!response?.ok || this.pendingToken !== pending) return;
      // A relay of the earlier form ignores the hash, makes a token itself and sends it back:
      // that one is then the token in force, not the pending one.
      const issued = (response as { token?: unknown }).token;
      await this.adopt(typeof issued === 'string' && issued.length > 0 ? issued : pending);
    } finally {
      this.rotating = false;
    }
  }

  /**
   * After the relay refused a token at the handshake: connects again with the other stored token
   * (the pending one after the current one, or back), each tried once per round. False when both
   * were refused: the device is really revoked.
   */
  private tryOtherToken(socket: Socket): boolean {
    const refused = (socket.auth as { token?: unknown }).token;
    if (typeof refused === 'string') this.refusedTokens.add(refused);
    const next = [this.token, this.pendingToken].find((token) => token !== undefined && !this.refusedTokens.has(token));
    if (!next || this.stopped) return false;
    socket.auth = { token: next, protocolVersion: PROTOCOL_VERSION };
    socket.connect();
    return true;
  }

  /**
   * Connected with the pending token: the relay committed the rotation whose answer was lost, so
   * that token is in force and the old one is dropped. (Connected with the current token while a
   * pending one is stored, the rotation is sent again on the session: see `rotateTokenIfOld`.)
   */
  private adoptIfPending(socket: Socket): void {
    const used = (socket.auth as { token?: unknown }).token;
    if (!this.pendingToken || used !== this.pendingToken) return;
    void this.adopt(this.pendingToken).catch((error: unknown) => {
      // Both tokens stay stored: the next start tries them again.
      // eslint-disable-next-line no-console
      console.error('contact-desk token rotation:', error);
    });
  }

  /** Makes `token` the one in force, for later connections and in the credential store. */
  private async adopt(token: string): Promise<void> {
    this.token = token;
    this.pendingToken = undefined;
    if (this.socket) this.socket.auth = { token, protocolVersion: PROTOCOL_VERSION };
    await this.options.storeTokens?.({ token });
  }

  /**
   * The relay's delivery log (the prefect only): what it sent outside, newest first. Undefined
   * while offline or when the relay does not answer in time.
   */
  deliveries(request: DeliveriesRequest): Promise<DeliveriesResponse | undefined> {
    if (!this.socket?.connected) return Promise.resolve(undefined);
    return this.ask<DeliveriesResponse>(CHANNELS.deliveries, request);
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
