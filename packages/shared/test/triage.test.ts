import { describe, expect, it } from 'vitest';
import {
  compareUrgency,
  DEFAULT_POLICY,
  isLateNow,
  needsActionFrom,
  needsMe,
  priorityRanks,
  triageReason,
  urgencyBand,
  urgencyKey,
  waitingOn,
  type Request,
} from '../src/index.js';
import { HOUR, IDS, MINUTE, createRequest, itemOf, seeded, type Seeded } from './fixtures.js';

const DAY = 24 * HOUR;
const rank = priorityRanks(DEFAULT_POLICY);

/** Sorts requests by the urgency order at `now`; returns their refs. */
function ordered(requests: readonly Request[], now: number): string[] {
  return requests
    .map((request) => ({ request, key: urgencyKey(request, now, rank) }))
    .sort((a, b) => compareUrgency(a.key, b.key) || a.request.ref.localeCompare(b.request.ref))
    .map(({ request }) => request.ref);
}

function received(world: Seeded, requestId: string): void {
  world.desk.receive(requestId);
}

describe('what waits for whom', () => {
  it('the platform owes acknowledgement and answer; the ministry owes information, a look at a contest, and closing', () => {
    const world = seeded();
    const { desk, operator, metaLiaison } = world;
    const id = createRequest(desk, operator);
    const get = () => desk.request(id);
    expect([waitingOn(get()), triageReason(get())]).toEqual(['platform', 'acknowledge']);
    desk.must(metaLiaison, 'request.acknowledge', { requestId: id });
    expect([waitingOn(get()), triageReason(get())]).toEqual(['platform', 'answer']);
    desk.must(metaLiaison, 'request.requestInfo', { requestId: id, question: 'Which one?' });
    expect([waitingOn(get()), triageReason(get())]).toEqual(['ministry', 'provide_info']);
    desk.must(operator, 'request.provideInfo', { requestId: id, answer: 'The first.' });
    desk.must(metaLiaison, 'request.answer', {
      requestId: id,
      items: [0, 1].map((i) => ({ itemId: itemOf(desk, id, i), outcome: 'removed' as const })),
    });
    expect([waitingOn(get()), triageReason(get())]).toEqual(['ministry', 'close']);
    desk.must(operator, 'request.close', { requestId: id });
    expect([waitingOn(get()), triageReason(get())]).toEqual([null, null]);
  });

  it('an information request asks the platform to supply information once acknowledged', () => {
    const { desk, operator, metaLiaison } = seeded();
    const id = createRequest(desk, operator, { kind: 'information' });
    desk.must(metaLiaison, 'request.acknowledge', { requestId: id });
    expect(triageReason(desk.request(id))).toBe('supply_information');
  });
});

describe('late now', () => {
  it('is a passed running deadline on a request still waiting for the platform — not one already answered late', () => {
    const world = seeded();
    const { desk, operator, metaLiaison } = world;
    const id = createRequest(desk, operator, { priority: 'P0' });
    expect(isLateNow(desk.request(id), desk.now + 15 * MINUTE)).toBe(false);
    expect(isLateNow(desk.request(id), desk.now + 16 * MINUTE)).toBe(true);
    desk.tick(30 * MINUTE);
    received(world, id);
    desk.must(metaLiaison, 'request.acknowledge', { requestId: id });
    // Acknowledged late: the action hour now runs from receipt, and is not over.
    expect(isLateNow(desk.request(id), desk.now)).toBe(false);
    desk.tick(2 * HOUR);
    expect(isLateNow(desk.request(id), desk.now)).toBe(true);
    desk.must(metaLiaison, 'request.answer', {
      requestId: id,
      items: [0, 1].map((i) => ({ itemId: itemOf(desk, id, i), outcome: 'removed' as const })),
    });
    expect(isLateNow(desk.request(id), desk.now)).toBe(false);
  });

  it('a paused clock is not late; a withdrawn request is not late', () => {
    const world = seeded();
    const { desk, operator, metaLiaison } = world;
    const asked = createRequest(desk, operator, { priority: 'P0' });
    desk.must(metaLiaison, 'request.requestInfo', { requestId: asked, question: 'Which?' });
    const withdrawn = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/w'] });
    desk.must(operator, 'request.withdraw', { requestId: withdrawn, reason: 'Sent twice.' });
    expect(isLateNow(desk.request(asked), desk.now + DAY)).toBe(false);
    expect(isLateNow(desk.request(withdrawn), desk.now + DAY)).toBe(false);
  });
});

