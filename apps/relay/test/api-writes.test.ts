/**
 * Changes through the REST API, over real HTTP against a real relay: each becomes its mutation on
 * the same path as the app's (the same decision, the same group commit, the same live fan-out),
 * recorded under the API key's name with the relay's time.
 */
import { newId } from '@contact-desk/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from './fuzz/record.js';
import { closeAll, T0 } from './harness.js';
import { acceptedSeqs, apiWorld, keyActor, type ApiWorld } from './api/api-world.js';

let w: ApiWorld;
beforeEach(async () => {
  w = await apiWorld();
});
afterEach(closeAll);

async function eventsOf(seqs: readonly number[]) {
  return (await w.h.eventsAfter(0)).filter((event) => seqs.includes(event.seq));
}

describe('writes through the REST API', () => {
  it('an acknowledgement sent like curl reaches the prefect’s app live, under the key’s name, for the platform only', async () => {
    const liaisonA = await w.h.connect(w.liaisonA);
    const liaisonB = await w.h.connect(w.liaisonB);
    const requestId = await w.request('alpha');
    const idempotencyKey = newId();
    w.h.clock.advance(60_000);
    const reply = await w.write(w.keys.alphaAct, requestId, 'acknowledge', undefined, idempotencyKey);
    const [seq] = acceptedSeqs(reply);
    expect(reply.json()).toEqual({ ok: true, mutationId: idempotencyKey, seqs: [seq], serverTime: T0 + 60_000 });

    const live = await w.prefect.waitForEvent((event) => event.seq === seq, 'the prefect gets the acknowledgement live');
    expect(live).toMatchObject({
      type: 'request.acknowledged',
      payload: { requestId, implicit: false },
      actor: keyActor(w.keys.alphaAct),
      audience: { kind: 'platform', platformId: 'alpha' },
      mutationId: idempotencyKey,
      serverTime: T0 + 60_000,
      clientTime: null,
    });
    await liaisonA.waitForEvent((event) => event.seq === seq, 'the platform’s own liaison gets it live too');
    // The other platform's liaison: after an event everyone gets, still nothing of this request.
    const sentinel = await w.prefect.act('meeting.create', {
      meetingId: newId(),
      title: 'Contact group',
      kind: 'regular',
      startsAt: T0 + 86_400_000,
      place: null,
      videoLink: null,
      invitedPlatformIds: ['alpha', 'beta'],
    });
    if (sentinel.status !== 'accepted') throw new Error('sentinel refused');
    await liaisonB.waitForEvent((event) => event.seq === sentinel.seqs[0], 'the sentinel');
    expect(liaisonB.events.some((event) => JSON.stringify(event).includes(requestId))).toBe(false);
    expect(w.h.core.view.requests.get(requestId)).toMatchObject({
      status: 'acknowledged',
      ackAt: T0 + 60_000,
      ackBy: `apikey:${w.keys.alphaAct.id}`,
    });
  });

  it('a change through the API proves the platform has the request: its receipt is recorded first', async () => {
    const requestId = await w.request('beta');
    expect(w.h.core.view.requests.get(requestId)?.receivedAt).toBeNull();
    w.h.clock.advance(120_000);
    const [ackSeq] = acceptedSeqs(await w.write(w.keys.betaAct, requestId, 'acknowledge'));
    const [receipt, ack] = await eventsOf([(ackSeq ?? 0) - 1, ackSeq ?? 0]);
    expect(receipt).toMatchObject({
      type: 'request.received',
      payload: { requestId, deviceId: `apikey:${w.keys.betaAct.id}` },
      actor: { userId: 'system' },
    });
    expect(ack).toMatchObject({ type: 'request.acknowledged', actor: keyActor(w.keys.betaAct) });
    expect(w.h.core.view.requests.get(requestId)).toMatchObject({ receivedAt: T0 + 120_000, ackAt: T0 + 120_000 });
  });

  it('answers items, asks a question, contests, comments and hands over: each recorded as its mutation', async () => {
    const key = w.keys.alphaAct;
    const answered = await w.request('alpha', { items: ['https://video.example/a', 'https://video.example/b'] });
    const [first] = acceptedSeqs(await w.write(key, answered, 'answer', { items: [{ itemId: `${answered}/1`, outcome: 'removed' }] }));
    expect((await eventsOf([first ?? 0]))[0]).toMatchObject({ type: 'request.acknowledged', payload: { implicit: true } });
    expect(w.h.core.view.requests.get(answered)?.status).toBe('acknowledged');
    const cannot = {
      itemId: `${answered}/2`,
      outcome: 'cannot_execute',
      reason: 'The URL points to a deleted page.',
      ground: 'technical_impossibility',
    };
    const [answerSeq] = acceptedSeqs(await w.write(key, answered, 'answer', { items: [cannot] }));
    expect((await eventsOf([answerSeq ?? 0]))[0]).toMatchObject({
      type: 'request.answered',
      payload: { complete: true },
      actor: keyActor(key),
    });
    const request = w.h.core.view.requests.get(answered);
    expect(request?.status).toBe('answered');
    expect(request?.items.map((item) => [item.answer?.outcome, item.answer?.by])).toEqual([
      ['removed', `apikey:${key.id}`],
      ['cannot_execute', `apikey:${key.id}`],
    ]);

    const asked = await w.request('alpha');
    acceptedSeqs(await w.write(key, asked, 'request-info', { question: 'Which of the two accounts?' }));
    expect(w.h.core.view.requests.get(asked)).toMatchObject({
      status: 'needs_info',
      pauses: [{ question: 'Which of the two accounts?', to: null }],
    });

    const contested = await w.request('alpha');
    acceptedSeqs(await w.write(key, contested, 'contest', { reason: 'Lawful news reporting.' }));
    expect(w.h.core.view.requests.get(contested)?.status).toBe('contested');

    const commentKey = newId();
    acceptedSeqs(await w.write(key, contested, 'comments', { body: '  Our legal team is on it.  ' }, commentKey));
    expect(w.h.core.view.comments.get(commentKey)).toMatchObject({
      requestId: contested,
      authorId: `apikey:${key.id}`,
      authorName: key.name,
      body: 'Our legal team is on it.',
      visibility: 'shared',
    });

    acceptedSeqs(await w.write(key, asked, 'assign', { assigneeId: w.liaisonA.userId }));
    expect(w.h.core.view.requests.get(asked)?.owners).toMatchObject({ platform: w.liaisonA.userId });
    acceptedSeqs(await w.write(key, asked, 'assign', { assigneeId: null }));
    expect(w.h.core.view.requests.get(asked)?.owners).toMatchObject({ platform: null });
    // Another platform's liaison is nobody a request can be handed to.
    const refused = await w.write(key, asked, 'assign', { assigneeId: w.liaisonB.userId });
    expect([refused.status, refused.json()]).toMatchObject([
      400,
      { error: { code: 'invalid_payload', details: { reason: 'assignee_not_on_side' } } },
    ]);
  });

  it('bad requests get a typed answer and change nothing', async () => {
    const requestId = await w.request('alpha');
    acceptedSeqs(await w.write(w.keys.alphaAct, requestId, 'acknowledge'));
    const before = fingerprint(w.h);
    const key = w.keys.alphaAct.key;
    const path = `/api/v1/requests/${requestId}`;
    const cases: [string, Promise<Awaited<ReturnType<ApiWorld['api']>>>, number, Record<string, unknown>][] = [
      [
        'no Idempotency-Key',
        w.api('POST', `${path}/contest`, { key, body: { reason: 'x' } }),
        400,
        { code: 'invalid_payload', details: { issues: [{ path: 'idempotency-key' }] } },
      ],
      [
        'a key that is no UUID',
        w.api('POST', `${path}/contest`, { key, body: { reason: 'x' }, idempotencyKey: 'retry-1' }),
        400,
        { code: 'invalid_payload' },
      ],
      [
        'not JSON',
        w.api('POST', `${path}/contest`, { key, body: '{reason:', idempotencyKey: newId() }),
        400,
        { code: 'invalid_payload', message: 'The body must be JSON.' },
      ],
      ['a list for a body', w.api('POST', `${path}/contest`, { key, body: [], idempotencyKey: newId() }), 400, { code: 'invalid_payload' }],
      [
        'an unknown field',
        w.api('POST', `${path}/contest`, { key, body: { reason: 'x', requestId }, idempotencyKey: newId() }),
        400,
        { code: 'invalid_payload' },
      ],
      [
        'a blank reason',
        w.api('POST', `${path}/contest`, { key, body: { reason: '   ' }, idempotencyKey: newId() }),
        400,
        { code: 'invalid_payload', details: { issues: [{ path: 'reason' }] } },
      ],
      [
        'a refusal without reason',
        w.write(w.keys.alphaAct, requestId, 'answer', { items: [{ itemId: `${requestId}/1`, outcome: 'refused' }] }),
        400,
        { code: 'invalid_payload', details: { issues: [{ path: 'items.0.reason' }] } },
      ],
      [
        'an item of no request',
        w.write(w.keys.alphaAct, requestId, 'answer', { items: [{ itemId: `${requestId}/9`, outcome: 'removed' }] }),
        400,
        { code: 'invalid_payload', details: { path: 'items' } },
      ],
      [
        'a second acknowledgement',
        w.write(w.keys.alphaAct, requestId, 'acknowledge'),
        409,
        { code: 'illegal_transition', details: { requestId, status: 'acknowledged', step: 'acknowledge' } },
      ],
      [
        'a path id that is no UUID',
        w.api('POST', '/api/v1/requests/CD-2026-000001/acknowledge', { key, idempotencyKey: newId() }),
        400,
        { code: 'invalid_payload', details: { issues: [{ path: 'id' }] } },
      ],
      [
        'a ministry note',
        w.write(w.keys.alphaAct, requestId, 'comments', { body: 'x', visibility: 'ministry' }),
        400,
        { code: 'invalid_payload' },
      ],
    ];
    for (const [name, pending, status, error] of cases) {
      const reply = await pending;
      expect(reply.status, `${name}: ${reply.text}`).toBe(status);
      expect(reply.json(), name).toMatchObject({ ok: false, error });
      expect(Object.keys(reply.json()).sort(), name).toEqual(['error', 'ok']);
    }
    expect(fingerprint(w.h)).toEqual(before);
  });
});

