import { describe, expect, it } from 'vitest';
import { DAY, MINUTE, VIEWERS, createRequest, queue, refsOf, seeded, type Seeded } from './queue-world';

/** The cases of docs/triage.md, through the queue's own pipeline (index, facts, sort, tab). */

function ackedP0(world: Seeded, path: string): string {
  const id = createRequest(world.desk, world.operator, { priority: 'P0', items: [`https://facebook.com/${path}`] });
  world.desk.receive(id);
  world.desk.must(world.metaLiaison, 'request.acknowledge', { requestId: id });
  return id;
}

describe('the urgency order of the queue', () => {
  it('a P0 whose action hour passed 17 minutes ago opens the list, above eight P0s unanswered for 36 days', () => {
    const world = seeded();
    const stale = Array.from({ length: 8 }, (_, i) => ackedP0(world, `old/${i}`));
    world.desk.tick(36 * DAY - 77 * MINUTE);
    const fresh = ackedP0(world, 'fresh');
    world.desk.tick(77 * MINUTE);
    for (const viewer of [VIEWERS.lina, VIEWERS.anne, VIEWERS.olivier]) {
      const { refs } = queue(world.desk, viewer, { tab: viewer === VIEWERS.lina ? 'action' : 'late' });
      expect(refs[0]).toBe(world.desk.request(fresh).ref);
      expect(refs.slice(1).sort()).toEqual(refsOf(world.desk, stale).sort());
    }
  });

  it('"All" opens on a P1 created ten minutes ago, not on a P2 forty days late', () => {
    const { desk, operator } = seeded();
    const oldP2 = createRequest(desk, operator, { priority: 'P2', items: ['https://facebook.com/p2'] });
    desk.tick(40 * DAY);
    const dueP1 = createRequest(desk, operator, { priority: 'P1', items: ['https://facebook.com/p1'] });
    desk.tick(10 * MINUTE);
    expect(queue(desk, VIEWERS.claire).refs).toEqual(refsOf(desk, [dueP1, oldP2]));
  });

  it('within what is due: the P0 whose deadline just passed, the P0 about to pass, then the P1', () => {
    const { desk, operator } = seeded();
    const p1 = createRequest(desk, operator, { priority: 'P1', items: ['https://facebook.com/a'] });
    const missed = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/b'] });
    desk.tick(10 * MINUTE);
    const soon = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/c'] });
    desk.tick(10 * MINUTE);
    expect(queue(desk, VIEWERS.lina, { tab: 'action' }).refs).toEqual(refsOf(desk, [missed, soon, p1]));
  });

  it('stale P2s most recently missed first; a withdrawn P0 after everything that waits for someone', () => {
    const { desk, operator } = seeded();
    const older = createRequest(desk, operator, { priority: 'P2', items: ['https://facebook.com/1'] });
    desk.tick(3 * DAY);
    const newer = createRequest(desk, operator, { priority: 'P2', items: ['https://facebook.com/2'] });
    const withdrawn = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/3'] });
    desk.must(operator, 'request.withdraw', { requestId: withdrawn, reason: 'Mistake.' });
    desk.tick(10 * DAY);
    expect(queue(desk, VIEWERS.claire).refs).toEqual(refsOf(desk, [newer, older, withdrawn]));
  });

  it('the ministry’s own work: a question before a contest before an answer to close', () => {
    const world = seeded();
    const { desk, operator, metaLiaison } = world;
    const answered = createRequest(desk, operator, { items: ['https://facebook.com/answered'] });
    desk.must(metaLiaison, 'request.answer', {
      requestId: answered,
      items: desk.request(answered).items.map((item) => ({ itemId: item.id, outcome: 'removed' as const })),
    });
    const contested = createRequest(desk, operator, { items: ['https://facebook.com/contested'] });
    desk.must(metaLiaison, 'request.contest', { requestId: contested, reason: 'Lawful speech.' });
    const asked = createRequest(desk, operator, { items: ['https://facebook.com/asked'] });
    desk.must(metaLiaison, 'request.requestInfo', { requestId: asked, question: 'Which one?' });
    expect(queue(desk, VIEWERS.olivier, { tab: 'action' }).refs).toEqual(refsOf(desk, [asked, contested, answered]));
  });

  it('ties are broken by reference; the other orders sort by creation or reference', () => {
    const { desk, operator } = seeded();
    const a = createRequest(desk, operator, { priority: 'P2', items: ['https://facebook.com/a'] });
    const b = createRequest(desk, operator, { priority: 'P2', items: ['https://facebook.com/b'] });
    desk.tick(MINUTE);
    const c = createRequest(desk, operator, { priority: 'P2', items: ['https://facebook.com/c'] });
    // a and b share every part of the urgency key: same priority, deadline and band.
    expect(queue(desk, VIEWERS.claire).refs).toEqual(refsOf(desk, [a, b, c]));
    expect(queue(desk, VIEWERS.claire, { order: 'newest' }).refs).toEqual(refsOf(desk, [c, b, a]));
    expect(queue(desk, VIEWERS.claire, { order: 'oldest' }).refs).toEqual(refsOf(desk, [a, b, c]));
    expect(queue(desk, VIEWERS.claire, { order: 'ref' }).refs).toEqual(refsOf(desk, [c, b, a]));
  });

  it('a request drops from due to stale when the clock moves past one action period', () => {
    const { desk, operator } = seeded();
    const p0 = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/p0'] });
    desk.tick(DAY);
    const p2 = createRequest(desk, operator, { priority: 'P2', items: ['https://facebook.com/p2'] });
    // 16 minutes after the P2: the P0's ack deadline passed a day ago (stale), the P2 is due.
    expect(queue(desk, VIEWERS.claire, {}, desk.now + 16 * MINUTE).refs).toEqual(refsOf(desk, [p2, p0]));
    // Back when the P0 had just missed its acknowledgement, it came first.
    expect(queue(desk, VIEWERS.claire, {}, desk.now - DAY + 16 * MINUTE).refs[0]).toBe(desk.request(p0).ref);
  });
});
