import { newId, parseMutation, type MutationType, type Mutation } from '@contact-desk/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { enrollWithAny, LocalDb, optimisticView, SyncEngine, type Rejection } from '@contact-desk/sync';

/** One device: its own (fake) IndexedDB, enrolled against a real relay, running the real engine. */
export class SyncClient {
  readonly rejections: Rejection[] = [];
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
    this.engine.subscribe({ onChange: () => undefined, onRejected: (rejection) => this.rejections.push(rejection) });
    await this.engine.start();
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
    engine.subscribe({ onChange: () => undefined, onRejected: (rejection) => client.rejections.push(rejection) });
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
    const start = Date.now();
    while (!condition()) {
      if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await this.engine.idle();
  }

  async close(): Promise<void> {
    await this.engine.stop();
    this.db.close();
  }
}
