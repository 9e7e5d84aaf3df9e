import { actorOf, emptyState, newId, parseMutation, reduce, type DomainEvent, type Mutation, type User } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { incrementalOptimisticView } from '../../src/renderer/src/sync/optimistic-view';

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

describe('the memoised optimistic view', () => {
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
