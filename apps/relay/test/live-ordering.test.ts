import { parseRef } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, createRequestArgs, mutation, standardSetup, waitFor } from './harness.js';

afterEach(closeAll);

describe('live events are ordered by the relay', () => {
  it('arrive in strictly increasing seq, with afterSeq/upToSeq chaining per audience', async () => {
    const { h, operator, liaisonA } = await standardSetup();
    const ops = await h.connect(operator);
    const alpha = await h.connect(liaisonA);
    const startHead = h.headSeq;
    // Bursts from two concurrent pushes, on both platforms, plus single mutations.
    const burst = (platformId: string) => Array.from({ length: 5 }, () => mutation('request.create', createRequestArgs(platformId)));
    await Promise.all([ops.push(burst('alpha')), ops.push(burst('beta')), createRequest(ops, 'alpha')]);
    await createRequest(ops, 'beta');
    // The relay records alpha's receipts in later commits: wait for them, then for the live feed.
    const alphaRequests = () => [...h.core.view.requests.values()].filter((r) => r.platformId === 'alpha');
    await waitFor(() => alphaRequests().every((r) => r.receivedAt !== null), 'receipts');
    await waitFor(() => ops.live.at(-1)?.upToSeq === h.headSeq, 'operator caught up');

    // The operator sees every event (including the relay's receipts for alpha).
    const seqs = ops.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual(Array.from({ length: h.headSeq - startHead }, (_, i) => startHead + 1 + i));
    expect(ops.live[0]?.afterSeq).toBe(startHead);
    for (const [i, message] of ops.live.entries()) {
      if (i > 0) expect(message.afterSeq).toBe(ops.live[i - 1]?.upToSeq);
      for (const event of message.events) {
        expect(event.seq).toBeGreaterThan(message.afterSeq);
        expect(event.seq).toBeLessThanOrEqual(message.upToSeq);
      }
    }

    // The liaison of alpha sees only part of the log, yet its messages chain without gaps.
    const lastAlphaSeq = ops.events.filter((e) => e.audience.kind === 'platform' && e.audience.platformId === 'alpha').at(-1)?.seq;
    await waitFor(() => alpha.live.at(-1)?.upToSeq === lastAlphaSeq, 'alpha caught up');
    const alphaSeqs = alpha.events.map((e) => e.seq);
    expect(alphaSeqs).toHaveLength(12); // 6 requests created + 6 receipts
    expect(alpha.live[0]?.afterSeq).toBe(startHead);
    expect(alphaSeqs).toEqual([...alphaSeqs].sort((a, b) => a - b));
    for (const [i, message] of alpha.live.entries()) {
      if (i > 0) expect(message.afterSeq).toBe(alpha.live[i - 1]?.upToSeq);
    }
  });

  it('refs are CD-YYYY-NNNNNN, assigned by the relay in order', async () => {
    const { h, operator } = await standardSetup();
    const ops = await h.connect(operator);
    const first = await createRequest(ops, 'alpha');
    const response = await ops.push(Array.from({ length: 4 }, () => mutation('request.create', createRequestArgs('beta'))));
    if (!response.ok) throw new Error(response.error.message);
    const refs = [first.ref, ...response.results.map((r) => (r.status === 'accepted' ? r.data?.ref : undefined))];
    expect(refs).toEqual(['CD-2026-000001', 'CD-2026-000002', 'CD-2026-000003', 'CD-2026-000004', 'CD-2026-000005']);
    for (const ref of refs) expect(ref).toMatch(/^CD-\d{4}-\d{6}$/);
    // Refs follow seq order and are what the request records.
    const created = (await h.eventsAfter(0)).filter((e) => e.type === 'request.created');
    expect(created.map((e) => (e.type === 'request.created' ? e.payload.request.ref : ''))).toEqual(refs);
    expect(created.map((e) => parseRef(e.type === 'request.created' ? e.payload.request.ref : '')?.counter)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a client-supplied ref is not accepted', async () => {
    const { h, operator } = await standardSetup();
    const ops = await h.connect(operator);
    const result = await ops.act('request.create', { ...createRequestArgs('alpha'), ref: 'CD-2026-999999' });
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'invalid_payload' } });
  });
});
