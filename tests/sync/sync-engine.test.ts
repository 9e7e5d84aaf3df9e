import { newId, parseMutation, type Mutation } from '@contact-desk/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestArgs, startFixture, type Fixture } from './fixture';

let fixture: Fixture;

beforeEach(async () => {
  fixture = await startFixture();
});

afterEach(async () => {
  await fixture.close();
});

describe('sync engine against a real relay process', () => {
  it('sends actions taken offline once when back, and the relay records them once with both times', async () => {
    const operator = await fixture.client(fixture.codes.operator, 'operator laptop');
    const liaison = await fixture.client(fixture.codes.liaison, 'liaison laptop');
    const create = requestArgs();
    await operator.act('request.create', create);
    await liaison.until(() => liaison.engine.state.requests.has(create.requestId));

    await fixture.relay.stop();
    await liaison.until(() => liaison.engine.syncStatus.connection !== 'online');
    const offlineSince = liaison.connections.length;
    const ack = await liaison.act('request.acknowledge', { requestId: create.requestId });
    await liaison.act('comment.add', { commentId: crypto.randomUUID(), requestId: create.requestId, body: 'Taken offline.' });
    expect(liaison.view().requests.get(create.requestId)?.status).toBe('acknowledged');
    expect(liaison.engine.state.requests.get(create.requestId)?.status).toBe('open');
    expect(liaison.engine.syncStatus.pending).toBe(2);

    // A reconnection attempt fails while the relay is down: the actions are still waiting in the
    // outbox when it comes back.
    await liaison.failedAttemptSince(offlineSince);
    expect(liaison.engine.syncStatus.pending).toBe(2);
    await fixture.relay.start();
    await liaison.until(
      () => liaison.engine.syncStatus.pending === 0 && liaison.engine.state.requests.get(create.requestId)?.status === 'acknowledged',
    );
    await operator.until(() => operator.engine.state.requests.get(create.requestId)?.status === 'acknowledged');

    const request = operator.engine.state.requests.get(create.requestId);
    expect(request?.ackClientTime).toBe(ack.clientTime);
    expect(request?.ackAt).toBeGreaterThan(ack.clientTime ?? Infinity);
    const comments = [...operator.engine.state.comments.values()].filter((comment) => comment.requestId === create.requestId);
    expect(comments).toHaveLength(1);
    const acks = await operator.db.events
      .where('requestId')
      .equals(create.requestId)
      .filter((row) => row.event.type === 'request.acknowledged')
      .count();
    expect(acks).toBe(1);
  });

  it('two clients acting on the same request converge to the same state', async () => {
    const first = await fixture.client(fixture.codes.operator, 'first');
    const second = await fixture.client(fixture.codes.operator2, 'second');
    const liaison = await fixture.client(fixture.codes.liaison, 'liaison');
    const create = requestArgs();
    await first.act('request.create', create);
    await second.until(() => second.engine.state.requests.has(create.requestId));
    await Promise.all([
      first.act('request.edit', { requestId: create.requestId, patch: { grounds: 'Motifs précisés.' } }),
      second.act('request.edit', { requestId: create.requestId, patch: { pharosRef: 'PH-1' } }),
      liaison.act('request.acknowledge', { requestId: create.requestId }),
      first.act('comment.add', { commentId: crypto.randomUUID(), requestId: create.requestId, body: 'one' }),
      second.act('comment.add', { commentId: crypto.randomUUID(), requestId: create.requestId, body: 'two' }),
    ]);
    const settled = () => [first, second, liaison].every((client) => client.engine.syncStatus.pending === 0);
    await first.until(settled);
    const head = Math.max(first.engine.syncStatus.cursor, second.engine.syncStatus.cursor);
    await first.until(() => [first, second].every((client) => client.engine.syncStatus.cursor >= head));
    await liaison.until(() => liaison.engine.state.requests.get(create.requestId)?.pharosRef === 'PH-1');
    const a = first.engine.state.requests.get(create.requestId);
    expect(second.engine.state.requests.get(create.requestId)).toEqual(a);
    expect(liaison.engine.state.requests.get(create.requestId)).toEqual(a);
    expect(a).toMatchObject({ status: 'acknowledged', grounds: 'Motifs précisés.', pharosRef: 'PH-1' });
  });

  it('rolls back a mutation the relay rejects and tells why', async () => {
    const operator = await fixture.client(fixture.codes.operator, 'operator');
    const liaison = await fixture.client(fixture.codes.liaison, 'liaison');
    const create = requestArgs();
    await operator.act('request.create', create);
    await liaison.until(() => liaison.engine.state.requests.has(create.requestId));

    await liaison.quit();
    await liaison.act('request.acknowledge', { requestId: create.requestId });
    expect(liaison.view().requests.get(create.requestId)?.status).toBe('acknowledged');
    // While the liaison is away, the ministry withdraws the request.
    await operator.act('request.withdraw', { requestId: create.requestId, reason: 'Removed by its author.' });
    await operator.until(() => operator.engine.syncStatus.pending === 0);
    await liaison.reopen();

    await liaison.until(() => liaison.rejections.length === 1 && liaison.engine.syncStatus.pending === 0);
    expect(liaison.rejections[0]?.error.code).toBe('illegal_transition');
    // Attached to its request, and told once the withdrawal that caused it was applied.
    expect(liaison.rejections[0]?.requestId).toBe(create.requestId);
    expect(liaison.rejections[0]?.atSeq).toBe(liaison.engine.syncStatus.cursor);
    expect(liaison.view().requests.get(create.requestId)?.status).toBe('withdrawn');
  });

  it('a client that missed 10k events catches up exactly', async () => {
    const operator = await fixture.client(fixture.codes.operator, 'operator');
    const requests = Array.from({ length: 20 }, () => requestArgs());
    for (const create of requests) await operator.act('request.create', create);
    for (let index = 0; index < 10_000 - 20; index += 1) {
      const target = requests[index % requests.length];
      await operator.act('comment.add', { commentId: crypto.randomUUID(), requestId: target?.requestId, body: `note ${index}` });
    }
    await operator.until(() => operator.engine.syncStatus.pending === 0, 60_000);
    const liaison = await fixture.client(fixture.codes.liaison, 'late liaison');
    const started = Date.now();
    await liaison.until(() => liaison.engine.syncStatus.cursor >= operator.engine.syncStatus.cursor, 60_000);
    const elapsed = Date.now() - started;
    expect(liaison.engine.state.requests.size).toBe(20);
    expect(liaison.engine.state.comments.size).toBe(10_000 - 20);
    expect(await liaison.db.events.count()).toBeGreaterThanOrEqual(10_000);
    expect(elapsed).toBeLessThan(60_000);
  }, 120_000);

  it('a liaison of another platform never receives the request', async () => {
    const operator = await fixture.client(fixture.codes.operator, 'operator');
    const meta = await fixture.client(fixture.codes.liaison, 'meta');
    const other = await fixture.client(fixture.codes.otherLiaison, 'tiktok');
    const create = requestArgs('meta');
    await operator.act('request.create', create);
    await meta.until(() => meta.engine.state.requests.has(create.requestId));
    // A later request of its own platform tells the other liaison's device it is past the first.
    const own = requestArgs('tiktok');
    await operator.act('request.create', own);
    await other.until(() => other.engine.state.requests.has(own.requestId));
    expect(other.engine.state.requests.has(create.requestId)).toBe(false);
    expect(other.engine.state.requests.size).toBe(1);
    expect(await other.db.events.where('requestId').equals(create.requestId).count()).toBe(0);
  });

  it('queues the requests of a pasted list together: one push, one commit, in the order given', async () => {
    const operator = await fixture.client(fixture.codes.operator, 'operator laptop');
    const creates = ['meta', 'tiktok', 'meta', 'tiktok'].map((platformId): Mutation => {
      const parsed = parseMutation({ mutationId: newId(), type: 'request.create', args: requestArgs(platformId), clientTime: Date.now() });
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.value;
    });
    const answers = Promise.all(creates.map((mutation) => operator.engine.result(mutation.mutationId)));
    await operator.engine.enqueueAll(creates);
    const results = await answers;
    const accepted = results.flatMap((result) => (result.status === 'accepted' ? [result] : []));
    expect(accepted).toHaveLength(creates.length);
    // One push is one job of the relay's group commit: the same relay time, consecutive seqs.
    expect(new Set(accepted.map((result) => result.serverTime)).size).toBe(1);
    const seqs = accepted.flatMap((result) => result.seqs);
    expect(seqs).toEqual(seqs.map((_, index) => (seqs[0] ?? 0) + index));
    await operator.until(() => operator.engine.syncStatus.pending === 0);
    expect(await operator.db.outbox.count()).toBe(0);
  });
});
