import { describe, expect, it } from 'vitest';
import { indexRequests, searchTerms } from '../../src/renderer/src/features/queue/queue-index';
import { listRows } from '../../src/renderer/src/features/queue/queue-list';
import { NO_FILTERS } from '../../src/renderer/src/features/queue/queue-filters';
import { orderRows } from '../../src/renderer/src/features/queue/queue-order';
import { tabCounts, triageFacts } from '../../src/renderer/src/features/queue/queue-triage';
import { priorityRanks } from '@contact-desk/shared';
import { createRequest, seeded, VIEWERS } from './queue-world';

describe('the queue index', () => {
  it('searches the ref, grounds, PHAROS ref and item locations, in lower case; names the platform', () => {
    const { desk, operator } = seeded();
    const id = createRequest(desk, operator, { items: ['https://www.Facebook.com/Lantern/1'] });
    desk.must(operator, 'request.edit', { requestId: id, patch: { pharosRef: 'PH-2026-77' } });
    const [entry] = indexRequests(desk.state.requests, desk.state.platforms);
    expect(entry!.platformName).toBe('Meta');
    for (const part of [desk.request(id).ref, 'apology of a terrorist', 'ph-2026-77', 'facebook.com/lantern/1'])
      expect(entry!.search).toContain(part.toLowerCase());
  });

  it('indexes again only the requests that changed, and every one when the platforms change', () => {
    const { desk, operator, prefect } = seeded();
    const first = createRequest(desk, operator);
    const second = createRequest(desk, operator);
    const before = indexRequests(desk.state.requests, desk.state.platforms);
    desk.must(operator, 'request.edit', { requestId: second, patch: { pharosRef: 'PH-9' } });
    const after = indexRequests(desk.state.requests, desk.state.platforms);
    const entryOf = (entries: typeof before, id: string) => entries.find((entry) => entry.request.id === id);
    expect(entryOf(after, first)).toBe(entryOf(before, first));
    expect(entryOf(after, second)).not.toBe(entryOf(before, second));
    expect(entryOf(after, second)!.search).toContain('ph-9');

    desk.must(prefect, 'platform.update', { platformId: 'meta', patch: { name: 'Meta Platforms' } });
    const renamed = indexRequests(desk.state.requests, desk.state.platforms);
    expect(entryOf(renamed, first)!.platformName).toBe('Meta Platforms');
  });

  it('a platform the desk does not know is shown by its id', () => {
    const { desk, operator } = seeded();
    createRequest(desk, operator);
    expect(indexRequests(desk.state.requests, new Map())[0]!.platformName).toBe('meta');
  });

  it('search terms: split on any space, lower case, blanks dropped', () => {
    expect(searchTerms('  Lantern\tPH-2026 \n')).toEqual(['lantern', 'ph-2026']);
    expect(searchTerms('   ')).toEqual([]);
  });
});

describe('the queue list', () => {
  it('keeps a request acted on here listed in a tab it left, and counts it in the tab', () => {
    const { desk, operator } = seeded();
    const acted = createRequest(desk, operator);
    createRequest(desk, operator);
    const index = indexRequests(desk.state.requests, desk.state.platforms);
    const facts = triageFacts(index, desk.now, priorityRanks(desk.state.policy));
    const ordered = orderRows(index, facts, 'ref');
    const ids = (listed: ReturnType<typeof listRows>) => listed.rows.map((row) => row.entry.request.id);

    // Nothing is late yet: the Late tab lists only the request held there.
    expect(tabCounts(index, facts, VIEWERS.lina).late).toBe(0);
    expect(listRows(ordered, 'late', NO_FILTERS, VIEWERS.lina, () => false)).toEqual({ rows: [], inTab: 0 });
    const held = listRows(ordered, 'late', NO_FILTERS, VIEWERS.lina, (id) => id === acted);
    expect(ids(held)).toEqual([acted]);
    expect(held.inTab).toBe(1);
    // The filters still apply to it.
    expect(listRows(ordered, 'late', { ...NO_FILTERS, text: 'nowhere-to-be-found' }, VIEWERS.lina, (id) => id === acted).rows).toEqual([]);
  });
});
