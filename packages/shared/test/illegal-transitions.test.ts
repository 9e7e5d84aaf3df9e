import { describe, expect, it } from 'vitest';
import { ALLOWED_FROM, REQUEST_STATUSES, type RequestStatus, type RequestStep } from '../src/index.js';
import { createRequest, itemOf, seeded, type Seeded, type Submitted } from './fixtures.js';

/** A seeded desk with one meta request brought to `status` through real mutations. */
function requestIn(status: RequestStatus): Seeded & { requestId: string } {
  const world = seeded();
  const { desk, operator, metaLiaison } = world;
  const requestId = createRequest(desk, operator, { items: ['https://facebook.com/p/1'] });
  const answer = () =>
    desk.must(metaLiaison, 'request.answer', {
      requestId,
      items: [{ itemId: itemOf(desk, requestId, 0), outcome: 'removed' }],
    });
  switch (status) {
    case 'open':
      break;
    case 'acknowledged':
      desk.must(metaLiaison, 'request.acknowledge', { requestId });
      break;
    case 'needs_info':
      desk.must(metaLiaison, 'request.requestInfo', { requestId, question: 'Which?' });
      break;
    case 'answered':
      answer();
      break;
    case 'contested':
      desk.must(metaLiaison, 'request.contest', { requestId, reason: 'Lawful.' });
      break;
    case 'closed':
      answer();
      desk.must(operator, 'request.close', { requestId });
      break;
    case 'withdrawn':
      desk.must(operator, 'request.withdraw', { requestId, reason: 'Mistake.' });
      break;
    case 'reopened':
      answer();
      desk.must(operator, 'request.close', { requestId });
      desk.must(operator, 'request.reopen', { requestId, reason: 'Back online.' });
      break;
  }
  expect(desk.request(requestId).status).toBe(status);
  return { ...world, requestId };
}

/** Takes one step of the state machine with the role entitled to it. */
function takeStep(world: Seeded, requestId: string, step: RequestStep): Submitted {
  const { desk, operator, metaLiaison } = world;
  switch (step) {
    case 'edit':
      return desk.submit(operator, 'request.edit', { requestId, patch: { pharosRef: 'PH-1' } });
    case 'acknowledge':
      return desk.submit(metaLiaison, 'request.acknowledge', { requestId });
    case 'requestInfo':
      return desk.submit(metaLiaison, 'request.requestInfo', { requestId, question: 'Which?' });
    case 'provideInfo':
      return desk.submit(operator, 'request.provideInfo', { requestId, answer: 'That one.' });
    case 'answer':
      return desk.submit(metaLiaison, 'request.answer', {
        requestId,
        items: [{ itemId: itemOf(desk, requestId, 0), outcome: 'not_found' }],
      });
    case 'contest':
      return desk.submit(metaLiaison, 'request.contest', { requestId, reason: 'Lawful.' });
    case 'withdraw':
      return desk.submit(operator, 'request.withdraw', { requestId, reason: 'Mistake.' });
    case 'close':
      return desk.submit(operator, 'request.close', { requestId });
    case 'reopen':
      return desk.submit(operator, 'request.reopen', { requestId, reason: 'Again.' });
    case 'escalate':
      return desk.submit(operator, 'request.escalate', { requestId, note: 'Late.' });
    case 'assign':
      return desk.submit(metaLiaison, 'request.assign', { requestId, assigneeId: metaLiaison.userId });
  }
}

describe('illegal transitions', () => {
  it.each([
    ['withdrawn', 'acknowledge'],
    ['open', 'close'],
    ['closed', 'answer'],
    ['acknowledged', 'acknowledge'],
    ['acknowledged', 'provideInfo'],
    ['needs_info', 'requestInfo'],
    ['answered', 'contest'],
    ['closed', 'withdraw'],
    ['open', 'reopen'],
    ['withdrawn', 'escalate'],
    ['closed', 'edit'],
  ] as const)('a %s request cannot take the %s step, and nothing changes', (status, step) => {
    const world = requestIn(status);
    const before = world.desk.state;
    const logLength = world.desk.log.length;
    const { decision } = takeStep(world, world.requestId, step);
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.error.code).toBe('illegal_transition');
    expect(decision.error.details).toEqual({
      requestId: world.requestId,
      ref: 'CD-2026-000001',
      status,
      step,
      reason: 'step_not_allowed',
    });
    expect(decision.error.message).toMatch(/^Cannot .* CD-2026-000001: it is /);
    expect(world.desk.state).toBe(before);
    expect(world.desk.log).toHaveLength(logLength);
  });

  it('names the status in words', () => {
    const world = requestIn('withdrawn');
    const { decision } = takeStep(world, world.requestId, 'acknowledge');
    expect(decision).toMatchObject({
      ok: false,
      error: { message: 'Cannot acknowledge CD-2026-000001: it is withdrawn.' },
    });
    const paused = requestIn('needs_info');
    const again = takeStep(paused, paused.requestId, 'requestInfo');
    expect(again.decision).toMatchObject({
      error: { message: 'Cannot ask for information on CD-2026-000001: it is needs info.' },
    });
  });

  const steps = Object.keys(ALLOWED_FROM) as RequestStep[];
  const matrix = REQUEST_STATUSES.flatMap((status) => steps.map((step) => [status, step] as const));

  it.each(matrix)('from %s, the %s step is decided by the state machine', (status, step) => {
    const world = requestIn(status);
    const { decision } = takeStep(world, world.requestId, step);
    if (ALLOWED_FROM[step].includes(status)) {
      expect(decision.ok ? 'accepted' : decision.error.code).toBe('accepted');
    } else {
      expect(decision).toMatchObject({ ok: false, error: { code: 'illegal_transition', details: { status, step } } });
    }
  });
});
