import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, createRequestArgs, mutation, standardSetup } from './harness.js';

afterEach(closeAll);

describe('restarting the relay on the same data dir', () => {
  it('keeps the state, continues the seq and answers re-sent mutations identically', async () => {
    const { h, operator, liaisonA } = await standardSetup();
    const ops = await h.connect(operator);
    const alpha = await h.connect(liaisonA);
    const acked = await createRequest(ops, 'alpha');
    const withdrawn = await createRequest(ops, 'beta');
    await alpha.act('request.acknowledge', { requestId: acked.requestId });
    await ops.act('request.withdraw', { requestId: withdrawn.requestId, reason: 'Duplicate.' });
    const create = mutation('request.create', createRequestArgs('alpha'));
    const answered = await ops.send(create);
    expect(answered.status).toBe('accepted');
    const lastId = (create.args as { requestId: string }).requestId;
    await alpha.waitForEvent((e) => e.type === 'request.received' && e.payload.requestId === lastId, 'receipt');

    const head = h.headSeq;
    const requestsBefore = new Map(h.core.view.requests);
    const lastEvent = (await h.eventsAfter(head - 1))[0];
    await h.restart();

    expect(h.headSeq).toBe(head);
    expect(new Map(h.core.view.requests)).toEqual(requestsBefore);
    expect(h.core.view.requests.get(acked.requestId)?.status).toBe('acknowledged');
    expect(h.core.view.requests.get(withdrawn.requestId)?.status).toBe('withdrawn');
    expect((await h.eventsAfter(head - 1))[0]).toEqual(lastEvent);

    h.clock.advance(60_000);
    const ops2 = await h.connect(operator);
    expect(ops2.session?.headSeq).toBe(head);
    expect(await ops2.send(create)).toEqual(answered);
    expect(h.headSeq).toBe(head);

    const next = await createRequest(ops2, 'beta');
    expect(next.result.status === 'accepted' && next.result.seqs[0]).toBe(head + 1);
    expect(next.ref).toBe('CD-2026-000004');
    // Old tokens still work after a restart.
    expect((await h.connect(liaisonA)).session?.actor.userId).toBe(liaisonA.userId);
  });

  it('the relay time never goes backwards across a restart', async () => {
    const { h, operator } = await standardSetup();
    const ops = await h.connect(operator);
    await createRequest(ops, 'alpha');
    const last = (await h.eventsAfter(h.headSeq - 1))[0]?.serverTime ?? 0;
    await h.restart();
    h.clock.set(last - 3_600_000);
    const later = await createRequest(await h.connect(operator), 'alpha');
    expect(later.result.status === 'accepted' && later.result.serverTime).toBeGreaterThanOrEqual(last);
  });
});
