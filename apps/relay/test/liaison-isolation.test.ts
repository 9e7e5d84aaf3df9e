import { newId } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, standardSetup } from './harness.js';

afterEach(closeAll);

describe('a liaison sees only their own platform', () => {
  it('never receives platform B events, live or pulled', async () => {
    const { h, operator, liaisonA, liaisonB } = await standardSetup();
    const ops = await h.connect(operator);
    const alpha = await h.connect(liaisonA);
    const beta = await h.connect(liaisonB);
    // Everything that can happen on beta: a request, its receipt, ack, comments, platform and user changes.
    const b = await createRequest(ops, 'beta');
    await beta.act('request.acknowledge', { requestId: b.requestId });
    await beta.act('comment.add', { commentId: newId(), requestId: b.requestId, body: 'Beta is on it.' });
    await ops.act('comment.add', { commentId: newId(), requestId: b.requestId, body: 'Thanks beta.' });
    await ops.act('comment.add', { commentId: newId(), requestId: b.requestId, body: 'Internal note', visibility: 'ministry' });
    const betaBackup = await h.user('liaison', 'beta');
    const prefect = await h.user('prefect');
    const pref = await h.connect(prefect);
    await pref.act('platform.update', { platformId: 'beta', patch: { backupLiaisonId: betaBackup.userId } });
    await pref.act('user.revoke', { userId: betaBackup.userId });
    // A sentinel on alpha: once it arrives, anything about beta would have arrived before it.
    const a = await createRequest(ops, 'alpha');
    await alpha.waitForEvent((e) => e.type === 'request.created' && e.payload.request.id === a.requestId, 'alpha sentinel');

    const pulled = await alpha.pull(0, 1000);
    if (!pulled.ok) throw new Error(pulled.error.message);
    for (const events of [alpha.events, pulled.events]) {
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(event.audience).not.toEqual({ kind: 'platform', platformId: 'beta' });
        expect(['platform', 'all']).toContain(event.audience.kind);
        expect(JSON.stringify(event)).not.toContain(b.requestId);
        expect(JSON.stringify(event)).not.toContain(b.ref);
        expect(JSON.stringify(event)).not.toContain('beta');
      }
    }
    // The ministry-only note reached the operator but neither liaison.
    await ops.waitForEvent((e) => e.type === 'comment.added' && e.payload.comment.visibility === 'ministry');
    const betaPull = await beta.pull(0, 1000);
    if (!betaPull.ok) throw new Error(betaPull.error.message);
    for (const events of [beta.events, betaPull.events]) {
      expect(events.some((e) => e.type === 'comment.added' && e.payload.comment.body === 'Thanks beta.')).toBe(true);
      expect(events.some((e) => JSON.stringify(e).includes('Internal note'))).toBe(false);
      expect(events.some((e) => e.audience.kind === 'ministry' || e.audience.kind === 'admin')).toBe(false);
    }
  });

  it("acting on another platform's request is not_found, without leaking its ref", async () => {
    const { h, operator, liaisonA } = await standardSetup();
    const ops = await h.connect(operator);
    const alpha = await h.connect(liaisonA);
    const b = await createRequest(ops, 'beta');
    const head = h.headSeq;
    const attempts = [
      await alpha.act('request.acknowledge', { requestId: b.requestId }),
      await alpha.act('request.answer', { requestId: b.requestId, items: [{ itemId: `${b.requestId}/1`, outcome: 'removed' }] }),
      await alpha.act('comment.add', { commentId: newId(), requestId: b.requestId, body: 'hello' }),
    ];
    for (const result of attempts) {
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
      expect(JSON.stringify(result)).not.toContain(b.ref);
      expect(JSON.stringify(result)).not.toContain('beta');
    }
    expect(h.headSeq).toBe(head);
    expect(h.core.view.requests.get(b.requestId)?.status).toBe('open');
  });

  it('an observer reads everything but every mutation is forbidden', async () => {
    const { h, operator } = await standardSetup();
    const observer = await h.user('observer');
    const ops = await h.connect(operator);
    const watch = await h.connect(observer);
    const a = await createRequest(ops, 'alpha');
    await createRequest(ops, 'beta');
    await ops.act('comment.add', { commentId: newId(), requestId: a.requestId, body: 'Internal', visibility: 'ministry' });
    await watch.waitForEvent((e) => e.type === 'comment.added', 'ministry note');
    const pulled = await watch.pull(0, 1000);
    if (!pulled.ok) throw new Error(pulled.error.message);
    expect(pulled.events.filter((e) => e.type === 'request.created')).toHaveLength(2);

    const head = h.headSeq;
    const attempts: [string, unknown][] = [
      [
        'request.create',
        {
          requestId: newId(),
          platformId: 'alpha',
          kind: 'removal',
          priority: 'P1',
          items: ['https://x.example/1'],
          category: 'hate',
          grounds: 'g',
        },
      ],
      ['request.acknowledge', { requestId: a.requestId }],
      ['request.withdraw', { requestId: a.requestId, reason: 'no' }],
      ['comment.add', { commentId: newId(), requestId: a.requestId, body: 'hi' }],
      ['platform.create', { platformId: 'gamma', name: 'Gamma', kind: 'platform' }],
      ['user.revoke', { userId: operator.userId }],
      ['policy.update', { levels: [{ label: 'P0', name: 'x', ackMinutes: 1, actionMinutes: 2 }] }],
    ];
    for (const [type, args] of attempts) {
      const result = await watch.act(type as never, args);
      expect(result, type).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    }
    expect(h.headSeq).toBe(head);
  });
});