describe('idempotency: the Idempotency-Key is the mutation id', () => {
  it('the same request again gets the same answer, status and body, and records nothing new — also concurrently and after a restart', async () => {
    const requestId = await w.request('alpha');
    const idempotencyKey = newId();
    const body = { items: [{ itemId: `${requestId}/1`, outcome: 'removed' }] };
    const first = await w.write(w.keys.alphaAct, requestId, 'answer', body, idempotencyKey);
    acceptedSeqs(first);
    const head = w.h.headSeq;
    w.h.clock.advance(3_600_000);
    const again = await Promise.all(Array.from({ length: 5 }, () => w.write(w.keys.alphaAct, requestId, 'answer', body, idempotencyKey)));
    for (const reply of again) expect([reply.status, reply.text]).toEqual([first.status, first.text]);
    // Whitespace and key order are not a different request.
    const reordered = `{ "items": [ { "outcome": "removed", "itemId": "${requestId}/1" } ] }`;
    expect((await w.write(w.keys.alphaAct, requestId, 'answer', reordered, idempotencyKey)).text).toBe(first.text);
    expect(w.h.headSeq).toBe(head);

    await w.h.restart();
    const afterRestart = await w.write(w.keys.alphaAct, requestId, 'answer', body, idempotencyKey);
    expect([afterRestart.status, afterRestart.text]).toEqual([first.status, first.text]);
    expect(w.h.headSeq).toBe(head);
  });

  it('a decided refusal is replayed as it was, even after the state changed', async () => {
    const requestId = await w.request('alpha');
    const idempotencyKey = newId();
    // Contested: contesting it again is illegal.
    acceptedSeqs(await w.write(w.keys.alphaAct, requestId, 'contest', { reason: 'Too late.' }, idempotencyKey));
    const second = newId();
    const illegal = await w.write(w.keys.alphaAct, requestId, 'contest', { reason: 'Again.' }, second);
    expect(illegal.status).toBe(409);
    expect((await w.operator.act('request.reopen', { requestId, reason: 'Reconsidered.' })).status).toBe('accepted');
    const replay = await w.write(w.keys.alphaAct, requestId, 'contest', { reason: 'Again.' }, second);
    expect([replay.status, replay.text]).toEqual([409, illegal.text]);
  });

  it('the same key for another request, from another key or from a device, is refused with 422 and records nothing', async () => {
    const requestId = await w.request('alpha');
    const otherRequestId = await w.request('alpha');
    const idempotencyKey = newId();
    acceptedSeqs(await w.write(w.keys.alphaAct, requestId, 'comments', { body: 'First.' }, idempotencyKey));
    const deviceMutation = newId();
    const note = { commentId: newId(), requestId, body: 'Note.' };
    expect((await w.operator.send({ mutationId: deviceMutation, type: 'comment.add', args: note, clientTime: null })).status).toBe(
      'accepted',
    );
    const before = fingerprint(w.h);

    const differs = { ok: false, error: { code: 'mutation_id_reused', details: { reason: 'request_differs' } } };
    const reused = [
      await w.write(w.keys.alphaAct, requestId, 'comments', { body: 'Second.' }, idempotencyKey),
      await w.write(w.keys.alphaAct, requestId, 'acknowledge', undefined, idempotencyKey),
      await w.write(w.keys.alphaAct, otherRequestId, 'comments', { body: 'First.' }, idempotencyKey),
    ];
    for (const reply of reused) expect([reply.status, reply.json()]).toMatchObject([422, differs]);
    const otherKey = await w.write(w.keys.betaAct, requestId, 'comments', { body: 'First.' }, idempotencyKey);
    expect([otherKey.status, otherKey.json()]).toMatchObject([
      422,
      { error: { code: 'mutation_id_reused', details: { reason: 'other_user' } } },
    ]);
    const fromDevice = await w.write(w.keys.alphaAct, requestId, 'comments', { body: 'Note.' }, deviceMutation);
    expect([fromDevice.status, fromDevice.json()]).toMatchObject([
      422,
      { error: { code: 'mutation_id_reused', details: { reason: 'other_user' } } },
    ]);
    expect(fingerprint(w.h)).toEqual(before);
  });
});