describe('the urgency order', () => {
  it('puts a fresh P0 just past its deadline above requests overdue for 36 days', () => {
    const world = seeded();
    const { desk, operator, metaLiaison } = world;
    const stale: string[] = [];
    for (let i = 0; i < 8; i++) {
      const id = createRequest(desk, operator, { priority: 'P0', items: [`https://facebook.com/old/${i}`] });
      received(world, id);
      desk.must(metaLiaison, 'request.acknowledge', { requestId: id });
      stale.push(id);
    }
    desk.tick(36 * DAY);
    // Created 1 h 17 ago, received at once, acknowledged: its action hour passed 17 minutes ago.
    desk.tick(-(77 * MINUTE));
    const fresh = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/fresh'] });
    received(world, fresh);
    desk.must(metaLiaison, 'request.acknowledge', { requestId: fresh });
    desk.tick(77 * MINUTE);
    const requests = [...stale, fresh].map((id) => desk.request(id));
    expect(urgencyBand(desk.request(fresh), desk.now)).toBe('due');
    expect(stale.map((id) => urgencyBand(desk.request(id), desk.now))).toEqual(stale.map(() => 'stale'));
    expect(ordered(requests, desk.now)[0]).toBe(desk.request(fresh).ref);
  });

  it('opens on what is due now, not on P2 requests 40 days late', () => {
    const world = seeded();
    const { desk, operator } = world;
    const oldP2 = createRequest(desk, operator, { priority: 'P2', items: ['https://facebook.com/p2'] });
    desk.tick(40 * DAY);
    const dueP1 = createRequest(desk, operator, { priority: 'P1', items: ['https://facebook.com/p1'] });
    desk.tick(10 * MINUTE);
    const refs = ordered([desk.request(oldP2), desk.request(dueP1)], desk.now);
    expect(refs).toEqual([desk.request(dueP1).ref, desk.request(oldP2).ref]);
  });

  it('within what is due: priority first, then the earliest deadline — just missed above about to miss', () => {
    const world = seeded();
    const { desk, operator } = world;
    const p1 = createRequest(desk, operator, { priority: 'P1', items: ['https://facebook.com/a'] });
    const missed = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/b'] });
    desk.tick(10 * MINUTE);
    const soon = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/c'] });
    desk.tick(10 * MINUTE);
    // missed: ack deadline 5 minutes ago; soon: due in 5 minutes; p1: due in 40 minutes.
    const refs = ordered(
      [p1, soon, missed].map((id) => desk.request(id)),
      desk.now,
    );
    expect(refs).toEqual([missed, soon, p1].map((id) => desk.request(id).ref));
  });

  it('stale ones come most recently missed first; then what nobody has to do', () => {
    const world = seeded();
    const { desk, operator } = world;
    const older = createRequest(desk, operator, { priority: 'P2', items: ['https://facebook.com/1'] });
    desk.tick(3 * DAY);
    const newer = createRequest(desk, operator, { priority: 'P2', items: ['https://facebook.com/2'] });
    const closed = createRequest(desk, operator, { priority: 'P0', items: ['https://facebook.com/3'] });
    desk.must(operator, 'request.withdraw', { requestId: closed, reason: 'Mistake.' });
    desk.tick(10 * DAY);
    const refs = ordered(
      [older, closed, newer].map((id) => desk.request(id)),
      desk.now,
    );
    expect(refs).toEqual([newer, older, closed].map((id) => desk.request(id).ref));
  });
});

describe('whose action it needs', () => {
  it('a liaison: their platform’s requests waiting for the platform; the badge leaves out a colleague’s', () => {
    const world = seeded();
    const { desk, operator, metaLiaison, metaBackup, tiktokLiaison } = world;
    const id = createRequest(desk, operator);
    const lina = { userId: IDS.metaLiaison, role: 'liaison' as const, platformId: 'meta' };
    const tom = { userId: IDS.tiktokLiaison, role: 'liaison' as const, platformId: 'tiktok' };
    expect(needsActionFrom(desk.request(id), lina)).toBe(true);
    expect(needsActionFrom(desk.request(id), tom)).toBe(false);
    desk.must(metaBackup, 'request.assign', { requestId: id, assigneeId: IDS.metaBackup });
    expect(needsActionFrom(desk.request(id), lina)).toBe(true);
    expect(needsMe(desk.request(id), lina)).toBe(false);
    expect(needsMe(desk.request(id), { ...lina, userId: IDS.metaBackup })).toBe(true);
    expect(metaLiaison && tiktokLiaison).toBeTruthy();
  });

  it('the ministry: what waits for the ministry; an observer owes nothing', () => {
    const { desk, operator, metaLiaison } = seeded();
    const id = createRequest(desk, operator);
    desk.must(metaLiaison, 'request.requestInfo', { requestId: id, question: 'Which?' });
    const olivier = { userId: IDS.operator, role: 'operator' as const, platformId: null };
    expect(needsMe(desk.request(id), olivier)).toBe(true);
    expect(needsMe(desk.request(id), { userId: IDS.prefect, role: 'prefect', platformId: null })).toBe(false);
    expect(needsActionFrom(desk.request(id), { userId: IDS.observer, role: 'observer', platformId: null })).toBe(false);
  });
});
