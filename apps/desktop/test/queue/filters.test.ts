import { describe, expect, it } from 'vitest';
import { NO_FILTERS, isFiltered } from '../../src/renderer/src/features/queue/queue-filters';
import { DAY, IDS, VIEWERS, createRequest, queue, refsOf, seeded } from './queue-world';

function world() {
  const w = seeded();
  const { desk, operator, prefect, metaLiaison, metaBackup } = w;
  const ids = {
    p0Meta: createRequest(desk, operator, { priority: 'P0', items: ['https://www.facebook.com/watch/?v=lantern'] }),
    p1Meta: createRequest(desk, operator, { priority: 'P1', items: ['https://www.facebook.com/groups/9'] }),
    p2Tiktok: createRequest(desk, prefect, { priority: 'P2', platformId: 'tiktok', items: ['https://www.tiktok.com/@a/video/7'] }),
  };
  desk.must(metaLiaison, 'request.assign', { requestId: ids.p0Meta, assigneeId: IDS.metaLiaison });
  desk.must(metaBackup, 'request.assign', { requestId: ids.p1Meta, assigneeId: IDS.metaBackup });
  desk.must(metaLiaison, 'request.acknowledge', { requestId: ids.p1Meta });
  // Two days unacknowledged: the escalation chain ran up to the prefect for the P0.
  desk.tick(2 * DAY);
  desk.watch();
  return { ...w, ids };
}

describe('the queue filters', () => {
  it('by owner on the viewer’s side: me, nobody, a colleague', () => {
    const { desk, ids } = world();
    expect(queue(desk, VIEWERS.lina, { filters: { owner: 'me' } }).refs).toEqual(refsOf(desk, [ids.p0Meta]));
    expect(queue(desk, VIEWERS.lina, { filters: { owner: `user:${IDS.metaBackup}` } }).refs).toEqual(refsOf(desk, [ids.p1Meta]));
    expect(queue(desk, VIEWERS.lina, { filters: { owner: 'none' } }).refs).toEqual(refsOf(desk, [ids.p2Tiktok]));
    // The ministry's side: the operator created two, the prefect one.
    expect(queue(desk, VIEWERS.olivier, { filters: { owner: 'me' } }).refs.sort()).toEqual(refsOf(desk, [ids.p0Meta, ids.p1Meta]).sort());
    expect(queue(desk, VIEWERS.olivier, { filters: { owner: `user:${IDS.prefect}` } }).refs).toEqual(refsOf(desk, [ids.p2Tiktok]));
    expect(queue(desk, VIEWERS.olivier, { filters: { owner: 'none' } }).refs).toEqual([]);
    // An observer owns nothing: "me" keeps nothing.
    expect(queue(desk, VIEWERS.anne, { filters: { owner: 'me' } }).refs).toEqual([]);
  });

  it('by escalation level, priority, platform, status and campaign, combined', () => {
    const { desk, ids } = world();
    const levels = new Map([...desk.state.requests.values()].map((request) => [request.ref, request.escalationLevel]));
    expect(levels.get(desk.request(ids.p0Meta).ref)).toBeGreaterThan(0);
    const escalated = queue(desk, VIEWERS.claire, { filters: { levels: new Set([1, 2, 3]) } }).refs;
    expect(escalated).toContain(desk.request(ids.p0Meta).ref);
    expect(escalated.every((ref) => (levels.get(ref) ?? 0) > 0)).toBe(true);
    expect(queue(desk, VIEWERS.claire, { filters: { levels: new Set([0]) } }).refs.every((ref) => levels.get(ref) === 0)).toBe(true);
    expect(queue(desk, VIEWERS.claire, { filters: { priorities: new Set(['P0', 'P2']) } }).refs.sort()).toEqual(
      refsOf(desk, [ids.p0Meta, ids.p2Tiktok]).sort(),
    );
    expect(queue(desk, VIEWERS.claire, { filters: { platforms: new Set(['tiktok']) } }).refs).toEqual(refsOf(desk, [ids.p2Tiktok]));
    expect(queue(desk, VIEWERS.claire, { filters: { statuses: new Set(['acknowledged']) } }).refs).toEqual(refsOf(desk, [ids.p1Meta]));
    expect(queue(desk, VIEWERS.claire, { filters: { platforms: new Set(['meta']), priorities: new Set(['P2']) } }).refs).toEqual([]);
    expect(queue(desk, VIEWERS.claire, { filters: { campaigns: new Set(['Nowhere']) } }).refs).toEqual([]);
  });

  it('search: every word must appear in the ref, an item location or the grounds, any case', () => {
    const { desk, ids } = world();
    expect(queue(desk, VIEWERS.claire, { filters: { text: 'LANTERN' } }).refs).toEqual(refsOf(desk, [ids.p0Meta]));
    expect(queue(desk, VIEWERS.claire, { filters: { text: 'tiktok video' } }).refs).toEqual(refsOf(desk, [ids.p2Tiktok]));
    expect(queue(desk, VIEWERS.claire, { filters: { text: desk.request(ids.p1Meta).ref.toLowerCase() } }).refs).toEqual(
      refsOf(desk, [ids.p1Meta]),
    );
    expect(queue(desk, VIEWERS.claire, { filters: { text: 'lantern tiktok' } }).refs).toEqual([]);
  });

  it('filters apply within the tab: the count of the tab stays, the rows shrink', () => {
    const { desk, ids } = world();
    const { refs, inTab } = queue(desk, VIEWERS.lina, { tab: 'action', filters: { owner: 'me' } });
    expect(refs).toEqual(refsOf(desk, [ids.p0Meta]));
    expect(inTab).toBe(2);
  });

  it('knows when anything is filtered (blank search text is not)', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, text: '   ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, text: 'x' })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, owner: 'none' })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, levels: new Set([3]) })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, campaigns: new Set(['Op']) })).toBe(true);
  });
});
