/**
 * Nothing about one platform reaches another through outreach: a platform's webhook carries only
 * its own requests, never a ministry-only comment, an administration event or an attempt; the
 * attempts are on the record of whoever was told. The delivery log is the prefect's alone.
 */
import { WEBHOOK_TOPICS, type DeliverySummary } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { perform } from '../src/cli/admin-actions.js';
import { closeAll, createRequest, MINUTE, T0 } from './harness.js';
import { deliveryLog, drain, startDesk } from './outreach/desk.js';
import { addWebhook, closeReceiversAfterEach, receiver } from './outreach/hooks.js';

afterEach(closeAll);
closeReceiversAfterEach();

const MINISTRY_NOTE = 'Note interne : source sensible, ne pas divulguer.';

describe('webhooks carry only what their side may see', () => {
  it('a platform’s webhook never gets another platform’s request, a ministry-only comment, an administration event or an attempt', async () => {
    const { h, ops, alpha, beta, prefect } = await startDesk();
    const [toAlpha, toBeta, toMinistry] = [await receiver(), await receiver(), await receiver()];
    const topics = [...WEBHOOK_TOPICS];
    await addWebhook(prefect, { platformId: 'alpha', url: toAlpha.url(), topics });
    await addWebhook(prefect, { platformId: 'beta', url: toBeta.url(), topics });
    await addWebhook(prefect, { platformId: null, url: toMinistry.url(), topics });

    const a = await createRequest(ops, 'alpha', { priority: 'P0', items: ['https://video.example/alpha-only'] });
    const b = await createRequest(ops, 'beta', { priority: 'P0', items: ['https://video.example/beta-only'] });
    await ops.act('comment.add', { commentId: crypto.randomUUID(), requestId: a.requestId, body: MINISTRY_NOTE, visibility: 'ministry' });
    await ops.act('comment.add', { commentId: crypto.randomUUID(), requestId: a.requestId, body: 'Merci de confirmer.' });
    await alpha.act('request.acknowledge', { requestId: a.requestId });
    await beta.act('comment.add', { commentId: crypto.randomUUID(), requestId: b.requestId, body: 'En cours.' });
    await perform(h.core, 'platform.update', { platformId: 'alpha', patch: { name: 'Alpha Inc.' } });
    await h.user('liaison', 'alpha', { name: 'Nouvelle Recrue' });
    await drain(h);
    h.clock.set(T0 + 15 * MINUTE); // beta misses its acknowledgement: deadline missed, escalation
    await h.relay.watcher.tick();
    await drain(h);

    type Body = { type: string; data: { request: { id: string; platformId: string } } };
    const alphaTypes = toAlpha.bodies<Body>().map((body) => body.type);
    expect(alphaTypes).toEqual(['request.created', 'comment.added', 'request.acknowledged']);
    expect(toBeta.bodies<Body>().map((body) => body.type)).toEqual([
      'request.created',
      'comment.added',
      'request.deadlineMissed',
      'request.escalated',
    ]);
    for (const [hook, own, other] of [
      [toAlpha, 'alpha', b],
      [toBeta, 'beta', a],
    ] as const) {
      const text = hook.received.map((request) => request.body).join('\n');
      expect(hook.bodies<Body>().every((body) => body.data.request.platformId === own)).toBe(true);
      for (const leak of [
        other.requestId,
        other.ref,
        MINISTRY_NOTE,
        'notification.attempted',
        'user.created',
        'platform.updated',
        'webhook.',
      ]) {
        expect(text).not.toContain(leak);
      }
    }
    expect(toAlpha.received.map((request) => request.body).join('\n')).not.toContain('beta-only');
    expect(toBeta.received.map((request) => request.body).join('\n')).not.toContain('alpha-only');
    // The ministry's webhook carries both platforms and its own note.
    const ministry = toMinistry.received.map((request) => request.body).join('\n');
    for (const expected of [a.requestId, b.requestId, MINISTRY_NOTE]) expect(ministry).toContain(expected);

    // Attempts are on the record of whoever was told: each platform sees its own only.
    for (const [client, own] of [
      [alpha, 'alpha'],
      [beta, 'beta'],
    ] as const) {
      const page = await client.pull(0, 1000);
      const seen = page.ok ? page.events.flatMap((event) => (event.type === 'notification.attempted' ? [event.payload] : [])) : [];
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((attempt) => attempt.platformId === own)).toBe(true);
    }
  });
});

describe('the delivery log', () => {
  it('is the prefect’s alone: everyone else is refused, a malformed request changes nothing', async () => {
    const { ops, alpha, prefect } = await startDesk();
    for (const client of [ops, alpha]) {
      expect(await deliveryLog(client)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Only the prefect may read the delivery log.', details: { channel: 'deliveries' } },
      });
    }
    for (const bad of [{ limit: 0 }, { limit: 501 }, { limit: 5, status: 'sent' }, { limit: 5, extra: 1 }, 'all', null]) {
      expect(await deliveryLog(prefect, bad)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(await deliveryLog(prefect, {})).toEqual({ ok: true, deliveries: [], hasMore: false });
  });

  it('pages newest first with `before`, never splitting deliveries planned at the same time, and filters by status', async () => {
    const { h, ops, prefect } = await startDesk();
    const hook = await receiver();
    await addWebhook(prefect, { platformId: 'alpha', url: hook.url() });
    await addWebhook(prefect, { platformId: null, url: hook.url('/ministry') });
    for (let i = 0; i < 5; i += 1) await createRequest(ops, 'alpha');
    h.clock.set(T0 + MINUTE);
    for (let i = 0; i < 3; i += 1) await createRequest(ops, 'alpha');
    const refused = crypto.randomUUID();
    hook.answer = (request) => (request.body.includes(refused) ? 500 : 200);
    h.clock.set(T0 + 2 * MINUTE);
    await createRequest(ops, 'alpha', { requestId: refused });
    await drain(h);

    const everything = await deliveryLog(prefect, { limit: 100 });
    if (!everything.ok) throw new Error(everything.error.message);
    expect(everything.deliveries.map((delivery) => delivery.createdAt)).toEqual([
      ...Array<number>(2).fill(T0 + 2 * MINUTE),
      ...Array<number>(6).fill(T0 + MINUTE),
      ...Array<number>(10).fill(T0),
    ]);
    for (const limit of [1, 4, 7, 8, 17]) {
      const seen: DeliverySummary[] = [];
      let before: number | undefined;
      for (let page = 0; page < 20; page += 1) {
        const answer = await deliveryLog(prefect, { limit, ...(before === undefined ? {} : { before }) });
        if (!answer.ok) throw new Error(answer.error.message);
        seen.push(...answer.deliveries);
        before = answer.deliveries.at(-1)?.createdAt;
        if (!answer.hasMore) break;
      }
      expect(
        seen.map((delivery) => delivery.deliveryId),
        `pages of ${limit}`,
      ).toEqual(everything.deliveries.map((d) => d.deliveryId));
    }
    const failing = await deliveryLog(prefect, { limit: 10, status: 'pending' });
    expect(failing).toMatchObject({ ok: true, hasMore: false });
    expect(failing.ok && failing.deliveries.map((delivery) => [delivery.lastDetail, delivery.attempts])).toEqual([
      ['HTTP 500', 1],
      ['HTTP 500', 1],
    ]);
    // The log names who was messaged, never what.
    expect(JSON.stringify(everything)).not.toContain('"body"');
  });
});
