import { describe, expect, it } from 'vitest';
import { defaultTab, tabsFor } from '../../src/renderer/src/features/queue/queue-triage';
import { DAY, HOUR, IDS, MINUTE, VIEWERS, createRequest, queue, refsOf, seeded } from './queue-world';

function answerAll(world: ReturnType<typeof seeded>, id: string) {
  const items = world.desk.request(id).items.map((item) => ({ itemId: item.id, outcome: 'removed' as const }));
  world.desk.must(world.metaLiaison, 'request.answer', { requestId: id, items });
}

describe('the triage tabs', () => {
  it('Needs action: a liaison’s platform requests waiting for the platform; the ministry’s waiting for the ministry', () => {
    const world = seeded();
    const { desk, operator, metaLiaison } = world;
    const metaOpen = createRequest(desk, operator);
    const tiktokOpen = createRequest(desk, operator, { platformId: 'tiktok', items: ['https://www.tiktok.com/@x/video/1'] });
    const asked = createRequest(desk, operator, { items: ['https://facebook.com/asked'] });
    desk.must(metaLiaison, 'request.requestInfo', { requestId: asked, question: 'Which one?' });
    const answered = createRequest(desk, operator, { items: ['https://facebook.com/answered'] });
    answerAll(world, answered);
    const closed = createRequest(desk, operator, { items: ['https://facebook.com/closed'] });
    answerAll(world, closed);
    desk.must(operator, 'request.close', { requestId: closed });

    expect(queue(desk, VIEWERS.lina, { tab: 'action' }).refs.sort()).toEqual(refsOf(desk, [metaOpen]).sort());
    expect(queue(desk, VIEWERS.tom, { tab: 'action' }).refs).toEqual(refsOf(desk, [tiktokOpen]));
    expect(queue(desk, VIEWERS.olivier, { tab: 'action' }).refs.sort()).toEqual(refsOf(desk, [asked, answered]).sort());
    expect(queue(desk, VIEWERS.anne, { tab: 'action' }).refs).toEqual([]);
    // All lists whatever the device holds (the relay sends a liaison their platform's requests only).
    expect(queue(desk, VIEWERS.lina, { tab: 'all' }).refs).toHaveLength(5);
  });

  it('Late: a running deadline passed on a request still waiting — not one answered late, closed or withdrawn', () => {
    const world = seeded();
    const { desk, operator, metaLiaison } = world;
    const lateOpen = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/1'] });
    const answeredLate = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/2'] });
    const withdrawn = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/3'] });
    const closedLate = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/6'] });
    const paused = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/4'] });
    desk.must(metaLiaison, 'request.requestInfo', { requestId: paused, question: 'Which?' });
    desk.tick(2 * HOUR);
    answerAll(world, answeredLate);
    answerAll(world, closedLate);
    desk.must(operator, 'request.close', { requestId: closedLate });
    desk.must(operator, 'request.withdraw', { requestId: withdrawn, reason: 'Sent twice.' });
    desk.tick(DAY);
    const { refs, counts } = queue(desk, VIEWERS.anne, { tab: 'late' });
    expect(refs).toEqual(refsOf(desk, [lateOpen]));
    expect(counts.late).toBe(1);
    // On time a minute earlier than its deadline: not late.
    const fresh = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/5'] });
    expect(queue(desk, VIEWERS.anne, { tab: 'late' }, desk.now + 14 * MINUTE).refs).not.toContain(desk.request(fresh).ref);
    expect(queue(desk, VIEWERS.anne, { tab: 'late' }, desk.now + 16 * MINUTE).refs).toContain(desk.request(fresh).ref);
  });

  it('Mine: what I handle on my side; a colleague’s request stays in Needs action but leaves its count', () => {
    const world = seeded();
    const { desk, operator, metaBackup, metaLiaison } = world;
    const taken = createRequest(desk, operator, { items: ['https://facebook.com/taken'] });
    const free = createRequest(desk, operator, { items: ['https://facebook.com/free'] });
    const mine = createRequest(desk, operator, { items: ['https://facebook.com/mine'] });
    desk.must(metaBackup, 'request.assign', { requestId: taken, assigneeId: IDS.metaBackup });
    desk.must(metaLiaison, 'request.assign', { requestId: mine, assigneeId: IDS.metaLiaison });

    const lina = queue(desk, VIEWERS.lina, { tab: 'action' });
    expect(lina.refs.sort()).toEqual(refsOf(desk, [taken, free, mine]).sort());
    expect(lina.counts.actionRows).toBe(3);
    expect(lina.counts.action).toBe(2);
    expect(queue(desk, VIEWERS.lina, { tab: 'mine' }).refs).toEqual(refsOf(desk, [mine]));
    expect(queue(desk, VIEWERS.bruno, { tab: 'mine' }).refs).toEqual(refsOf(desk, [taken]));
    // The operator created all three: the ministry side is his.
    expect(queue(desk, VIEWERS.olivier, { tab: 'mine' }).refs).toHaveLength(3);
    expect(queue(desk, VIEWERS.claire, { tab: 'mine' }).refs).toEqual([]);
  });

  it('counts: All is every request the viewer holds, Late and Mine count their rows', () => {
    const world = seeded();
    const { desk, operator } = world;
    createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/a'] });
    createRequest(desk, operator, { priority: 'P2', items: ['https://facebook.com/b'] });
    desk.tick(20 * MINUTE);
    expect(queue(desk, VIEWERS.olivier).counts).toEqual({ action: 0, actionRows: 0, late: 1, mine: 2, all: 2 });
    expect(queue(desk, VIEWERS.lina).counts).toEqual({ action: 2, actionRows: 2, late: 1, mine: 0, all: 2 });
    expect(queue(desk, VIEWERS.anne).counts).toEqual({ action: 0, actionRows: 0, late: 1, mine: 0, all: 2 });
  });

  it('observers have Late and All only and open on Late; the others open on Needs action', () => {
    expect(tabsFor(VIEWERS.anne)).toEqual(['late', 'all']);
    expect(defaultTab(VIEWERS.anne)).toBe('late');
    for (const viewer of [VIEWERS.lina, VIEWERS.olivier, VIEWERS.claire]) {
      expect(tabsFor(viewer)).toEqual(['action', 'late', 'mine', 'all']);
      expect(defaultTab(viewer)).toBe('action');
    }
  });

  it('a request acted on here stays listed while held, even after it left the tab', () => {
    const world = seeded();
    const { desk, operator } = world;
    const id = createRequest(desk, operator);
    answerAll(world, id);
    desk.must(operator, 'request.close', { requestId: id });
    const ref = desk.request(id).ref;
    expect(queue(desk, VIEWERS.olivier, { tab: 'action' }).refs).toEqual([]);
    expect(queue(desk, VIEWERS.olivier, { tab: 'action', held: (held) => held === id }).refs).toEqual([ref]);
  });
});
