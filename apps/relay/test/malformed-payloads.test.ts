import { LIMITS } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequestArgs, mutation, standardSetup } from './harness.js';

afterEach(closeAll);

describe('malformed payloads get typed errors and the socket stays usable', () => {
  it('bad pushes', async () => {
    const { h, operator } = await standardSetup();
    const ops = await h.connect(operator);
    const head = h.headSeq;
    const huge = 'x'.repeat(20_000);

    for (const payload of [null, 42, 'push', [], {}, { mutations: [] }, { mutations: 'all' }, { mutations: [], extra: 1 }]) {
      expect(await ops.pushRaw(payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    const tooMany = Array.from({ length: LIMITS.mutationsPerPush + 1 }, () => mutation('request.create', createRequestArgs('alpha')));
    expect(await ops.push(tooMany)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });

    const bad = [
      mutation('request.create', { ...createRequestArgs('alpha'), grounds: huge }),
      mutation('request.create', { ...createRequestArgs('alpha'), priority: 7 }),
      mutation('request.create', { ...createRequestArgs('alpha'), items: 'https://x.example' }),
      mutation('request.teleport', {}),
      { ...mutation('request.create', createRequestArgs('alpha')), mutationId: 'not-a-uuid' },
      { ...mutation('request.create', createRequestArgs('alpha')), clientTime: 'yesterday' },
      'just a string',
      mutation(huge, {}),
    ];
    const response = await ops.push(bad);
    if (!response.ok) throw new Error(response.error.message);
    const codes = response.results.map((r) => (r.status === 'rejected' ? r.error.code : r.status));
    expect(codes).toEqual([
      'invalid_payload',
      'invalid_payload',
      'invalid_payload',
      'unknown_mutation',
      'invalid_payload',
      'invalid_payload',
      'invalid_payload',
      'invalid_payload',
    ]);
    expect(response.results[0]?.mutationId).toBe(bad[0] && typeof bad[0] === 'object' ? bad[0].mutationId : '');
    for (const result of response.results) expect(JSON.stringify(result).length).toBeLessThan(2000);

    // Push without an ack callback: ignored, the connection stays. The relay handles a
    // connection's messages in order and answers a push once it is committed, so the answer to
    // the next push proves the unacknowledged one was handled first: only the answered one is in the log.
    const unacknowledged = mutation('request.create', createRequestArgs('alpha'));
    ops.socket.emit('push', { mutations: [unacknowledged] });
    const good = mutation('request.create', createRequestArgs('alpha'));
    expect(await ops.send(good)).toMatchObject({ status: 'accepted' });
    expect(ops.socket.connected).toBe(true);
    expect(h.headSeq).toBe(head + 1);
    expect((await h.eventsAfter(head)).map((event) => event.mutationId)).toEqual([good.mutationId]);
  });

  it('a mixed push: the valid mutations are applied, the bad ones rejected in place', async () => {
    const { h, operator } = await standardSetup();
    const ops = await h.connect(operator);
    const head = h.headSeq;
    const response = await ops.push([mutation('nope', {}), mutation('request.create', createRequestArgs('alpha')), 17]);
    if (!response.ok) throw new Error(response.error.message);
    expect(response.results.map((r) => r.status)).toEqual(['rejected', 'accepted', 'rejected']);
    expect(h.headSeq).toBe(head + 1);
  });

  it('bad pulls', async () => {
    const { h, operator } = await standardSetup();
    const ops = await h.connect(operator);
    for (const payload of [
      null,
      'x',
      {},
      { afterSeq: -1 },
      { afterSeq: 1.5 },
      { afterSeq: '3' },
      { afterSeq: 0, limit: 0 },
      { afterSeq: 0, limit: 100_000 },
      { afterSeq: 0, extra: true },
    ]) {
      expect(await ops.pullRaw(payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    // A pull without an ack callback is dropped; the next one, on the same connection, is answered.
    ops.socket.emit('pull', { afterSeq: 0 });
    expect(await ops.pull(0)).toMatchObject({ ok: true, hasMore: false, upToSeq: h.headSeq });
    expect(ops.socket.connected).toBe(true);
  });
});
