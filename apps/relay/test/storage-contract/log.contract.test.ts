/** Storage contract, the log: head, hashes, the three kinds of pull, a request's timeline, the snapshot. */
import { canSee, DEFAULT_POLICY, emptyState, GENESIS_HASH, newId, type LoggedEvent, type Viewer } from '@contact-desk/shared';
import { expect, it } from 'vitest';
import { hashEvent } from '../../src/audit/event-hash.js';
import type { Storage } from '../../src/storage/storage.js';
import { forEachEngine } from './engines.js';
import { actor, createRequest, IDS, LogWriter, seed, step, T0 } from './log-writer.js';

const VIEWERS: Record<string, Viewer> = {
  prefect: { role: 'prefect', platformId: null },
  operator: { role: 'operator', platformId: null },
  meta: { role: 'liaison', platformId: 'meta' },
  tiktok: { role: 'liaison', platformId: 'tiktok' },
};

/** Every page of a viewer's pull, `limit` events at a time. */
async function pullAll(storage: Storage, viewer: Viewer, limit: number): Promise<LoggedEvent[]> {
  const pulled: LoggedEvent[] = [];
  for (;;) {
    const page = await storage.eventsAfter(viewer, pulled.at(-1)?.seq ?? 0, limit);
    pulled.push(...page);
    if (page.length < limit) return pulled;
  }
}

/**
 * A log with every audience: admin (enrollment codes), ministry (a ministry-only comment),
 * one platform (requests, liaisons), all (a campaign), several platforms (a meeting inviting both),
 * and a meeting record removed again.
 */
async function richLog(writer: LogWriter) {
  await seed(writer);
  const operator = actor(writer, IDS.operator);
  const metaRequest = newId();
  const meetingId = newId();
  const itemId = newId();
  writer.now += 60_000;
  await writer.write([createRequest('meta', metaRequest), createRequest('tiktok')], { actor: operator });
  await writer.write(
    [
      step('comment.add', { commentId: newId(), requestId: metaRequest, body: 'Interne.', visibility: 'ministry' }),
      step('comment.add', { commentId: newId(), requestId: metaRequest, body: 'Merci de traiter en priorité.' }),
    ],
    { actor: operator },
  );
  await writer.write([step('request.acknowledge', { requestId: metaRequest })], { actor: actor(writer, IDS.metaLiaison) });
  writer.now += 60_000;
  await writer.write([
    step('campaign.start', { campaignId: newId(), name: 'Crise de mars' }),
    step('meeting.create', {
      meetingId,
      title: 'Point commun',
      kind: 'regular',
      startsAt: T0 + 86_400_000,
      place: 'Salle 12',
      videoLink: null,
      invitedPlatformIds: ['meta', 'tiktok'],
    }),
    step('agenda.addItem', { itemId, meetingId, kind: 'free', title: 'Point général' }),
  ]);
  await writer.write([step('agenda.removeItem', { itemId })]);
  return { metaRequest, itemId };
}

forEachEngine('the log', (fresh) => {
  it('is empty at first: genesis head, no event, the empty state', async () => {
    const storage = await fresh();
    expect(await storage.head()).toEqual({ seq: 0, hash: GENESIS_HASH });
    expect(await storage.hashAt(1)).toBeUndefined();
    expect(await storage.eventsAfter(VIEWERS.prefect!, 0, 10)).toEqual([]);
    const snapshot = await storage.snapshot();
    expect(snapshot).toEqual({ state: emptyState(), head: { seq: 0, hash: GENESIS_HASH }, lastServerTime: 0 });
    expect(snapshot.state.policy).toEqual(DEFAULT_POLICY);
  });

  it('keeps each written event exactly, chained and gapless, with its hash at its seq', async () => {
    const storage = await fresh();
    const writer = new LogWriter(storage);
    const first = await seed(writer);
    const second = await writer.write([createRequest('meta')], { actor: actor(writer, IDS.operator) });
    const written = [...first.events, ...second.events];
    expect(written.map((event) => event.seq)).toEqual(written.map((_, i) => i + 1));
    const stored = await storage.eventsAfter(VIEWERS.prefect!, 0, 1000);
    expect(stored).toEqual(written);
    let prevHash = GENESIS_HASH;
    for (const event of stored) {
      expect(event.prevHash).toBe(prevHash);
      expect(hashEvent(prevHash, event)).toBe(event.hash);
      expect(await storage.hashAt(event.seq)).toBe(event.hash);
      prevHash = event.hash;
    }
    expect(await storage.head()).toEqual({ seq: written.length, hash: prevHash });
  });

  it('gives each kind of viewer exactly the events it may see, page by page', async () => {
    const storage = await fresh();
    const writer = new LogWriter(storage);
    await richLog(writer);
    const everything = await storage.eventsAfter(VIEWERS.prefect!, 0, 1000);
    expect(new Set(everything.map((event) => event.audience.kind))).toEqual(new Set(['admin', 'ministry', 'platform', 'platforms', 'all']));
    for (const viewer of Object.values(VIEWERS)) {
      const visible = everything.filter((event) => canSee(viewer, event.audience));
      expect(await storage.eventsAfter(viewer, 0, 1000)).toEqual(visible);
      expect(await pullAll(storage, viewer, 2)).toEqual(visible);
      const middle = visible[Math.floor(visible.length / 2)]!.seq;
      expect(await storage.eventsAfter(viewer, middle, 3)).toEqual(visible.filter((event) => event.seq > middle).slice(0, 3));
    }
  });

  it("gives a request's timeline to its platform: its creation, its steps, its shared comments", async () => {
    const storage = await fresh();
    const writer = new LogWriter(storage);
    const { metaRequest } = await richLog(writer);
    const timeline = await storage.requestEvents('meta', metaRequest, 0, 100);
    expect(timeline.map((event) => event.type)).toEqual(['request.created', 'comment.added', 'request.acknowledged']);
    expect(await storage.requestEvents('meta', metaRequest, timeline[0]!.seq, 1)).toEqual([timeline[1]]);
    expect(await storage.requestEvents('tiktok', metaRequest, 0, 100)).toEqual([]);
    expect(await storage.requestEvents('meta', newId(), 0, 100)).toEqual([]);
  });

  it('holds the folded state in the snapshot, with the head and the last relay time', async () => {
    const storage = await fresh();
    const writer = new LogWriter(storage);
    const { itemId } = await richLog(writer);
    const snapshot = await storage.snapshot();
    expect(snapshot.head).toEqual(await storage.head());
    expect(snapshot.lastServerTime).toBe(writer.now);
    expect(snapshot.state).toEqual(writer.state);
    expect(snapshot.state.meetingRecords.has(itemId)).toBe(false);
    expect(snapshot.state.refCounters.get(2026)).toBe(2);
  });
});
