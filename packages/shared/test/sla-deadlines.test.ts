import { describe, expect, it } from 'vitest';
import { ackDeadline, actionDeadline, isPaused, pausedMs, requestFigures, slaView, type Request } from '../src/index.js';
import { HOUR, MINUTE, T0, createRequest, itemOf, seeded } from './fixtures.js';

const DAY = 24 * HOUR;

function oneRequest(priority = 'P1') {
  const world = seeded();
  const requestId = createRequest(world.desk, world.operator, { priority, items: ['https://facebook.com/p/1'] });
  const answer = () =>
    world.desk.must(world.metaLiaison, 'request.answer', {
      requestId,
      items: [{ itemId: itemOf(world.desk, requestId, 0), outcome: 'removed' }],
    });
  return { ...world, requestId, get: () => world.desk.request(requestId), answer };
}

describe('ackDeadline', () => {
  it.each([
    ['P0', 15 * MINUTE],
    ['P1', HOUR],
    ['P2', 4 * HOUR],
  ])('runs from creation: %s gives %d ms', (priority, ms) => {
    const { get } = oneRequest(priority);
    expect(ackDeadline(get())).toBe(T0 + ms);
  });
});

describe('actionDeadline', () => {
  it('is null until a device of the platform received the request', () => {
    const { desk, get } = oneRequest();
    expect(actionDeadline(get(), T0 + DAY)).toBeNull();
    desk.tick(5 * MINUTE).receive(get().id);
    expect(get().receivedAt).toBe(T0 + 5 * MINUTE);
    expect(actionDeadline(get(), T0 + 5 * MINUTE)).toBe(T0 + 5 * MINUTE + 4 * HOUR);
  });

  it('keeps the first receipt', () => {
    const { desk, get } = oneRequest();
    desk.tick(MINUTE).receive(get().id);
    desk.tick(HOUR).receive(get().id);
    expect(get().receivedAt).toBe(T0 + MINUTE);
  });

  it('is extended by every pause, and moves with the clock while paused', () => {
    const { desk, get, operator, metaLiaison } = oneRequest();
    desk.receive(get().id);
    desk.tick(HOUR).must(metaLiaison, 'request.requestInfo', { requestId: get().id, question: 'Which?' });
    expect(isPaused(get())).toBe(true);
    expect(actionDeadline(get(), T0 + HOUR)).toBe(T0 + 4 * HOUR);
    expect(actionDeadline(get(), T0 + 2 * HOUR)).toBe(T0 + 5 * HOUR);
    desk.tick(30 * MINUTE).must(operator, 'request.provideInfo', { requestId: get().id, answer: 'That.' });
    expect(isPaused(get())).toBe(false);
    expect(actionDeadline(get(), T0 + 10 * HOUR)).toBe(T0 + 4 * HOUR + 30 * MINUTE);
  });

  it('counts only the paused time before the answer or now', () => {
    const pauses = [
      { from: 100, to: 200, question: 'a' },
      { from: 300, to: null, question: 'b' },
    ];
    expect(pausedMs(pauses, 50)).toBe(0);
    expect(pausedMs(pauses, 150)).toBe(50);
    expect(pausedMs(pauses, 250)).toBe(100);
    expect(pausedMs(pauses, 400)).toBe(200);
  });
});

/** Where a request stands (`slaView`) with what it counts for in the figures (`requestFigures`). */
function standing(request: Request, at: number) {
  const { late, unanswered, timeToAck, timeToAnswer } = requestFigures(request, at);
  return { ...slaView(request, at), late, unanswered, timeToAck, timeToAnswer };
}

