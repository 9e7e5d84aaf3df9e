import { describe, expect, it } from 'vitest';
import { dueDeadlineEvents, nextDeadlineCheck, SYSTEM_ACTOR, type RequestStatus } from '../src/index.js';
import { HOUR, MINUTE, T0, createRequest, itemOf, seeded } from './fixtures.js';

/** A P1 request of meta created at T0: ack deadline T0 + 1 h, action deadline receipt + 4 h. */
function p1() {
  const world = seeded();
  const requestId = createRequest(world.desk, world.operator, { priority: 'P1', items: ['https://facebook.com/p/1'] });
  return { ...world, requestId, get: () => world.desk.request(requestId) };
}

const missedAck = (requestId: string) => ({
  type: 'request.deadlineMissed',
  payload: { requestId, step: 'ack', deadline: T0 + HOUR },
});
const escalated = (requestId: string, level: number, target: string) => ({
  type: 'request.escalated',
  payload: { requestId, level, target, note: null, automatic: true },
});

describe('escalation of an unacknowledged request', () => {
  it('does nothing before the acknowledgement deadline', () => {
    const { get } = p1();
    expect(dueDeadlineEvents(get(), T0 + HOUR - 1)).toEqual([]);
  });

  it('at the deadline: deadline missed, then the backup liaison', () => {
    const { get, requestId } = p1();
    expect(dueDeadlineEvents(get(), T0 + HOUR)).toEqual([missedAck(requestId), escalated(requestId, 1, 'backup_liaison')]);
  });

  it('climbs one step per acknowledgement period: manager contact, then the prefect, then stops', () => {
    const { desk, get, requestId } = p1();
    desk.tick(HOUR).watch();
    expect(get()).toMatchObject({ missedAck: T0 + HOUR, escalationLevel: 1 });
    expect(dueDeadlineEvents(get(), T0 + 2 * HOUR - 1)).toEqual([]);
    expect(dueDeadlineEvents(get(), T0 + 2 * HOUR)).toEqual([escalated(requestId, 2, 'platform_manager')]);
    desk.tick(HOUR).watch();
    expect(dueDeadlineEvents(get(), T0 + 3 * HOUR)).toEqual([escalated(requestId, 3, 'prefect')]);
    desk.tick(HOUR).watch();
    expect(get().escalationLevel).toBe(3);
    expect(dueDeadlineEvents(get(), T0 + 100 * HOUR)).toEqual([]);
  });

  it('catches up on every missed step at once', () => {
    const { get, requestId } = p1();
    expect(dueDeadlineEvents(get(), T0 + 5 * HOUR)).toEqual([
      missedAck(requestId),
      escalated(requestId, 1, 'backup_liaison'),
      escalated(requestId, 2, 'platform_manager'),
      escalated(requestId, 3, 'prefect'),
    ]);
  });

  it('is recorded by the relay, visible to the platform', () => {
    const { desk, requestId } = p1();
    const events = desk.tick(HOUR).watch();
    expect(events.map((event) => [event.actor, event.mutationId, event.audience])).toEqual([
      [SYSTEM_ACTOR, null, { kind: 'platform', platformId: 'meta' }],
      [SYSTEM_ACTOR, null, { kind: 'platform', platformId: 'meta' }],
    ]);
    expect(events[0]?.payload).toEqual(missedAck(requestId).payload);
  });

  it('skips steps a manual escalation already took', () => {
    const { desk, get, operator, requestId } = p1();
    desk.must(operator, 'request.escalate', { requestId, note: 'Urgent.' });
    expect(dueDeadlineEvents(get(), T0 + HOUR)).toEqual([missedAck(requestId)]);
  });

  it('stops once the request is acknowledged', () => {
    const { desk, get, metaLiaison, requestId } = p1();
    desk.tick(HOUR).watch();
    desk.tick(30 * MINUTE).must(metaLiaison, 'request.acknowledge', { requestId });
    expect(dueDeadlineEvents(get(), T0 + 2 * HOUR)).toEqual([]);
    expect(dueDeadlineEvents(get(), T0 + 3 * HOUR)).toEqual([]);
    expect(get().escalationLevel).toBe(1);
  });
});

