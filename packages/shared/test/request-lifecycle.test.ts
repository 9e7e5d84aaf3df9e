import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, T0, createRequest, itemOf, seeded } from './fixtures.js';

describe('request lifecycle: create → acknowledge → answer → close', () => {
  it('creates an open request with a relay reference, normalised items and the policy in force', () => {
    const { desk, operator } = seeded();
    const requestId = desk.freshId();
    const { decision, events } = desk.must(operator, 'request.create', {
      requestId,
      platformId: 'meta',
      kind: 'removal',
      priority: 'P0',
      items: ['https://www.facebook.com/watch/?v=42&utm_source=x', '@Some.Account'],
      category: 'terrorism_apology',
      grounds: 'Apology of terrorism.',
    });
    expect(decision).toMatchObject({ ok: true, data: { ref: 'CD-2026-000001' } });
    expect(events.map((event) => event.type)).toEqual(['request.created']);
    const request = desk.request(requestId);
    expect(request).toMatchObject({
      ref: 'CD-2026-000001',
      platformId: 'meta',
      status: 'open',
      createdAt: T0,
      createdBy: operator.userId,
      ackAt: null,
      answeredAt: null,
      receivedAt: null,
      escalationLevel: 0,
      sla: { label: 'P0', ackMs: 15 * MINUTE, actionMs: HOUR, policyVersion: 1 },
    });
    expect(request.items.map((item) => [item.id, item.normalized])).toEqual([
      [`${requestId}/1`, 'facebook.com/watch?v=42'],
      [`${requestId}/2`, '@some.account'],
    ]);
    expect(desk.state.refCounters.get(2026)).toBe(1);
  });

  it('numbers references in sequence within the year', () => {
    const { desk, operator } = seeded();
    createRequest(desk, operator);
    const second = createRequest(desk, operator, { platformId: 'tiktok' });
    expect(desk.request(second).ref).toBe('CD-2026-000002');
  });

  it('records the acknowledgement with the relay time, the liaison and their own clock', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    desk.tick(10 * MINUTE);
    const { events } = desk.must(metaLiaison, 'request.acknowledge', { requestId }, T0 + 3 * MINUTE);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'request.acknowledged', payload: { implicit: false } });
    expect(desk.request(requestId)).toMatchObject({
      status: 'acknowledged',
      ackAt: T0 + 10 * MINUTE,
      ackBy: metaLiaison.userId,
      ackClientTime: T0 + 3 * MINUTE,
    });
  });

  it('answers item by item: partial keeps the status, the last item completes the answer', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(metaLiaison, 'request.acknowledge', { requestId });
    desk.tick(HOUR);
    const first = desk.must(metaLiaison, 'request.answer', {
      requestId,
      items: [{ itemId: itemOf(desk, requestId, 0), outcome: 'removed' }],
    });
    expect(first.events[0]).toMatchObject({ type: 'request.answered', payload: { complete: false } });
    const partial = desk.request(requestId);
    expect(partial.status).toBe('acknowledged');
    expect(partial.answeredAt).toBeNull();
    expect(partial.items[0]?.answer).toEqual({
      outcome: 'removed',
      reason: null,
      ground: null,
      at: T0 + HOUR,
      by: metaLiaison.userId,
    });
    expect(partial.items[1]?.answer).toBeNull();

    desk.tick(30 * MINUTE);
    const last = desk.must(metaLiaison, 'request.answer', {
      requestId,
      items: [
        {
          itemId: itemOf(desk, requestId, 1),
          outcome: 'cannot_execute',
          reason: 'The URL points to a private group we cannot reach.',
          ground: 'technical_impossibility',
        },
      ],
    });
    expect(last.events[0]).toMatchObject({ payload: { complete: true } });
    const answered = desk.request(requestId);
    expect(answered.status).toBe('answered');
    expect(answered.answeredAt).toBe(T0 + 90 * MINUTE);
    expect(answered.items[1]?.answer).toMatchObject({ outcome: 'cannot_execute', ground: 'technical_impossibility' });

    desk.tick(MINUTE);
    desk.must(operator, 'request.close', { requestId, note: 'Done.' });
    expect(desk.request(requestId)).toMatchObject({ status: 'closed', closedAt: T0 + 91 * MINUTE });
  });

  it('refuses answers naming an unknown item or the same item twice', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    const unknown = desk.submit(metaLiaison, 'request.answer', {
      requestId,
      items: [{ itemId: `${requestId}/9`, outcome: 'removed' }],
    });
    expect(unknown.decision).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const item = itemOf(desk, requestId, 0);
    const twice = desk.submit(metaLiaison, 'request.answer', {
      requestId,
      items: [
        { itemId: item, outcome: 'removed' },
        { itemId: item, outcome: 'not_found' },
      ],
    });
    expect(twice.decision).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(desk.request(requestId).status).toBe('open');
  });
});
