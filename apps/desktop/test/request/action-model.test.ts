import { describe, expect, it } from 'vitest';
import { refusal } from '@contact-desk/shared';
import { actionOutcome, availableSteps, pendingFor, refusalsOf } from '../../src/renderer/src/features/request/action-model';
import type { Rejection } from '@contact-desk/sync';
import { createRequest, queued, seeded, T0, uuid } from '../support/desk';

function rejection(mutationId: string, requestId: string | null, at = T0): Rejection {
  return {
    mutationId,
    type: 'request.answer',
    error: refusal('illegal_transition', 'step_not_allowed', 'x', { status: 'withdrawn', step: 'answer', ref: 'CD-1' }),
    at,
    requestId,
    atSeq: 10,
  };
}

describe('availableSteps', () => {
  it('offers the platform its steps and the ministry its own; escalation and taking have panels of their own', () => {
    const { desk, operator, metaLiaison, observer } = seeded();
    const request = desk.request(createRequest(desk, operator));
    expect(availableSteps(metaLiaison.role, request)).toEqual(['acknowledge', 'answer', 'requestInfo', 'contest']);
    expect(availableSteps(operator.role, request)).toEqual(['edit', 'withdraw']);
    expect(availableSteps(observer.role, request)).toEqual([]);
    expect(availableSteps('system', request)).toEqual([]);
  });
});

describe('actionOutcome: where the user’s last action stands', () => {
  const action = { mutationId: uuid(77), type: 'request.acknowledge' };
  const { desk, operator, metaLiaison } = seeded();
  const requestId = createRequest(desk, operator);
  const pending = [queued(action.mutationId, 'request.acknowledge', { requestId }, T0)];

  it('waits while the mutation is on the device: no relay time to give', () => {
    expect(actionOutcome(action, pending, [], [])).toEqual({ state: 'waiting', type: 'request.acknowledge' });
  });

  it('is recorded at the relay’s time of its event, not the click’s', () => {
    desk.tick(90_000);
    const { events } = desk.must(metaLiaison, 'request.acknowledge', { requestId });
    const accepted = events.map((event) => ({ ...event, mutationId: action.mutationId }));
    expect(actionOutcome(action, [], [], accepted)).toEqual({ state: 'recorded', type: 'request.acknowledge', at: T0 + 90_000 });
  });

  it('is refused when the relay refused it, whatever else is known', () => {
    const refused = rejection(action.mutationId, requestId);
    expect(actionOutcome(action, pending, [refused], [])).toEqual({ state: 'refused', rejection: refused });
  });

  it('says nothing when there is no action, or its refusal was dismissed', () => {
    expect(actionOutcome(null, pending, [], [])).toEqual({ state: 'none' });
    expect(actionOutcome(action, [], [], [])).toEqual({ state: 'none' });
  });
});

describe('refusalsOf and pendingFor', () => {
  it('keeps a request’s own refusals, newest first, and its own pending changes, in order', () => {
    const mine = [
      rejection(uuid(1), 'r1', T0),
      rejection(uuid(2), 'r2', T0 + 1),
      rejection(uuid(3), 'r1', T0 + 2),
      rejection(uuid(4), null),
    ];
    expect(refusalsOf('r1', mine).map((found) => found.mutationId)).toEqual([uuid(3), uuid(1)]);
    const { desk, operator } = seeded();
    const a = createRequest(desk, operator);
    const b = createRequest(desk, operator);
    const outbox = [
      queued(uuid(10), 'request.acknowledge', { requestId: a }, T0),
      queued(uuid(11), 'request.acknowledge', { requestId: b }, T0),
      queued(uuid(12), 'comment.add', { commentId: uuid(13), requestId: a, body: 'Vu.' }, T0),
    ];
    expect(pendingFor(a, outbox).map((mutation) => mutation.mutationId)).toEqual([uuid(10), uuid(12)]);
  });
});