describe('the action deadline', () => {
  it('is missed once, with one more escalation step', () => {
    const { desk, get, metaLiaison, requestId } = p1();
    desk.receive(requestId);
    desk.tick(10 * MINUTE).must(metaLiaison, 'request.acknowledge', { requestId });
    expect(dueDeadlineEvents(get(), T0 + 4 * HOUR - 1)).toEqual([]);
    const due = dueDeadlineEvents(get(), T0 + 4 * HOUR);
    expect(due).toEqual([
      { type: 'request.deadlineMissed', payload: { requestId, step: 'action', deadline: T0 + 4 * HOUR } },
      escalated(requestId, 1, 'backup_liaison'),
    ]);
    desk.now = T0 + 4 * HOUR;
    desk.watch();
    expect(get()).toMatchObject({ missedAction: T0 + 4 * HOUR, escalationLevel: 1 });
    expect(dueDeadlineEvents(get(), T0 + 50 * HOUR)).toEqual([]);
  });

  it('adds no step beyond the prefect', () => {
    const { desk, get, metaLiaison, requestId } = p1();
    desk.receive(requestId);
    desk.tick(3 * HOUR).watch();
    expect(get().escalationLevel).toBe(3);
    desk.must(metaLiaison, 'request.acknowledge', { requestId });
    expect(dueDeadlineEvents(get(), T0 + 4 * HOUR).map((event) => event.type)).toEqual(['request.deadlineMissed']);
  });

  it('does not run while the platform waits for information, and is pushed back by the pause', () => {
    const { desk, get, operator, metaLiaison, requestId } = p1();
    desk.receive(requestId);
    desk.tick(HOUR).must(metaLiaison, 'request.requestInfo', { requestId, question: 'Which?' });
    expect(dueDeadlineEvents(get(), T0 + 10 * HOUR)).toEqual([]);
    desk.now = T0 + 3 * HOUR;
    desk.must(operator, 'request.provideInfo', { requestId, answer: 'This.' });
    expect(dueDeadlineEvents(get(), T0 + 6 * HOUR - 1)).toEqual([]);
    expect(dueDeadlineEvents(get(), T0 + 6 * HOUR)[0]).toMatchObject({
      payload: { step: 'action', deadline: T0 + 6 * HOUR },
    });
  });
});

describe('requests that owe nothing', () => {
  const settle: Record<string, (world: ReturnType<typeof p1>) => void> = {
    withdrawn: ({ desk, operator, requestId }) => desk.must(operator, 'request.withdraw', { requestId, reason: 'Oops.' }),
    needs_info: ({ desk, metaLiaison, requestId }) => desk.must(metaLiaison, 'request.requestInfo', { requestId, question: 'Which?' }),
    answered: ({ desk, metaLiaison, requestId }) =>
      desk.must(metaLiaison, 'request.answer', {
        requestId,
        items: [{ itemId: itemOf(desk, requestId, 0), outcome: 'removed' }],
      }),
    contested: ({ desk, metaLiaison, requestId }) => desk.must(metaLiaison, 'request.contest', { requestId, reason: 'No.' }),
    closed: (world) => {
      settle.answered!(world);
      world.desk.must(world.operator, 'request.close', { requestId: world.requestId });
    },
  };

  it.each(Object.keys(settle))('a %s request raises nothing, at any time', (status) => {
    const world = p1();
    world.desk.receive(world.requestId);
    settle[status]!(world);
    expect(world.get().status).toBe(status as RequestStatus);
    for (const hours of [0, 1, 2, 3, 4, 5, 100]) {
      expect(dueDeadlineEvents(world.get(), T0 + hours * HOUR)).toEqual([]);
    }
    expect(nextDeadlineCheck(world.get(), T0)).toBeUndefined();
  });
});

describe('nextDeadlineCheck', () => {
  it('follows the escalation chain, then the action deadline', () => {
    const { desk, get, metaLiaison, requestId } = p1();
    expect(nextDeadlineCheck(get(), T0)).toBe(T0 + HOUR);
    expect(nextDeadlineCheck(get(), T0 + 2 * HOUR)).toBe(T0 + 2 * HOUR);
    desk.tick(HOUR).watch();
    expect(nextDeadlineCheck(get(), desk.now)).toBe(T0 + 2 * HOUR);
    desk.tick(HOUR).watch();
    expect(nextDeadlineCheck(get(), desk.now)).toBe(T0 + 3 * HOUR);
    desk.tick(HOUR).watch();
    expect(nextDeadlineCheck(get(), desk.now)).toBeUndefined();
    desk.must(metaLiaison, 'request.acknowledge', { requestId });
    expect(nextDeadlineCheck(get(), desk.now)).toBeUndefined();
    desk.receive(requestId);
    expect(nextDeadlineCheck(get(), desk.now)).toBe(T0 + 7 * HOUR);
  });

  it('nothing falls due before the check it announces, something falls due at it', () => {
    const { desk, get, metaLiaison, requestId } = p1();
    desk.receive(requestId);
    desk.must(metaLiaison, 'request.acknowledge', { requestId });
    const next = nextDeadlineCheck(get(), desk.now)!;
    expect(next).toBe(T0 + 4 * HOUR);
    expect(dueDeadlineEvents(get(), next - 1)).toEqual([]);
    expect(dueDeadlineEvents(get(), next)).not.toEqual([]);
    desk.now = next;
    desk.watch();
    expect(nextDeadlineCheck(get(), desk.now)).toBeUndefined();
  });

  it('is undefined while paused', () => {
    const { desk, get, metaLiaison, requestId } = p1();
    desk.receive(requestId);
    desk.must(metaLiaison, 'request.requestInfo', { requestId, question: 'Which?' });
    expect(nextDeadlineCheck(get(), T0)).toBeUndefined();
  });
});
