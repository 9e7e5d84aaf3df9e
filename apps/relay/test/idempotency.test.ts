import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequestArgs, mutation, standardSetup } from './harness.js';

afterEach(closeAll);

describe('a re-sent mutation id is applied once and answered identically', () => {
  it('re-sent in a later push, on the same connection', async () => {
    const { h, operator } = await standardSetup();
    const ops = await h.connect(operator);
    const create = mutation('request.create', createRequestArgs('alpha'));
    const first = await ops.send(create);
    expect(first.status).toBe('accepted');
    const head = h.headSeq;
    h.clock.advance(60_000);
    const again = await ops.send(create);
    expect(again).toEqual(first);
    expect(h.headSeq).toBe(head);
    expect(h.core.view.requests.size).toBe(1);
  });

  it('repeated inside one push', async () => {
    const { h, operator } = await standardSetup();
    const ops = await h.connect(operator);
    const create = mutation('request.create', createRequestArgs('alpha'));
    const head = h.headSeq;
    const response = await ops.push([create, create, create]);
    if (!response.ok) throw new Error(response.error.message);
    const [a, b, c] = response.results;
    expect(a?.status).toBe('accepted');
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(h.headSeq).toBe(head + 1);
  });

  it('re-sent after reconnecting, also for a rejected mutation', async () => {
    const { h, operator } = await standardSetup();
    const create = mutation('request.create', createRequestArgs('alpha'));
    const unknownPlatform = mutation('request.create', createRequestArgs('nowhere'));
    const first = await h.connect(operator);
    const [accepted, rejected] = await Promise.all([first.send(create), first.send(unknownPlatform)]);
    expect(accepted.status).toBe('accepted');
    expect(rejected.status).toBe('rejected');
    first.close();
    const head = h.headSeq;
    h.clock.advance(5 * 60_000);
    const second = await h.connect(operator);
    expect(await second.send(create)).toEqual(accepted);
    expect(await second.send(unknownPlatform)).toEqual(rejected);
    expect(h.headSeq).toBe(head);
  });

  it('a mutation id already used by another user is refused as mutation_id_reused', async () => {
    const { h, operator } = await standardSetup();
    const other = await h.user('operator');
    const create = mutation('request.create', createRequestArgs('alpha'));
    expect((await (await h.connect(operator)).send(create)).status).toBe('accepted');
    const head = h.headSeq;
    const stolen = { ...create, args: createRequestArgs('beta') };
    const result = await (await h.connect(other)).send(stolen);
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'mutation_id_reused' } });
    expect(h.headSeq).toBe(head);
  });
});
