import { newId, parseMutation, type MutationType, type Mutation } from '@contact-desk/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { enrollWithAny, LocalDb, optimisticView, SyncEngine, type Connection, type Rejection } from '@contact-desk/sync';
import { until } from './until';

/** One device: its own (fake) IndexedDB, enrolled against a real relay, running the real engine. */
export class SyncClient {
  readonly rejections: Rejection[] = [];
  /** The engine's connection as it changed, oldest first: what a test waits on rather than a delay. */
  readonly connections: Connection[] = [];
  private constructor(
    public engine: SyncEngine,
    readonly db: LocalDb,
    private readonly relayUrls: readonly string[],
    private readonly token: string,
  ) {}

  private static engineFor(db: LocalDb, relayUrls: readonly string[], token: string): SyncEngine {
    return new SyncEngine({
      db,
      relayUrls,
      token,
      ackTimeoutMs: 3_000,
      socketOptions: { reconnectionDelay: 100, reconnectionDelayMax: 300, timeout: 2_000 },
    });
  }

  /** Quits the app: the outbox and the local copy stay in IndexedDB. */
  async quit(): Promise<void> {
    await this.engine.stop();
  }

  /** Starts the app again on the same local database. */
  async reopen(): Promise<void> {
    this.engine = SyncClient.engineFor(this.db, this.relayUrls, this.token);
    this.listen();
    await this.engine.start();
  }

  private listen(): void {
    this.engine.subscribe({
      onChange: () => {
        const connection = this.engine.syncStatus.connection;
        if (this.connections.at(-1) !== connection) this.connections.push(connection);
      },
      onRejected: (rejection) => this.rejections.push(rejection),
    });
  }

  /**
   * Waits until, after the `since`-th connection change, the engine tried to connect and failed:
   * whatever it held then (the outbox) went through a whole attempt without reaching the relay.
   */
  async failedAttemptSince(since: number, timeoutMs = 15_000): Promise<void> {
    await this.until(() => {
      const changes = this.connections.slice(since);
      const tried = changes.indexOf('connecting');
      return tried >= 0 && changes.indexOf('offline', tried) > tried;
    }, timeoutMs);
  }

  /** Enrolls through the first of the relay's addresses that answers, and syncs with all of them (moving on when one fails). */
  static async enroll(relay: string | readonly string[], code: string, label: string): Promise<SyncClient> {
    const relayUrls = typeof relay === 'string' ? [relay] : relay;
    const enrolled = await enrollWithAny(relayUrls, code, label);
    if (!enrolled.ok) throw new Error(enrolled.error.message);
    const db = new LocalDb(`test-${newId()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.meta.put({ key: 'actor', value: enrolled.actor });
    const engine = SyncClient.engineFor(db, relayUrls, enrolled.token);
    const client = new SyncClient(engine, db, relayUrls, enrolled.token);
    client.listen();
    await engine.start();
    return client;
  }

  /** Queues a mutation as the UI would. */
  async act(type: MutationType, args: unknown): Promise<Mutation> {
    const parsed = parseMutation({ mutationId: newId(), type, args, clientTime: Date.now() });
    if (!parsed.ok) throw new Error(parsed.error.message);
    await this.engine.enqueue(parsed.value);
    return parsed.value;
  }

  /** What the user sees: confirmed state plus pending mutations. */
  view() {
    const actor = this.engine.syncStatus.actor;
    if (!actor) throw new Error('no actor yet');
    return optimisticView(this.engine.state, this.engine.pendingMutations, actor, Date.now()).state;
  }

  async until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
    await until(condition, 'a condition on the device', timeoutMs);
    await this.engine.idle();
  }

  async close(): Promise<void> {
    await this.engine.stop();
    this.db.close();
  }
}
