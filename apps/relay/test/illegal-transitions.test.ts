import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, standardSetup } from './harness.js';

afterEach(closeAll);

describe('illegal transitions are refused and change nothing', () => {
  it('acknowledging a withdrawn request', async () => {
    const { h, operator, liaisonA } = await standardSetup();
    const ops = await h.connect(operator);
    const alpha = await h.connect(liaisonA);
    const { requestId, ref } = await createRequest(ops, 'alpha');
    expect((await ops.act('request.withdraw', { requestId, reason: 'Already gone.' })).status).toBe('accepted');
    await alpha.waitForEvent((e) => e.type === 'request.withdrawn');
    const head = h.headSeq;
    const before = h.core.view.requests.get(requestId);

    const result = await alpha.act('request.acknowledge', { requestId });
    expect(result).toMatchObject({
      status: 'rejected',
      error: { code: 'illegal_transition', details: { status: 'withdrawn', step: 'acknowledge', ref } },
    });
    expect(h.headSeq).toBe(head);
    expect(h.core.view.requests.get(requestId)).toEqual(before);
    expect(before?.status).toBe('withdrawn');
  });

  it('closing an open request, answering a closed one, providing info nobody asked for', async () => {
    const { h, operator, liaisonA } = await standardSetup();
    const ops = await h.connect(operator);
    const alpha = await h.connect(liaisonA);
    const { requestId } = await createRequest(ops, 'alpha');
    const head = h.headSeq;
    expect(await ops.act('request.close', { requestId })).toMatchObject({ error: { code: 'illegal_transition' } });
    expect(await ops.act('request.provideInfo', { requestId, answer: 'x' })).toMatchObject({ error: { code: 'illegal_transition' } });
    // A double acknowledgement: the second is illegal.
    expect((await alpha.act('request.acknowledge', { requestId })).status).toBe('accepted');
    const afterAck = h.headSeq;
    expect(await alpha.act('request.acknowledge', { requestId })).toMatchObject({ error: { code: 'illegal_transition' } });
    expect(h.headSeq).toBe(afterAck);
    expect(afterAck).toBeGreaterThan(head);
    expect(h.core.view.requests.get(requestId)?.status).toBe('acknowledged');
  });
});
