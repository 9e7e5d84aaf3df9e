/**
 * Real batches for the storage contract: mutations parsed and decided by the shared domain logic,
 * stamped and chained by the relay's BatchBuilder, written through `Storage.write` the way a relay
 * node writes — folding first what other writers appended since it last looked.
 */
import {
  actorOf,
  decide,
  draft,
  emptyState,
  newId,
  parseMutation,
  StateDraft,
  type Actor,
  type DomainState,
  type LoggedEvent,
  type MutationInput,
  type MutationType,
  type User,
} from '@contact-desk/shared';
import { BatchBuilder } from '../../src/core/batch-builder.js';
import type { CommitBatch, Storage, WriteContext } from '../../src/storage/storage.js';

/** 2026-03-10 09:00 UTC. */
export const T0 = Date.UTC(2026, 2, 10, 9, 0, 0);

export const PREFECT: Actor = { userId: newId(), name: 'Claire Préfète', role: 'prefect', platformId: null, deviceId: null };

/** One mutation: its type and arguments as a client sends them. */
export interface Step {
  readonly type: MutationType;
  readonly args: unknown;
}

export function step<T extends MutationType>(type: T, args: MutationInput<T>): Step {
  return { type, args };
}

export interface Written {
  readonly events: LoggedEvent[];
  /** What the write saw under the lock. */
  readonly context: WriteContext;
  readonly mutationIds: string[];
}

export interface WriteOptions {
  readonly actor?: Actor;
  readonly mutationIds?: readonly string[];
  readonly enrollmentCodeHashes?: readonly string[];
  /** Adds to the batch what the steps do not (credentials, outbox rows), seeing the write's context. */
  readonly extra?: (batch: BatchBuilder, context: WriteContext) => void;
}

/** Folds events into a state, as a relay node folds what it pulls or missed. */
export function fold(state: DomainState, events: readonly LoggedEvent[]): DomainState {
  return new StateDraft(state).apply(events).finish();
}

/** A batch of nothing but what `parts` gives (outbox rows, credentials). */
export function batchOf(parts: Partial<CommitBatch>): CommitBatch {
  const none = {
    events: [],
    writes: [],
    mutationResults: new Map(),
    enrollmentCodes: [],
    deviceTokens: [],
    usedEnrollmentCodes: [],
    apiKeys: [],
  };
  return { ...none, ...parts };
}

/** One relay node's writing side: its folded state, the clock it stamps with. */
export class LogWriter {
  state: DomainState = emptyState();
  now = T0;

  constructor(readonly storage: Storage) {}

  /** Decides `steps` in one batch (the first refused one throws inside `build`), commits it, folds it. */
  async write(steps: readonly Step[], options: WriteOptions = {}): Promise<Written> {
    const actor = options.actor ?? PREFECT;
    const mutations = steps.map((s) => {
      const parsed = parseMutation({ mutationId: newId(), type: s.type, args: s.args, clientTime: null });
      if (!parsed.ok) throw new Error(`the test built an invalid ${s.type}: ${parsed.error.message}`);
      return parsed.value;
    });
    const mutationIds = mutations.map((mutation) => mutation.mutationId);
    const request = {
      knownSeq: this.state.lastSeq,
      mutationIds: options.mutationIds ?? mutationIds,
      enrollmentCodeHashes: options.enrollmentCodeHashes ?? [],
    };
    const { state, written } = await this.storage.write(request, (context) => {
      const batch = new BatchBuilder(fold(this.state, context.missed), context.head, this.now);
      for (const mutation of mutations) {
        const ctx = { actor, now: this.now, clientTime: null, read: batch.draft, head: batch.head };
        const decision = decide(ctx, mutation);
        if (!decision.ok) throw new Error(`${mutation.type} was refused: ${decision.error.message}`);
        const events = batch.append(decision.events, actor, mutation.mutationId, null);
        const result = {
          mutationId: mutation.mutationId,
          status: 'accepted' as const,
          seqs: events.map((e) => e.seq),
          serverTime: this.now,
        };
        batch.mutationResults.set(mutation.mutationId, { userId: actor.userId, receivedAt: this.now, result, requestHash: null });
      }
      options.extra?.(batch, context);
      return { batch: batch.toCommit(), value: { state: batch.draft.finish(), written: { events: batch.events, context, mutationIds } } };
    });
    this.state = state;
    return written;
  }
}

/** The people and platforms most tests start from. */
export const IDS = { operator: newId(), metaLiaison: newId(), tiktokLiaison: newId() } as const;

/** The prefect, Meta and TikTok, an operator, a liaison of each platform: one batch. */
export async function seed(writer: LogWriter): Promise<Written> {
  return writer.write([
    step('user.create', { userId: PREFECT.userId, name: PREFECT.name, role: 'prefect' }),
    step('platform.create', { platformId: 'meta', name: 'Meta', kind: 'platform' }),
    step('platform.create', { platformId: 'tiktok', name: 'TikTok', kind: 'platform' }),
    step('user.create', { userId: IDS.operator, name: 'Olivier Pharos', role: 'operator', team: 'PHAROS' }),
    step('user.create', { userId: IDS.metaLiaison, name: 'Lina Meta', role: 'liaison', platformId: 'meta' }),
    step('user.create', { userId: IDS.tiktokLiaison, name: 'Tom Tok', role: 'liaison', platformId: 'tiktok' }),
  ]);
}

/** A seeded user as an actor. */
export function actor(writer: LogWriter, userId: string): Actor {
  const user = writer.state.users.get(userId);
  if (!user) throw new Error(`no user ${userId}`);
  return actorOf(user, null);
}

export function createRequest(platformId: string, requestId = newId()): Step {
  return step('request.create', {
    requestId,
    platformId,
    kind: 'removal',
    priority: 'P1',
    items: [`https://video.example/watch/${newId()}`],
    category: 'terrorism_apology',
    grounds: 'Apologie du terrorisme.',
  });
}

/** What the relay adds to a batch when a device enrolls with a code (see `handleEnroll`): the device, its token, the code spent. */
export function enrollDevice(batch: BatchBuilder, user: User, codeHash: string, tokenHash: string): string {
  const deviceId = newId();
  const device = { id: deviceId, userId: user.id, label: 'Poste de test', enrolledAt: batch.now, revokedAt: null };
  batch.append([draft('device.enrolled', { device })], actorOf(user, deviceId), null, null);
  batch.deviceTokens.push({ tokenHash, deviceId });
  batch.usedEnrollmentCodes.push({ codeHash, usedAt: batch.now });
  return deviceId;
}
