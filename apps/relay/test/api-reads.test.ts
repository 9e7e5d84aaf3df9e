/**
 * Reading through the REST API: a platform's tool gets its own platform's requests, in the triage
 * order of docs/triage.md, filtered and paged; one request with what its liaison may see of it;
 * and the relay records that the platform received what it read.
 */
import { newId } from '@contact-desk/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestDetailSchema, requestPageSchema } from '../src/api/api-views.js';
import { closeAll, MINUTE, T0, waitFor } from './harness.js';
import { acceptedSeqs, apiWorld, type ApiWorld } from './api/api-world.js';
import type { IssuedKey } from './api/api-client.js';

const HOUR = 60 * MINUTE;
let w: ApiWorld;
beforeEach(async () => {
  w = await apiWorld();
});
afterEach(closeAll);

async function list(
  key: IssuedKey,
  query = '',
): Promise<{ refs: string[]; ids: string[]; nextCursor: string | null; body: ReturnType<typeof requestPageSchema.parse> }> {
  const reply = await w.api('GET', `/api/v1/requests${query}`, { key: key.key });
  expect(reply.status, reply.text).toBe(200);
  const body = requestPageSchema.parse(reply.json());
  return { refs: body.requests.map((r) => r.ref), ids: body.requests.map((r) => r.id), nextCursor: body.nextCursor, body };
}

/** Creates a request at a relay time (the relay's time never goes back: call in time order). */
async function requestAt(at: number, platformId: string, priority: string): Promise<{ id: string; ref: string }> {
  w.h.clock.set(at);
  const id = await w.request(platformId, { priority });
  await waitFor(() => w.h.core.view.requests.get(id)?.receivedAt === at, 'the receipt by the connected liaison');
  return { id, ref: w.h.core.view.requests.get(id)?.ref ?? '' };
}