describe('slaView and what it counts for', () => {
  it('a fresh request is pending on both steps', () => {
    const { get } = oneRequest();
    expect(standing(get(), T0 + MINUTE)).toMatchObject({
      ackDeadline: T0 + HOUR,
      actionDeadline: null,
      ack: 'pending',
      action: 'pending',
      late: false,
      unanswered: false,
      timeToAck: null,
      timeToAnswer: null,
    });
  });

  it('a request nobody received nor acknowledged is late and unanswered past the ack deadline', () => {
    const { get } = oneRequest();
    expect(standing(get(), T0 + HOUR)).toMatchObject({ ack: 'pending', late: false });
    expect(standing(get(), T0 + HOUR + 1)).toMatchObject({
      ack: 'overdue',
      action: 'overdue',
      late: true,
      unanswered: true,
    });
  });

  it('a late acknowledgement followed by a timely answer is late but answered', () => {
    const { desk, get, metaLiaison, answer } = oneRequest();
    desk.receive(get().id);
    desk.tick(2 * HOUR).must(metaLiaison, 'request.acknowledge', { requestId: get().id });
    desk.tick(HOUR);
    answer();
    expect(standing(get(), T0 + DAY)).toMatchObject({
      ack: 'done_late',
      action: 'done',
      late: true,
      unanswered: false,
      timeToAck: 2 * HOUR,
      timeToAnswer: 3 * HOUR,
    });
  });

  it('an acknowledged request without an answer is unanswered after the action deadline', () => {
    const { desk, get, metaLiaison } = oneRequest();
    desk.receive(get().id);
    desk.tick(MINUTE).must(metaLiaison, 'request.acknowledge', { requestId: get().id });
    expect(standing(get(), T0 + 4 * HOUR)).toMatchObject({ ack: 'done', action: 'pending', late: false });
    expect(standing(get(), T0 + 4 * HOUR + 1)).toMatchObject({ action: 'overdue', late: true, unanswered: true });
  });

  it('an answer after the action deadline is done late', () => {
    const { desk, get, answer } = oneRequest();
    desk.receive(get().id);
    desk.tick(5 * HOUR);
    answer();
    expect(standing(get(), T0 + DAY)).toMatchObject({
      ack: 'done_late',
      action: 'done_late',
      late: true,
      unanswered: false,
    });
  });

  it('a paused request is not overdue while the ministry owes the answer', () => {
    const { desk, get, metaLiaison } = oneRequest();
    desk.receive(get().id);
    desk.tick(MINUTE).must(metaLiaison, 'request.requestInfo', { requestId: get().id, question: 'Which?' });
    expect(standing(get(), T0 + DAY)).toMatchObject({ action: 'pending', late: false, unanswered: false });
  });

  it('a request withdrawn in time is not applicable; withdrawn after the ack deadline it was overdue', () => {
    const early = oneRequest();
    early.desk.tick(10 * MINUTE).must(early.operator, 'request.withdraw', { requestId: early.get().id, reason: 'Oops.' });
    expect(standing(early.get(), T0 + DAY)).toMatchObject({
      ack: 'not_applicable',
      action: 'not_applicable',
      late: false,
    });
    const late = oneRequest();
    late.desk.tick(2 * HOUR).must(late.operator, 'request.withdraw', { requestId: late.get().id, reason: 'Oops.' });
    expect(standing(late.get(), T0 + DAY)).toMatchObject({ ack: 'overdue', late: true });
  });

  it('a request contested in time stays on time once the ministry closes it', () => {
    const { desk, get, operator, metaLiaison } = oneRequest();
    desk.receive(get().id);
    desk.tick(HOUR).must(metaLiaison, 'request.contest', { requestId: get().id, reason: 'Lawful speech.' });
    expect(standing(get(), T0 + DAY)).toMatchObject({ action: 'not_applicable', late: false, unanswered: false });
    desk.tick(HOUR).must(operator, 'request.close', { requestId: get().id, note: 'Agreed.' });
    expect(standing(get(), T0 + DAY)).toMatchObject({
      ack: 'done',
      action: 'not_applicable',
      late: false,
      unanswered: false,
    });
  });

  it('a request contested after the action deadline was overdue: late, and never unanswered', () => {
    const { desk, get, metaLiaison } = oneRequest();
    desk.receive(get().id);
    desk.tick(5 * HOUR).must(metaLiaison, 'request.contest', { requestId: get().id, reason: 'Lawful speech.' });
    expect(standing(get(), T0 + DAY)).toMatchObject({ action: 'overdue', late: true, unanswered: false });
  });
});
