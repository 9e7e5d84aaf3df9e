import { describe, expect, it } from 'vitest';
import { platformFigures } from '../src/index.js';
import { HOUR, MINUTE, T0, createRequest, itemOf, seeded } from './fixtures.js';

const DAY = 24 * HOUR;

/**
 * Six requests in the period (plus one after it), all P1 (ack 1 h, action 4 h), each received
 * when created. Times are relative to T0.
 *
 * meta    M1 created 0:00, ack 0:10, answered 1:00        on time
 *         M2 created 1:00, ack 1:30, answered 6:00        answer late (deadline 5:00)
 *         M3 created 2:00, ack 4:00, answered 5:00        ack late (deadline 3:00)
 *         M4 created 3:00, never acknowledged             late and unanswered
 *         M5 created 4:00, withdrawn 4:05                 counted apart
 *         M6 created 24:00, after the period              ignored
 * tiktok  T1 created 0:30, ack 0:35, answered 2:30        on time
 *         T2 created 1:00, ack 1:20, paused 2:00–4:00, answered 6:30 (deadline 7:00) on time
 */
function golden() {
  const { desk, operator, metaLiaison, tiktokLiaison } = seeded();
  const at = (ms: number) => {
    if (T0 + ms < desk.now) throw new Error('the fixture must move forward in time');
    desk.now = T0 + ms;
  };
  const create = (platformId: string) => {
    const id = createRequest(desk, operator, {
      platformId,
      priority: 'P1',
      items: [`https://${platformId}.com/x/${desk.now}`],
    });
    desk.receive(id);
    return id;
  };
  const ack = (liaison: typeof metaLiaison, requestId: string) => desk.must(liaison, 'request.acknowledge', { requestId });
  const answer = (liaison: typeof metaLiaison, requestId: string) =>
    desk.must(liaison, 'request.answer', {
      requestId,
      items: [{ itemId: itemOf(desk, requestId, 0), outcome: 'removed' }],
    });

  const m1 = create('meta');
  at(10 * MINUTE);
  ack(metaLiaison, m1);
  at(30 * MINUTE);
  const t1 = create('tiktok');
  at(35 * MINUTE);
  ack(tiktokLiaison, t1);
  at(HOUR);
  answer(metaLiaison, m1);
  const m2 = create('meta');
  const t2 = create('tiktok');
  at(HOUR + 20 * MINUTE);
  ack(tiktokLiaison, t2);
  at(HOUR + 30 * MINUTE);
  ack(metaLiaison, m2);
  at(2 * HOUR);
  const m3 = create('meta');
  desk.must(tiktokLiaison, 'request.requestInfo', { requestId: t2, question: 'Which clip?' });
  at(2 * HOUR + 30 * MINUTE);
  answer(tiktokLiaison, t1);
  at(3 * HOUR);
  create('meta');
  at(4 * HOUR);
  ack(metaLiaison, m3);
  desk.must(operator, 'request.provideInfo', { requestId: t2, answer: 'The first.' });
  const m5 = create('meta');
  at(4 * HOUR + 5 * MINUTE);
  desk.must(operator, 'request.withdraw', { requestId: m5, reason: 'Duplicate.' });
  at(5 * HOUR);
  answer(metaLiaison, m3);
  at(6 * HOUR);
  answer(metaLiaison, m2);
  at(6 * HOUR + 30 * MINUTE);
  answer(tiktokLiaison, t2);
  at(DAY);
  create('meta');
  return desk;
}

describe('platformFigures (golden figures computed by hand)', () => {
  const desk = golden();
  const figures = platformFigures(desk.state.requests.values(), { from: T0, to: T0 + DAY }, T0 + 2 * DAY);

  it('lists the platforms in order', () => {
    expect(figures.map((figure) => figure.platformId)).toEqual(['meta', 'tiktok']);
  });

  it('meta', () => {
    expect(figures[0]).toEqual({
      platformId: 'meta',
      created: 5,
      withdrawn: 1,
      counted: 4,
      received: 4,
      acknowledged: 3,
      answered: 3,
      medianTimeToAck: 30 * MINUTE,
      p90TimeToAck: 120 * MINUTE,
      medianTimeToAnswer: 180 * MINUTE,
      p90TimeToAnswer: 300 * MINUTE,
      onTimeShare: 0.25,
      late: 3,
      lateWithdrawn: 0,
      unanswered: 1,
    });
  });

  it('tiktok (the two hours the clock stood still for a question are not counted in the time to answer)', () => {
    expect(figures[1]).toEqual({
      platformId: 'tiktok',
      created: 2,
      withdrawn: 0,
      counted: 2,
      received: 2,
      acknowledged: 2,
      answered: 2,
      medianTimeToAck: 5 * MINUTE,
      p90TimeToAck: 20 * MINUTE,
      medianTimeToAnswer: 120 * MINUTE,
      p90TimeToAnswer: 210 * MINUTE,
      onTimeShare: 1,
      late: 0,
      lateWithdrawn: 0,
      unanswered: 0,
    });
  });

  it('the period start is inclusive and its end exclusive', () => {
    const late = platformFigures(desk.state.requests.values(), { from: T0 + 3 * HOUR, to: T0 + DAY + 1 }, T0 + 2 * DAY);
    expect(late.map((figure) => [figure.platformId, figure.counted, figure.withdrawn])).toEqual([['meta', 2, 1]]);
  });

  it('a platform with only withdrawn requests has no ratios', () => {
    const only = platformFigures(desk.state.requests.values(), { from: T0 + 4 * HOUR, to: T0 + 5 * HOUR }, T0 + 2 * DAY);
    expect(only).toEqual([
      {
        platformId: 'meta',
        created: 1,
        withdrawn: 1,
        counted: 0,
        received: 0,
        acknowledged: 0,
        answered: 0,
        medianTimeToAck: undefined,
        p90TimeToAck: undefined,
        medianTimeToAnswer: undefined,
        p90TimeToAnswer: undefined,
        onTimeShare: undefined,
        late: 0,
        lateWithdrawn: 0,
        unanswered: 0,
      },
    ]);
  });

  it('an empty period gives no figures', () => {
    expect(platformFigures(desk.state.requests.values(), { from: 0, to: T0 }, T0)).toEqual([]);
  });
});
