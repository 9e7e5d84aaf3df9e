/**
 * Standard webhooks against a real HTTP receiver started by the test, verified with the
 * `standardwebhooks` package as a platform's receiver would: the signature, the body, the
 * topics and priorities, and retries (receiver down, too slow, 500 then 200) under one id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, mutation, T0 } from './harness.js';
import { attempts, drain, outboxRows, startDesk } from './outreach/desk.js';
import { addWebhook, closeReceiversAfterEach, downReceiverPort, receiver } from './outreach/hooks.js';
import { verifyStandard } from './outreach/webhook-receiver.js';

afterEach(closeAll);
closeReceiversAfterEach();

interface HookBody {
  type: string;
  timestamp: string;
  data: { request: { id: string; ref: string; priority: string }; event: { seq: number; type: string; payload: unknown } | null };
}

describe('standard webhooks', () => {
  it('carry the platform’s events signed as Standard Webhooks; the secret is shown once and never stored in the answer', async () => {
    const { h, ops, alpha, prefect } = await startDesk();
    const hook = await receiver();
    const topics = ['request.created', 'comment.added'];
    const create = mutation('webhook.create', {
      webhookId: crypto.randomUUID(),
      platformId: 'alpha',
      name: 'Alpha case tool',
      url: hook.url(),
      topics,
    });
    const created = await prefect.send(create);
    const secret = created.status === 'accepted' ? (created.data?.signingSecret ?? '') : '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const again = await prefect.send(create);
    expect(again).toMatchObject({ status: 'accepted' });
    expect(again.status === 'accepted' && again.data?.signingSecret).toBeFalsy();

    const { requestId, ref } = await createRequest(ops, 'alpha', { priority: 'P1' });
    await alpha.act('comment.add', { commentId: crypto.randomUUID(), requestId, body: 'Pris en compte.' });
    await drain(h);

    expect(hook.received.map((request) => request.method + ' ' + request.path)).toEqual(['POST /hook', 'POST /hook']);
    const [first] = hook.received;
    const verified = verifyStandard(first!, secret) as HookBody;
    expect(verified).toMatchObject({
      type: 'request.created',
      timestamp: new Date(T0).toISOString(),
      data: { request: { id: requestId, ref, priority: 'P1', status: 'open' }, event: { type: 'request.created' } },
    });
    expect(first?.headers['webhook-id']).toBe((await attempts(h))[0]?.deliveryId);
    expect(() => verifyStandard(first!, `whsec_${Buffer.alloc(32, 7).toString('base64')}`)).toThrow();
    expect(() => verifyStandard({ ...first!, body: first!.body.replace(ref, 'CD-2026-999999') }, secret)).toThrow();
    // The receipt is not a topic; the shared comment is.
    expect(hook.bodies<HookBody>().map((body) => body.type)).toEqual(['request.created', 'comment.added']);
    expect((await attempts(h)).map((attempt) => [attempt.channel, attempt.outcome, attempt.detail, attempt.recipient])).toEqual([
      ['webhook', 'delivered', 'HTTP 200', 'Alpha case tool (127.0.0.1:' + hook.port + ')'],
      ['webhook', 'delivered', 'HTTP 200', 'Alpha case tool (127.0.0.1:' + hook.port + ')'],
    ]);
  });

  it('follow their topics and priorities; by default every step of a request but not its comments and assignments', async () => {
    const { h, ops, alpha, prefect, ids } = await startDesk();
    const chosen = await receiver();
    const standard = await receiver();
    await addWebhook(prefect, { platformId: 'alpha', url: chosen.url(), topics: ['request.acknowledged'], priorities: ['P0'] });
    await addWebhook(prefect, { platformId: 'alpha', url: standard.url() });
    const urgent = await createRequest(ops, 'alpha', { priority: 'P0' });
    const routine = await createRequest(ops, 'alpha', { priority: 'P1' });
    await alpha.act('request.acknowledge', { requestId: urgent.requestId });
    await alpha.act('request.acknowledge', { requestId: routine.requestId });
    expect(await alpha.act('request.assign', { requestId: urgent.requestId, assigneeId: ids.liaison })).toMatchObject({
      status: 'accepted',
    });
    await ops.act('comment.add', { commentId: crypto.randomUUID(), requestId: urgent.requestId, body: 'Merci.' });
    await drain(h);
    expect(chosen.bodies<HookBody>().map((body) => [body.type, body.data.request.id])).toEqual([
      ['request.acknowledged', urgent.requestId],
    ]);
    expect(standard.bodies<HookBody>().map((body) => [body.type, body.data.request.priority])).toEqual([
      ['request.created', 'P0'],
      ['request.created', 'P1'],
      ['request.acknowledged', 'P0'],
      ['request.acknowledged', 'P1'],
    ]);
  });

  it('a new secret signs what follows; the old one no longer verifies', async () => {
    const { h, ops, prefect } = await startDesk();
    const hook = await receiver();
    const { webhookId, secret } = await addWebhook(prefect, { platformId: 'alpha', url: hook.url() });
    const rotated = await prefect.act('webhook.rotateSecret', { webhookId });
    const fresh = rotated.status === 'accepted' ? (rotated.data?.signingSecret ?? '') : '';
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(secret);
    await createRequest(ops, 'alpha');
    await drain(h);
    const [delivered] = hook.received;
    expect(verifyStandard(delivered!, fresh)).toMatchObject({ type: 'request.created' });
    expect(() => verifyStandard(delivered!, secret)).toThrow();
  });

  it('a delivery to a webhook removed or switched off before it went is dropped, with no attempt recorded', async () => {
    const { h, ops, prefect } = await startDesk();
    const port = await downReceiverPort();
    const removed = await addWebhook(prefect, { platformId: 'alpha', url: `http://127.0.0.1:${port}/a` });
    const off = await addWebhook(prefect, { platformId: 'alpha', url: `http://127.0.0.1:${port}/b` });
    await createRequest(ops, 'alpha');
    await drain(h);
    expect((await attempts(h)).map((attempt) => attempt.detail)).toEqual(['connection refused', 'connection refused']);
    await prefect.act('webhook.remove', { webhookId: removed.webhookId });
    await prefect.act('webhook.update', { webhookId: off.webhookId, patch: { active: false } });
    h.clock.set(T0 + 30_000);
    await drain(h);
    expect(await attempts(h)).toHaveLength(2);
    expect(outboxRows(h).map((row) => [row.status, row.attempts, row.last_detail])).toEqual([
      ['abandoned', 1, 'webhook removed before delivery'],
      ['abandoned', 1, 'webhook switched off before delivery'],
    ]);
  });
});

describe('retries keep the same webhook-id and the same body', () => {
  it('a receiver that is down gets the delivery once it is back', async () => {
    const { h, ops, prefect } = await startDesk();
    const port = await downReceiverPort();
    const { secret } = await addWebhook(prefect, { platformId: 'alpha', url: `http://127.0.0.1:${port}/hook` });
    await createRequest(ops, 'alpha');
    await drain(h);
    const [failed] = await attempts(h);
    expect(failed).toMatchObject({ outcome: 'failed', detail: 'connection refused', nextAttemptAt: T0 + 30_000 });
    const back = await receiver(port);
    h.clock.set(T0 + 30_000);
    await drain(h);
    expect(back.received.map((request) => request.headers['webhook-id'])).toEqual([failed?.deliveryId]);
    expect(verifyStandard(back.received[0]!, secret)).toMatchObject({ type: 'request.created' });
    expect((await attempts(h)).map((attempt) => [attempt.deliveryId, attempt.attempt, attempt.outcome])).toEqual([
      [failed?.deliveryId, 1, 'failed'],
      [failed?.deliveryId, 2, 'delivered'],
    ]);
  });

  it('a receiver slower than the time limit is cut off and tried again', async () => {
    const { h, ops, prefect } = await startDesk({ timeoutMs: 400 });
    const hook = await receiver();
    hook.answer = () => (hook.received.length === 1 ? 'hang' : 200);
    const { secret } = await addWebhook(prefect, { platformId: 'alpha', url: hook.url() });
    await createRequest(ops, 'alpha');
    await drain(h);
    expect(await attempts(h)).toMatchObject([{ outcome: 'failed', detail: 'timed out after 0.4 s' }]);
    h.clock.set(T0 + 30_000);
    await drain(h);
    const [slow, quick] = hook.received;
    expect(quick?.headers['webhook-id']).toBe(slow?.headers['webhook-id']);
    expect(quick?.body).toBe(slow?.body);
    expect(verifyStandard(quick!, secret)).toMatchObject({ type: 'request.created' });
    expect((await attempts(h)).map((attempt) => attempt.outcome)).toEqual(['failed', 'delivered']);
  });

  it('a receiver answering 500, then 200', async () => {
    const { h, ops, prefect } = await startDesk();
    const hook = await receiver();
    hook.answer = () => (hook.received.length === 1 ? 500 : 200);
    await addWebhook(prefect, { platformId: 'alpha', url: hook.url() });
    await createRequest(ops, 'alpha');
    await drain(h);
    h.clock.set(T0 + 30_000);
    await drain(h);
    expect((await attempts(h)).map((attempt) => [attempt.attempt, attempt.outcome, attempt.detail])).toEqual([
      [1, 'failed', 'HTTP 500'],
      [2, 'delivered', 'HTTP 200'],
    ]);
    const [first, second] = hook.received;
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect(second?.body).toBe(first?.body);
    expect(outboxRows(h)).toMatchObject([{ status: 'delivered', attempts: 2, last_detail: 'HTTP 200' }]);
  });
});
