import {
  actorOf,
  emptyState,
  newId,
  parseMutation,
  reduce,
  type DomainEvent,
  type Mutation,
  type MutationInput,
  type MutationType,
  type User,
} from '@contact-desk/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRequest, MINUTE, seeded, type Seeded } from '../../shared/test/fixtures.js';
import { incrementalOptimisticView, optimisticView } from '../src/optimistic-view.js';

const NOW = Date.UTC(2026, 10, 23, 10, 0);
const user: User = {
  id: newId(),
  name: 'Olivia Operator',
  email: null,
  role: 'operator',
  platformId: null,
  team: 'PHAROS',
  createdAt: 0,
  revokedAt: null,
};
const actor = actorOf(user, newId());

function platformState() {
  const event = {
    seq: 1,
    serverTime: NOW - 60_000,
    type: 'platform.created',
    payload: { platform: { id: 'meta', name: 'Meta', kind: 'platform', active: true } },
    actor,
    mutationId: null,
    clientTime: null,
    audience: { kind: 'all' },
  } as unknown as DomainEvent;
  return reduce(emptyState(), event);
}

function comment(requestId: string): Mutation {
  const parsed = parseMutation({
    mutationId: newId(),
    type: 'comment.add',
    args: { commentId: newId(), requestId, body: 'Note.' },
    clientTime: NOW,
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('the optimistic view as the store keeps it', () => {
  it('reuses the overlay while state, actor and pending mutations are the same, and recomputes when one changes', () => {
    const view = incrementalOptimisticView();
    const confirmed = platformState();
    const pending = [comment(newId())];
    const first = view(confirmed, pending, actor, NOW);
    expect(view(confirmed, [...pending], actor, NOW + 5_000)).toBe(first);

    const more = view(confirmed, [...pending, comment(newId())], actor, NOW);
    expect(more).not.toBe(first);
    const other = reduce(confirmed, []);
    expect(view(other, [...pending, ...[]], actor, NOW)).not.toBe(more);
    expect(view(other, [], actor, NOW).state).toBe(other);
  });
});

/**
 * The incremental view against a full recomputation, over random histories of a device: the
 * operator acts offline (pending mutations pile up), liaisons act on the relay (the confirmed
 * state changes under the pending ones), and the relay answers the oldest pending mutation.
 */
type Step =
  | { kind: 'local'; action: 'comment' | 'edit' | 'withdraw' | 'close' | 'escalate' | 'create'; target: number }
  | { kind: 'remote'; action: 'acknowledge' | 'answer' | 'comment'; target: number }
  | { kind: 'answered' }
  | { kind: 'tick' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('local' as const),
      action: fc.constantFrom('comment', 'edit', 'withdraw', 'close', 'escalate', 'create'),
      target: fc.nat(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('remote' as const),
      action: fc.constantFrom('acknowledge', 'answer', 'comment'),
      target: fc.nat(),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'answered' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'tick' as const }) },
);

/** The time the view is computed at: one instant, so both computations stamp the same times. */
const VIEW_NOW = Date.UTC(2026, 2, 2, 12, 0);

function mutation<T extends MutationType>(world: Seeded, type: T, args: MutationInput<T>): Mutation {
  const parsed = parseMutation({ mutationId: world.desk.freshId(), type, args, clientTime: VIEW_NOW });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function local(world: Seeded, action: Extract<Step, { kind: 'local' }>['action'], requestId: string): Mutation {
  switch (action) {
    case 'comment':
      return mutation(world, 'comment.add', { requestId, commentId: world.desk.freshId(), body: 'Offline note.', visibility: 'shared' });
    case 'edit':
      return mutation(world, 'request.edit', { requestId, patch: { pharosRef: `PH-${world.desk.freshId().slice(-4)}` } });
    case 'withdraw':
      return mutation(world, 'request.withdraw', { requestId, reason: 'Mistake.' });
    case 'close':
      return mutation(world, 'request.close', { requestId });
    case 'escalate':
      return mutation(world, 'request.escalate', { requestId, note: 'No news.' });
    case 'create':
      return mutation(world, 'request.create', {
        requestId: world.desk.freshId(),
        platformId: 'meta',
        kind: 'removal',
        priority: 'P1',
        items: [`https://www.facebook.com/posts/${world.desk.freshId()}`],
        category: 'hate',
        grounds: 'Hate speech.',
      });
  }
}

function remote(world: Seeded, action: Extract<Step, { kind: 'remote' }>['action'], requestId: string): void {
  const { desk, metaLiaison } = world;
  const request = desk.state.requests.get(requestId);
  if (!request) return;
  if (action === 'acknowledge') desk.submit(metaLiaison, 'request.acknowledge', { requestId });
  else if (action === 'answer')
    desk.submit(metaLiaison, 'request.answer', {
      requestId,
      items: request.items.map((item) => ({ itemId: item.id, outcome: 'removed' as const })),
    });
  else desk.submit(metaLiaison, 'comment.add', { requestId, commentId: desk.freshId(), body: 'From the platform.', visibility: 'shared' });
}

describe('the incremental optimistic view', () => {
  it('equals a full recomputation after every change of the pending mutations or of the confirmed state', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const world = seeded();
        const requestIds = [createRequest(world.desk, world.operator), createRequest(world.desk, world.operator)];
        const view = incrementalOptimisticView();
        let pending: Mutation[] = [];
        for (const s of steps) {
          const target = requestIds[('target' in s ? s.target : 0) % requestIds.length]!;
          if (s.kind === 'local') pending = [...pending, local(world, s.action, target)];
          else if (s.kind === 'remote') remote(world, s.action, target);
          else if (s.kind === 'tick') world.desk.tick(30 * MINUTE).watch();
          else if (pending.length > 0) {
            const [first, ...rest] = pending;
            world.desk.submit(world.operator, first!.type, first!.args as never, first!.clientTime);
            pending = rest;
          }
          const incremental = view(world.desk.state, pending, world.operator, VIEW_NOW);
          const full = optimisticView(world.desk.state, pending, world.operator, VIEW_NOW);
          expect(incremental.state).toEqual(full.state);
          expect(incremental.pendingIds).toEqual(full.pendingIds);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('decides only the new mutation when one is added on top of 1,000 pending ones', () => {
    const world = seeded();
    const requestId = createRequest(world.desk, world.operator);
    const view = incrementalOptimisticView();
    const pending = Array.from({ length: 1_000 }, () => local(world, 'comment', requestId));
    const before = view(world.desk.state, pending, world.operator, VIEW_NOW);
    expect(before.state.comments.size).toBe(world.desk.state.comments.size + 1_000);
    const added = local(world, 'comment', requestId);
    const after = view(world.desk.state, [...pending, added], world.operator, VIEW_NOW + 1);
    // The earlier comments keep the instant they were shown at: they were not decided again.
    const first = [...before.state.comments.values()].find(
      (comment) => comment.id === (pending[0]!.args as { commentId: string }).commentId,
    );
    expect(after.state.comments.get(first!.id)).toBe(first);
    expect(after.state.comments.has((added.args as { commentId: string }).commentId)).toBe(true);
    expect(after.pendingIds.size).toBe(before.pendingIds.size + 1);
  });
});

/** A map that refuses to be walked: lookups only. */
class LookupsOnly<K, V> extends Map<K, V> {
  private walked(): never {
    throw new Error('the map was walked');
  }
  override entries(): MapIterator<[K, V]> {
    return this.walked();
  }
  override keys(): MapIterator<K> {
    return this.walked();
  }
  override values(): MapIterator<V> {
    return this.walked();
  }
  override forEach(): void {
    this.walked();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.walked();
  }
}

describe('rebasing the optimistic view on a new confirmed state', () => {
  it('looks up what the pending mutations read, never every request of the state', () => {
    // Comments alone: the view copies no request map of its own, so any walk would be the rebase's.
    const world = seeded();
    const requestId = createRequest(world.desk, world.operator);
    const other = createRequest(world.desk, world.operator);
    const view = incrementalOptimisticView();
    const pending = [local(world, 'comment', requestId), local(world, 'comment', other)];
    view(world.desk.state, pending, world.operator, VIEW_NOW);
    for (const [changed, kept] of [
      [other, pending],
      [requestId, pending],
      [requestId, []],
    ] as const) {
      remote(world, 'acknowledge', changed);
      const confirmed = { ...world.desk.state, requests: new LookupsOnly(world.desk.state.requests) };
      const incremental = view(confirmed, kept, world.operator, VIEW_NOW);
      expect(incremental.state.requests.get(requestId)).toEqual(
        optimisticView(world.desk.state, kept, world.operator, VIEW_NOW).state.requests.get(requestId),
      );
    }
  });
});