describe('the list of requests', () => {
  it('holds the key’s platform’s requests only, in the urgency order of docs/triage.md', async () => {
    const now = T0 + 10 * 24 * HOUR;
    // Received at once, so that the action deadlines run (a connected device of the platform).
    await w.h.connect(w.liaisonA);
    const stale = await requestAt(now - 3 * 24 * HOUR, 'alpha', 'P2');
    const withdrawn = await requestAt(now - 3 * HOUR, 'alpha', 'P0');
    const contested = await requestAt(now - 2 * HOUR, 'alpha', 'P1');
    const p1Due40 = await requestAt(now - 20 * MINUTE, 'alpha', 'P1');
    const p0Missed5 = await requestAt(now - 20 * MINUTE, 'alpha', 'P0');
    const p0Due5 = await requestAt(now - 10 * MINUTE, 'alpha', 'P0');
    w.h.clock.set(now);
    await w.request('beta');
    expect((await w.operator.act('request.withdraw', { requestId: withdrawn.id, reason: 'Sent twice.' })).status).toBe('accepted');
    acceptedSeqs(await w.write(w.keys.alphaAct, contested.id, 'contest', { reason: 'Satire.' }));

    const { refs, body } = await list(w.keys.alphaRead);
    // Due first (a P0 missed five minutes ago, a P0 due in five, a P1 due in forty), then the
    // ministry's move, then the long overdue, then what is settled.
    expect(refs).toEqual([p0Missed5.ref, p0Due5.ref, p1Due40.ref, contested.ref, stale.ref, withdrawn.ref]);
    expect(body.requests.every((r) => r.platformId === 'alpha')).toBe(true);
    expect(body.requests[0]).toMatchObject({
      late: true,
      waitingOn: 'platform',
      reason: 'acknowledge',
      deadlines: { running: { step: 'ack', at: now - 5 * MINUTE } },
    });
    expect(body.requests[3]).toMatchObject({ late: false, waitingOn: 'ministry', reason: 'review_contest', deadlines: { running: null } });
    expect(body.requests[5]).toMatchObject({ waitingOn: null, reason: null });
    expect((await list(w.keys.betaRead)).body.requests.map((r) => r.platformId)).toEqual(['beta']);
  });

  it('filters by status, whose move it is, lateness and last change, and orders by last change', async () => {
    // A connected device receives each request at once: reading the list changes nothing.
    await w.h.connect(w.liaisonA);
    const a = await w.request('alpha');
    const b = await w.request('alpha', { priority: 'P2' });
    w.h.clock.advance(20 * MINUTE);
    const c = await w.request('alpha');
    acceptedSeqs(await w.write(w.keys.alphaAct, c, 'request-info', { question: 'Which post?' }));
    const since = w.h.clock.now();
    w.h.clock.advance(MINUTE);
    acceptedSeqs(await w.write(w.keys.alphaAct, b, 'acknowledge'));
    expect((await list(w.keys.alphaRead, '?status=needs_info')).ids).toEqual([c]);
    expect((await list(w.keys.alphaRead, '?status=open,acknowledged')).ids.sort()).toEqual([a, b].sort());
    expect((await list(w.keys.alphaRead, '?waiting=ministry')).ids).toEqual([c]);
    // The P0 created 20 minutes ago missed its 15-minute acknowledgement; the P2 has 4 hours.
    expect((await list(w.keys.alphaRead, '?late=true')).ids).toEqual([a]);
    expect((await list(w.keys.alphaRead, '?late=false&waiting=platform')).ids).toEqual([b]);
    expect((await list(w.keys.alphaRead, `?updatedSince=${since}`)).ids).toEqual([b]);
    expect((await list(w.keys.alphaRead, '?order=updated')).ids).toEqual([a, c, b]);
  });

  it('is paged with an opaque cursor: every request once, whatever the page size', async () => {
    for (let i = 0; i < 7; i += 1) {
      w.h.clock.advance(MINUTE);
      await w.request('alpha', { priority: ['P0', 'P1', 'P2'][i % 3] });
    }
    for (const order of ['urgency', 'updated']) {
      const whole = await list(w.keys.alphaRead, `?order=${order}`);
      expect(whole.ids).toHaveLength(7);
      const walked: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        // The clock moves between pages: the walk keeps the order of its first page.
        w.h.clock.advance(HOUR);
        const page = await list(w.keys.alphaRead, `?order=${order}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        walked.push(...page.ids);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null);
      expect(pages).toBe(3);
      expect(walked, order).toEqual(whole.ids);
    }
    const first = await list(w.keys.alphaRead, '?limit=2');
    const crossed = await w.api('GET', `/api/v1/requests?order=updated&cursor=${first.nextCursor}`, { key: w.keys.alphaRead.key });
    expect([crossed.status, crossed.json()]).toMatchObject([
      400,
      { error: { code: 'invalid_payload', details: { issues: [{ path: 'cursor' }] } } },
    ]);
  });

  it('refuses a query it does not understand, with the issue named', async () => {
    for (const [query, path] of [
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?limit=ten', 'limit'],
      ['?status=open,lost', 'status.1'],
      ['?late=yes', 'late'],
      ['?waiting=nobody', 'waiting'],
      ['?updatedSince=-1', 'updatedSince'],
      ['?cursor=bm90IGEgY3Vyc29y', 'cursor'],
      ['?order=priority', 'order'],
      ['?limit=1&limit=2', 'limit'],
      ['?platform=beta', ''],
    ]) {
      const reply = await w.api('GET', `/api/v1/requests${query}`, { key: w.keys.alphaRead.key });
      expect(reply.status, query).toBe(400);
      expect(reply.json<{ error: { code: string; details: { issues: { path: string }[] } } }>().error, query).toMatchObject({
        code: 'invalid_payload',
        details: { issues: [{ path }] },
      });
    }
  });

  it('records the receipt of requests the platform had not received yet, and of nothing else', async () => {
    const pending = await w.request('alpha');
    const closed = await w.request('alpha');
    expect((await w.operator.act('request.withdraw', { requestId: closed, reason: 'Mistake.' })).status).toBe('accepted');
    w.h.clock.advance(5 * MINUTE);
    await list(w.keys.alphaRead);
    const request = await waitFor(
      () => w.h.core.view.requests.get(pending)?.receivedAt !== null && w.h.core.view.requests.get(pending),
      'the receipt',
    );
    expect(request.receivedAt).toBe(T0 + 5 * MINUTE);
    const receipts = (await w.h.eventsAfter(0)).filter((event) => event.type === 'request.received');
    expect(receipts.map((event) => event.payload)).toEqual([{ requestId: pending, deviceId: `apikey:${w.keys.alphaRead.id}` }]);
    expect(w.h.core.view.requests.get(closed)?.receivedAt).toBeNull();
  });
});

describe('one request', () => {
  it('shows what the platform’s liaison sees: items and answers, shared comments only, owners, escalation, deadlines, timeline', async () => {
    const liaisonA = await w.h.connect(w.liaisonA);
    const requestId = await w.request('alpha', { items: ['https://video.example/1', 'https://video.example/2'], pharosRef: 'PH-2026-42' });
    const backup = await w.h.user('liaison', 'alpha');
    expect((await w.prefect.act('platform.update', { platformId: 'alpha', patch: { backupLiaisonId: backup.userId } })).status).toBe(
      'accepted',
    );
    expect((await w.operator.act('request.escalate', { requestId, note: 'No answer by phone.' })).status).toBe('accepted');
    expect((await w.operator.act('comment.add', { commentId: newId(), requestId, body: 'Shared with the platform.' })).status).toBe(
      'accepted',
    );
    expect(
      (await w.operator.act('comment.add', { commentId: newId(), requestId, body: 'Ministry only.', visibility: 'ministry' })).status,
    ).toBe('accepted');
    expect((await liaisonA.act('request.assign', { requestId, assigneeId: w.liaisonA.userId })).status).toBe('accepted');
    acceptedSeqs(await w.write(w.keys.alphaAct, requestId, 'answer', { items: [{ itemId: `${requestId}/1`, outcome: 'removed' }] }));

    const reply = await w.api('GET', `/api/v1/requests/${requestId}`, { key: w.keys.alphaRead.key });
    expect(reply.status).toBe(200);
    const { request } = reply.json<{ request: unknown }>() as { request: ReturnType<typeof requestDetailSchema.parse> };
    requestDetailSchema.parse(request);
    expect(reply.text).not.toContain('Ministry only.');
    expect(request).toMatchObject({
      id: requestId,
      pharosRef: 'PH-2026-42',
      status: 'acknowledged',
      escalationLevel: 1,
      escalation: { level: 1, target: 'backup_liaison', people: [{ userId: backup.userId }] },
      owners: { platform: { userId: w.liaisonA.userId } },
      items: [
        { id: `${requestId}/1`, answer: { outcome: 'removed', by: `apikey:${w.keys.alphaAct.id}` } },
        { id: `${requestId}/2`, answer: null },
      ],
      comments: [{ body: 'Shared with the platform.' }],
      deadlines: { running: { step: 'action' } },
    });
    // The timeline is exactly the request's events the platform's liaison pulls.
    const pulled = await liaisonA.pull(0, 1000);
    if (!pulled.ok) throw new Error(pulled.error.code);
    const expected = pulled.events.filter((event) => JSON.stringify(event.payload).includes(requestId)).map((event) => event.seq);
    expect(request.timeline.events.map((event) => event.seq)).toEqual(expected);
    expect(request.timeline.events.map((event) => event.type)).toContain('request.escalated');

    // Paged: two at a time, the same events.
    const walked: number[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const page = await w.api('GET', `/api/v1/requests/${requestId}?timelineLimit=2&timelineAfter=${after}`, {
        key: w.keys.alphaRead.key,
      });
      const timeline: { events: { seq: number }[]; nextAfter: number | null } = page.json<{
        request: { timeline: { events: { seq: number }[]; nextAfter: number | null } };
      }>().request.timeline;
      walked.push(...timeline.events.map((event) => event.seq));
      after = timeline.nextAfter;
    }
    expect(walked).toEqual(expected);
  });

  it('another platform’s request is answered exactly as one that does not exist', async () => {
    const betaRequest = await w.request('beta');
    const phantom = newId();
    const other = await w.api('GET', `/api/v1/requests/${betaRequest}`, { key: w.keys.alphaAct.key });
    const none = await w.api('GET', `/api/v1/requests/${phantom}`, { key: w.keys.alphaAct.key });
    expect(other.status).toBe(404);
    expect([other.status, other.text.replaceAll(betaRequest, '<id>')]).toEqual([none.status, none.text.replaceAll(phantom, '<id>')]);
    expect(other.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The other platform's request was not received because alpha's tool asked for it.
    expect(w.h.core.view.requests.get(betaRequest)?.receivedAt).toBeNull();
  });
});
