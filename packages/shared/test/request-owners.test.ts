import { describe, expect, it } from 'vitest';
import { ownerOf, reduce, emptyState } from '../src/index.js';
import { IDS, PREFECT, createRequest, seeded } from './fixtures.js';

describe('who handles a request', () => {
  it('starts with the sender as the ministry’s owner and nobody at the platform', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    expect(desk.request(requestId).owners).toEqual({ ministry: IDS.operator, platform: null });
  });

  it('a liaison takes it, hands it to a colleague of the platform, who lets it go: each step is an event', () => {
    const { desk, operator, metaLiaison, metaBackup } = seeded();
    const requestId = createRequest(desk, operator);
    const took = desk.must(metaLiaison, 'request.assign', { requestId, assigneeId: IDS.metaLiaison });
    expect(took.events.map((event) => [event.type, event.payload])).toEqual([
      ['request.assigned', { requestId, side: 'platform', assigneeId: IDS.metaLiaison, previousId: null }],
    ]);
    desk.must(metaLiaison, 'request.assign', { requestId, assigneeId: IDS.metaBackup });
    expect(ownerOf(desk.request(requestId), 'platform')).toBe(IDS.metaBackup);
    desk.must(metaBackup, 'request.assign', { requestId, assigneeId: null });
    expect(desk.request(requestId).owners).toEqual({ ministry: IDS.operator, platform: null });
    expect(took.events[0]?.audience).toEqual({ kind: 'platform', platformId: 'meta' });
  });

  it('the ministry hands over among prefects and operators, never to a liaison', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(operator, 'request.assign', { requestId, assigneeId: IDS.prefect });
    expect(desk.request(requestId).owners).toEqual({ ministry: IDS.prefect, platform: null });
    const { decision } = desk.submit(operator, 'request.assign', { requestId, assigneeId: IDS.metaLiaison });
    expect(decision).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', details: { reason: 'assignee_not_on_side', side: 'ministry' } },
    });
  });

  it('a liaison cannot hand over to another platform’s liaison, nor act on another platform’s request', () => {
    const { desk, operator, metaLiaison, tiktokLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    const before = desk.state;
    expect(desk.submit(metaLiaison, 'request.assign', { requestId, assigneeId: IDS.tiktokLiaison }).decision).toMatchObject({
      ok: false,
      error: { details: { reason: 'assignee_not_on_side' } },
    });
    expect(desk.submit(tiktokLiaison, 'request.assign', { requestId, assigneeId: IDS.tiktokLiaison }).decision).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(desk.state).toBe(before);
  });

  it('refuses a change that changes nothing, and a revoked colleague', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    expect(desk.submit(metaLiaison, 'request.assign', { requestId, assigneeId: null }).decision).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'owner_none' } },
    });
    desk.must(metaLiaison, 'request.assign', { requestId, assigneeId: IDS.metaLiaison });
    expect(desk.submit(metaLiaison, 'request.assign', { requestId, assigneeId: IDS.metaLiaison }).decision).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'owner_unchanged', name: 'Lina Meta' } },
    });
    desk.must(PREFECT, 'user.revoke', { userId: IDS.metaBackup });
    expect(desk.submit(metaLiaison, 'request.assign', { requestId, assigneeId: IDS.metaBackup }).decision.ok).toBe(false);
  });

  it('reads requests recorded before owners existed as having none', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    const created = desk.log.find((event) => event.type === 'request.created')!;
    const { owners: _dropped, ...older } = desk.request(requestId);
    const replayed = reduce(emptyState(), [{ ...created, payload: { request: older } } as typeof created]);
    const request = replayed.requests.get(requestId)!;
    expect(ownerOf(request, 'ministry')).toBeNull();
    expect(ownerOf(request, 'platform')).toBeNull();
  });
});
