import { newId, parseMutation, PROTOCOL_VERSION, type Mutation, type PushResponse } from '@contact-desk/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { waitFor } from '../../apps/relay/test/wait-for';
import { io } from 'socket.io-client';
import { LocalDb, SyncEngine, type Rejection } from '@contact-desk/sync';

/**
 * A device running the app's real sync engine on its own (fake) IndexedDB, with a token enrolled
 * beforehand, so the same device can be replayed against several relays started from one file.
 * `now` is the device's clock (the engine's clock seam); its mutations carry it as `clientTime`.
 */
export class EngineDevice {
  readonly rejections: Rejection[] = [];
  readonly engine: SyncEngine;
  private readonly db: LocalDb;

  constructor(
    readonly label: string,
    relayUrl: string,
    token: string,
    readonly now: () => number = () => Date.now(),
  ) {
    this.db = new LocalDb(`reliability-${newId()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    this.engine = new SyncEngine({
      db: this.db,
      relayUrl,
      token,
      now,
      ackTimeoutMs: 5_000,
      socketOptions: { reconnectionDelay: 50, reconnectionDelayMax: 200, timeout: 2_000 },
    });
    this.engine.subscribe({ onChange: () => undefined, onRejected: (rejection) => this.rejections.push(rejection) });
  }

  start(): Promise<void> {
    return this.engine.start();
  }

  /** Queues a mutation as the app's store does, stamped with this device's clock. */
  async act(mutation: Mutation): Promise<void> {
    await this.engine.enqueue(mutation);
  }

  /** Resolves once `condition` holds and the engine has finished what it was doing. */
  async until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    await waitFor(condition, `${this.label}: ${what}`, timeoutMs, 10);
    await this.engine.idle();
  }

  async close(): Promise<void> {
    await this.engine.stop();
    this.db.close();
  }
}

/** A mutation with a chosen id and client time, validated as the app validates it. */
export function planned(type: string, args: unknown, clientTime: number, mutationId = newId()): Mutation {
  const parsed = parseMutation({ mutationId, type, args, clientTime });
  if (!parsed.ok) throw new Error(`${type}: ${parsed.error.message}`);
  return parsed.value;
}

/** Pushes mutations over a plain socket and requires every one to be accepted (set-up only). */
export async function pushAccepted(url: string, token: string, mutations: readonly Mutation[]): Promise<void> {
  const socket = io(url, { auth: { token, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true });
  try {
    for (let start = 0; start < mutations.length; start += 100) {
      const response = (await socket
        .timeout(10_000)
        .emitWithAck('push', { mutations: mutations.slice(start, start + 100) })) as PushResponse;
      if (!response.ok) throw new Error(response.error.message);
      const refused = response.results.find((result) => result.status === 'rejected');
      if (refused && refused.status === 'rejected') throw new Error(`set-up mutation refused: ${refused.error.message}`);
    }
  } finally {
    socket.disconnect();
  }
}
