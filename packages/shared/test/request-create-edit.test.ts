import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_MS, type MutationInput } from '../src/index.js';
import { HOUR, MINUTE, T0, createRequest, seeded, uuid } from './fixtures.js';

const base = (requestId: string): MutationInput<'request.create'> => ({
  requestId,
  platformId: 'meta',
  kind: 'removal',
  priority: 'P1',
  items: ['https://facebook.com/p/1'],
  category: 'threats',
  grounds: 'Death threats.',
});

describe('creating a request', () => {
  it('refuses a second request with the same id', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    const { decision } = desk.submit(operator, 'request.create', base(requestId));
    expect(decision).toMatchObject({ ok: false, error: { code: 'conflict', details: { id: requestId } } });
  });

  it('refuses an unknown platform, an inactive one, and an unknown priority', () => {
    const { desk, operator, prefect } = seeded();
    expect(desk.submit(operator, 'request.create', { ...base(desk.freshId()), platformId: 'nowhere' }).decision).toMatchObject({
      error: { code: 'not_found', message: 'No platform nowhere is visible to you.' },
    });
    expect(desk.submit(operator, 'request.create', { ...base(desk.freshId()), priority: 'P7' }).decision).toMatchObject({
      error: { code: 'invalid_payload', details: { path: 'priority' } },
    });
    desk.must(prefect, 'platform.update', { platformId: 'meta', patch: { active: false } });
    expect(desk.submit(operator, 'request.create', base(desk.freshId())).decision).toMatchObject({
      error: { code: 'conflict', details: { platformId: 'meta' } },
    });
  });

  it('refuses the same content listed twice under two spellings', () => {
    const { desk, operator } = seeded();
    const { decision } = desk.submit(operator, 'request.create', {
      ...base(desk.freshId()),
      items: ['https://www.facebook.com/p/1?utm_source=x', 'facebook.com/p/1/'],
    });
    expect(decision).toMatchObject({ ok: false, error: { code: 'invalid_payload', details: { path: 'items' } } });
    expect(desk.state.requests.size).toBe(0);
  });

  it('gives a preservation request six months of retention by default, and nothing to other kinds', () => {
    const { desk, operator } = seeded();
    const preserved = createRequest(desk, operator, { kind: 'preservation' });
    expect(desk.request(preserved).retentionUntil).toBe(T0 + DEFAULT_RETENTION_MS);
    const removal = desk.freshId();
    desk.must(operator, 'request.create', { ...base(removal), retentionUntil: T0 + HOUR });
    expect(desk.request(removal).retentionUntil).toBeNull();
  });

  it('applies a policy change to new requests only', () => {
    const { desk, operator, prefect } = seeded();
    const before = createRequest(desk, operator, { priority: 'P0' });
    desk.must(prefect, 'policy.update', {
      levels: [{ label: 'P0', name: 'Terrorist emergency', ackMinutes: 5, actionMinutes: 60 }],
    });
    const after = createRequest(desk, operator, { priority: 'P0' });
    expect(desk.request(before).sla).toMatchObject({ ackMs: 15 * MINUTE, policyVersion: 1 });
    expect(desk.request(after).sla).toMatchObject({ ackMs: 5 * MINUTE, policyVersion: 2 });
    expect(desk.submit(operator, 'request.create', { ...base(desk.freshId()), priority: 'P1' }).decision).toMatchObject({
      error: { code: 'invalid_payload' },
    });
  });
});

describe('editing a request', () => {
  it('adds items after the existing ones and changes fields', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    desk.tick(MINUTE).must(operator, 'request.edit', {
      requestId,
      patch: { addItems: ['https://facebook.com/p/3'], doNotInform: true, pharosRef: 'PH-42' },
    });
    const request = desk.request(requestId);
    expect(request.items.map((item) => item.id)).toEqual([`${requestId}/1`, `${requestId}/2`, `${requestId}/3`]);
    expect(request).toMatchObject({
      doNotInform: true,
      pharosRef: 'PH-42',
      updatedAt: T0 + MINUTE,
      category: 'terrorism_apology',
    });
  });

  it('refuses an added item already in the request', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    const { decision } = desk.submit(operator, 'request.edit', {
      requestId,
      patch: { addItems: ['www.facebook.com/posts/1/'] },
    });
    expect(decision).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', details: { path: 'patch.addItems' } },
    });
  });

  it('refuses a retention end on anything but a preservation request', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    const { decision } = desk.submit(operator, 'request.edit', { requestId, patch: { retentionUntil: T0 + HOUR } });
    expect(decision).toMatchObject({ ok: false, error: { details: { path: 'patch.retentionUntil' } } });
  });
});

describe('comments and manual escalation', () => {
  it('records comments with the author, the relay time and the client time', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    const commentId = uuid(600);
    desk.tick(MINUTE).must(metaLiaison, 'comment.add', { requestId, commentId, body: 'Looking into it.' }, T0);
    expect(desk.state.comments.get(commentId)).toEqual({
      id: commentId,
      requestId,
      authorId: metaLiaison.userId,
      authorName: 'Lina Meta',
      body: 'Looking into it.',
      visibility: 'shared',
      createdAt: T0 + MINUTE,
      clientTime: T0,
    });
    const again = desk.submit(operator, 'comment.add', { requestId, commentId, body: 'Twice.' });
    expect(again.decision).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('escalates by hand up the platform’s chain only: backup, manager, then refuses', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    const targets = [1, 2].map(() => desk.must(operator, 'request.escalate', { requestId, note: 'Nothing yet.' }).events[0]?.payload);
    expect(targets).toEqual(
      [1, 2].map((level) => ({
        requestId,
        level,
        target: ['none', 'backup_liaison', 'platform_manager'][level],
        note: 'Nothing yet.',
        automatic: false,
      })),
    );
    expect(desk.request(requestId).escalationLevel).toBe(2);
    const { decision } = desk.submit(operator, 'request.escalate', { requestId, note: 'Again.' });
    expect(decision).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'escalation_chain_end', level: 2 } } });
  });
});
