import { refusal, type DomainEvent } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { requestIdOfMutation, standingRejections, type Rejection } from '../src/sync-status.js';
import { createRequest, queued, seeded, T0, uuid } from './support/desk.js';

describe('a refusal attached to its request', () => {
  it('reads the request from the refused mutation’s arguments; none for changes about no request', () => {
    expect(requestIdOfMutation(queued(uuid(1), 'request.acknowledge', { requestId: uuid(2) }, T0))).toBe(uuid(2));
    expect(requestIdOfMutation(queued(uuid(3), 'comment.add', { commentId: uuid(4), requestId: uuid(5), body: 'Vu.' }, T0))).toBe(uuid(5));
    expect(requestIdOfMutation(queued(uuid(6), 'platform.create', { platformId: 'x', name: 'X', kind: 'platform' }, T0))).toBeNull();
    expect(requestIdOfMutation(undefined)).toBeNull();
  });
});

describe('standingRejections: a refusal leaves once its request moved on', () => {
  const { desk, operator, metaLiaison } = seeded();
  const requestId = createRequest(desk, operator);
  const other = createRequest(desk, operator);
  const withdrawn = desk.must(operator, 'request.withdraw', { requestId, reason: 'Doublon.' }).events;
  const refused: Rejection = {
    mutationId: uuid(90),
    type: 'request.answer',
    error: refusal('illegal_transition', 'step_not_allowed', 'x', { status: 'withdrawn', step: 'answer' }),
    at: T0,
    requestId,
    atSeq: desk.state.lastSeq,
  };
  const admin: Rejection = { ...refused, mutationId: uuid(91), type: 'platform.create', requestId: null };

  it('stays beside what caused it (recorded before it) and through events of other requests or of the relay itself', () => {
    const list = [refused, admin];
    expect(standingRejections(list, withdrawn)).toBe(list);
    const elsewhere = desk.must(metaLiaison, 'request.acknowledge', { requestId: other }).events;
    const received = desk.receive(requestId);
    expect(standingRejections(list, [...elsewhere, ...received])).toBe(list);
  });

  it('goes when an action is recorded on its request after it; a refusal about no request stays', () => {
    const reopened: readonly DomainEvent[] = desk.must(operator, 'request.reopen', { requestId, reason: 'En ligne de nouveau.' }).events;
    expect(standingRejections([refused, admin], reopened)).toEqual([admin]);
  });
});
