import type { Actor } from '@contact-desk/shared';
import { createRequest, itemOf, MINUTE, seeded, T0 } from '../support/desk';

export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * A small record for the figures screen's model, all P1 (acknowledge within 1 h, act within 4 h),
 * each request received when created; times from T0. A third platform, "Agora" (id `zz`), has
 * no request: it sorts first by name, last by id.
 *
 * meta    M1 0:00  ack 0:10, answered 1:00                        on time
 *         M2 1:00  never acknowledged                             late, unanswered
 *         M3 1:00  withdrawn 2:30, after its ack deadline (2:00)  late, then withdrawn
 *         M4 1:30  ack 1:50, contested 6:00 (action due 5:30)     late, contested (not unanswered)
 *         M5 2:00  ack 2:05, answered 3:00                        on time
 * tiktok  T1 0:30  ack 2:00 (due 1:30), answered 3:00             late acknowledgement
 *         T2 25:00 after the period (T0 .. T0 + 1 day)            not counted
 */
export function figuresWorld() {
  const { desk, operator, metaLiaison, tiktokLiaison, prefect } = seeded();
  desk.must(prefect, 'platform.create', { platformId: 'zz', name: 'Agora', kind: 'platform' });
  const at = (ms: number) => {
    desk.now = T0 + ms;
  };
  const create = (platformId: string) => {
    const id = createRequest(desk, operator, { platformId, priority: 'P1', items: [`https://${platformId}.example/${desk.now}`] });
    desk.receive(id);
    return id;
  };
  const ack = (liaison: Actor, requestId: string) => desk.must(liaison, 'request.acknowledge', { requestId });
  const answer = (liaison: Actor, requestId: string) =>
    desk.must(liaison, 'request.answer', { requestId, items: [{ itemId: itemOf(desk, requestId, 0), outcome: 'removed' }] });

  at(0);
  const m1 = create('meta');
  at(10 * MINUTE);
  ack(metaLiaison, m1);
  at(30 * MINUTE);
  const t1 = create('tiktok');
  at(HOUR);
  answer(metaLiaison, m1);
  const m2 = create('meta');
  const m3 = create('meta');
  at(90 * MINUTE);
  const m4 = create('meta');
  at(110 * MINUTE);
  ack(metaLiaison, m4);
  at(2 * HOUR);
  ack(tiktokLiaison, t1);
  const m5 = create('meta');
  at(2 * HOUR + 5 * MINUTE);
  ack(metaLiaison, m5);
  at(2 * HOUR + 30 * MINUTE);
  desk.must(operator, 'request.withdraw', { requestId: m3, reason: 'Duplicate.' });
  at(3 * HOUR);
  answer(metaLiaison, m5);
  answer(tiktokLiaison, t1);
  at(6 * HOUR);
  desk.watch();
  desk.must(metaLiaison, 'request.contest', { requestId: m4, reason: 'Lawful content.' });
  at(25 * HOUR);
  const t2 = create('tiktok');
  const ref = (id: string) => desk.request(id).ref;
  return {
    desk,
    requests: [...desk.state.requests.values()],
    platforms: desk.state.platforms,
    period: { from: T0, to: T0 + DAY },
    at: T0 + 2 * DAY,
    ids: { m1, m2, m3, m4, m5, t1, t2 },
    ref,
  };
}
