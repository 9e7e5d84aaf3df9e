import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, T0, createRequest, itemOf, seeded } from './fixtures.js';

describe('needs-info: the clock pauses and resumes', () => {
  it('records each pause and returns to the status it left', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(metaLiaison, 'request.acknowledge', { requestId });
    desk.tick(10 * MINUTE);
    desk.must(metaLiaison, 'request.requestInfo', { requestId, question: 'Which post?' });
    expect(desk.request(requestId)).toMatchObject({
      status: 'needs_info',
      resumeStatus: 'acknowledged',
      pauses: [{ from: T0 + 10 * MINUTE, to: null, question: 'Which post?' }],
    });
    desk.tick(20 * MINUTE);
    desk.must(operator, 'request.provideInfo', { requestId, answer: 'The first one.' });
    expect(desk.request(requestId)).toMatchObject({
      status: 'acknowledged',
      resumeStatus: null,
      pauses: [{ from: T0 + 10 * MINUTE, to: T0 + 30 * MINUTE }],
    });
    desk.tick(5 * MINUTE);
    desk.must(metaLiaison, 'request.requestInfo', { requestId, question: 'And the account?' });
    desk.tick(5 * MINUTE);
    desk.must(operator, 'request.provideInfo', { requestId, answer: 'Same author.' });
    expect(desk.request(requestId).pauses).toEqual([
      { from: T0 + 10 * MINUTE, to: T0 + 30 * MINUTE, question: 'Which post?' },
      { from: T0 + 35 * MINUTE, to: T0 + 40 * MINUTE, question: 'And the account?' },
    ]);
  });

  it('returns a reopened request to reopened', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(metaLiaison, 'request.contest', { requestId, reason: 'Lawful speech.' });
    desk.must(operator, 'request.reopen', { requestId, reason: 'New evidence.' });
    desk.must(metaLiaison, 'request.requestInfo', { requestId, question: 'What evidence?' });
    expect(desk.request(requestId).resumeStatus).toBe('reopened');
    desk.must(operator, 'request.provideInfo', { requestId, answer: 'See the link.' });
    expect(desk.request(requestId).status).toBe('reopened');
  });
});

describe('withdraw, contest, reopen', () => {
  it('withdraws a request waiting for information and closes the pause', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(metaLiaison, 'request.requestInfo', { requestId, question: 'Which post?' });
    desk.tick(HOUR);
    desk.must(operator, 'request.withdraw', { requestId, reason: 'Content gone.' });
    expect(desk.request(requestId)).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: T0 + HOUR,
      pauses: [{ from: T0, to: T0 + HOUR }],
    });
  });

  it('keeps the first contest date across a reopening', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(metaLiaison, 'request.acknowledge', { requestId });
    desk.tick(HOUR);
    desk.must(metaLiaison, 'request.contest', { requestId, reason: 'Satire.' });
    expect(desk.request(requestId)).toMatchObject({ status: 'contested', contestedAt: T0 + HOUR });
    desk.tick(HOUR);
    desk.must(operator, 'request.reopen', { requestId, reason: 'Not satire.' });
    desk.tick(HOUR);
    desk.must(metaLiaison, 'request.contest', { requestId, reason: 'Still satire.' });
    expect(desk.request(requestId)).toMatchObject({ status: 'contested', contestedAt: T0 + HOUR });
  });

  it('reopens a closed request, clears closedAt, and keeps the first answer time', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator, { items: ['https://facebook.com/p/1'] });
    desk.tick(HOUR);
    desk.must(metaLiaison, 'request.answer', {
      requestId,
      items: [{ itemId: itemOf(desk, requestId, 0), outcome: 'removed' }],
    });
    desk.must(operator, 'request.close', { requestId });
    desk.tick(HOUR);
    desk.must(operator, 'request.reopen', { requestId, reason: 'Re-uploaded.' });
    expect(desk.request(requestId)).toMatchObject({ status: 'reopened', closedAt: null, answeredAt: T0 + HOUR });
    desk.tick(HOUR);
    desk.must(metaLiaison, 'request.answer', {
      requestId,
      items: [{ itemId: itemOf(desk, requestId, 0), outcome: 'removed' }],
    });
    expect(desk.request(requestId)).toMatchObject({ status: 'answered', answeredAt: T0 + HOUR });
    expect(desk.request(requestId).items[0]?.answer?.at).toBe(T0 + 3 * HOUR);
  });

  it('reopens a withdrawn request and clears withdrawnAt', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(operator, 'request.withdraw', { requestId, reason: 'Mistake.' });
    desk.must(operator, 'request.reopen', { requestId, reason: 'Not a mistake.' });
    expect(desk.request(requestId)).toMatchObject({ status: 'reopened', withdrawnAt: null });
  });
});

describe('implicit acknowledgement', () => {
  it.each([
    ['answer', 'answered'],
    ['requestInfo', 'needs_info'],
    ['contest', 'contested'],
  ] as const)('a liaison who takes the %s step on an open request acknowledges it first', (step, status) => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator, { items: ['https://facebook.com/p/1'] });
    desk.tick(7 * MINUTE);
    const { events } =
      step === 'answer'
        ? desk.must(metaLiaison, 'request.answer', {
            requestId,
            items: [{ itemId: itemOf(desk, requestId, 0), outcome: 'removed' }],
          })
        : step === 'requestInfo'
          ? desk.must(metaLiaison, 'request.requestInfo', { requestId, question: 'Which one?' })
          : desk.must(metaLiaison, 'request.contest', { requestId, reason: 'Lawful.' });
    expect(events.map((event) => event.type)[0]).toBe('request.acknowledged');
    expect(events[0]?.payload).toEqual({ requestId, implicit: true });
    expect(events[1]?.seq).toBe((events[0]?.seq ?? 0) + 1);
    expect(desk.request(requestId)).toMatchObject({ status, ackAt: T0 + 7 * MINUTE, ackBy: metaLiaison.userId });
  });

  it('does not acknowledge twice', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(metaLiaison, 'request.acknowledge', { requestId });
    desk.tick(HOUR);
    const { events } = desk.must(metaLiaison, 'request.contest', { requestId, reason: 'Lawful.' });
    expect(events.map((event) => event.type)).toEqual(['request.contested']);
    expect(desk.request(requestId).ackAt).toBe(T0);
  });

  it('acknowledges a request that was withdrawn before any acknowledgement, then reopened', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(operator, 'request.withdraw', { requestId, reason: 'Mistake.' });
    desk.must(operator, 'request.reopen', { requestId, reason: 'Not a mistake.' });
    desk.tick(HOUR);
    const { events } = desk.must(metaLiaison, 'request.requestInfo', { requestId, question: 'Which one?' });
    expect(events.map((event) => event.type)).toEqual(['request.acknowledged', 'request.infoRequested']);
    expect(desk.request(requestId)).toMatchObject({ status: 'needs_info', resumeStatus: 'reopened', ackAt: T0 + HOUR });
  });
});
