import type { DomainEvent } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, standardSetup, waitFor, type Client } from './harness.js';

afterEach(closeAll);

/** Pulls page by page from a cursor until hasMore is false. */
async function pullAll(client: Client, afterSeq: number, limit: number) {
  const events: DomainEvent[] = [];
  const pages: { upToSeq: number; hasMore: boolean; count: number }[] = [];
  let cursor = afterSeq;
  for (;;) {
    const page = await client.pull(cursor, limit);
    if (!page.ok) throw new Error(page.error.message);
    events.push(...page.events);
    pages.push({ upToSeq: page.upToSeq, hasMore: page.hasMore, count: page.events.length });
    cursor = page.upToSeq;
    if (!page.hasMore) return { events, pages, cursor };
  }
}

describe('pull after a disconnection', () => {
  it('returns exactly the gap, in pages', async () => {
    const { h, operator } = await standardSetup();
    const ops = await h.connect(operator);
    const away = await h.connect(operator);
    await createRequest(ops, 'alpha');
    await waitFor(() => away.live.at(-1)?.upToSeq === h.headSeq, 'caught up');
    const cursor = away.live.at(-1)?.upToSeq ?? 0;
    away.close();

    for (let i = 0; i < 7; i += 1) await createRequest(ops, i % 2 ? 'alpha' : 'beta');
    const expected = (await h.eventsAfter(cursor)).filter((e) => e.audience.kind !== 'admin');
    expect(expected.length).toBeGreaterThanOrEqual(7);

    const back = await h.connect(operator);
    const { events, pages, cursor: end } = await pullAll(back, cursor, 3);
    expect(events.map((e) => e.seq)).toEqual(expected.map((e) => e.seq));
    expect(end).toBe(h.headSeq);
    expect(pages.at(-1)?.hasMore).toBe(false);
    for (const page of pages.slice(0, -1)) {
      expect(page).toMatchObject({ hasMore: true, count: 3 });
    }
    // Each page's upToSeq is the last seq it carried, except the final one which says "up to head".
    expect(pages[0]?.upToSeq).toBe(expected[2]?.seq);
    // Nothing more once caught up.
    const nothing = await back.pull(end);
    expect(nothing).toMatchObject({ ok: true, events: [], hasMore: false, upToSeq: h.headSeq });
  });

  it('a liaison pulling gets upToSeq = head even when the last events are not theirs', async () => {
    const { h, operator, liaisonA } = await standardSetup();
    const ops = await h.connect(operator);
    await createRequest(ops, 'alpha');
    await createRequest(ops, 'beta');
    const alpha = await h.connect(liaisonA);
    const head = h.headSeq; // the pull itself records a receipt afterwards
    const page = await alpha.pull(0, 1000);
    if (!page.ok) throw new Error(page.error.message);
    expect(page.events.at(-1)?.seq).toBeLessThan(head);
    expect(page.upToSeq).toBe(head);
    expect(page.hasMore).toBe(false);
  });

  it('a cursor beyond the head is a conflict', async () => {
    const { h, operator } = await standardSetup();
    const ops = await h.connect(operator);
    const response = await ops.pull(h.headSeq + 1);
    expect(response).toMatchObject({ ok: false, error: { code: 'conflict', details: { headSeq: h.headSeq } } });
  });
});
