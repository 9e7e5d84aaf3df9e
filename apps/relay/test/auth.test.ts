import { newId, parseMutation } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, Harness, standardSetup } from './harness.js';

afterEach(closeAll);

describe('authentication of devices', () => {
  it('refuses a bad token with unauthenticated', async () => {
    const h = await Harness.start();
    for (const token of ['cdt_not-a-real-token-at-all', undefined, 42, 'short', 'x'.repeat(500)]) {
      expect(await h.refusedConnect(token)).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('an enrollment code works once only', async () => {
    const h = await Harness.start();
    const { code } = await h.createUser('operator');
    const first = await h.enrollHttp({ code, deviceLabel: 'laptop' });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { ok: true; token: string };
    expect(body.token).toMatch(/^cdt_/);
    // Codes are typed by people: case and dashes do not matter, but the code is spent.
    const again = await h.enrollHttp({ code: code.toLowerCase().replace(/-/g, ''), deviceLabel: 'phone' });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await h.connect(body.token)).session?.actor.role).toBe('operator');
  });

  it('two simultaneous enrollments with one code: exactly one wins', async () => {
    const h = await Harness.start();
    const { code } = await h.createUser('operator');
    const responses = await Promise.all([1, 2, 3].map((n) => h.enrollHttp({ code, deviceLabel: `device ${n}` })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it('a revoked device is disconnected at once and cannot reconnect', async () => {
    const { h, liaisonA } = await standardSetup();
    const prefect = await h.connect(await h.user('prefect'));
    const alpha = await h.connect(liaisonA);
    const gone = alpha.waitForDisconnect();
    expect((await prefect.act('device.revoke', { deviceId: liaisonA.deviceId })).status).toBe('accepted');
    expect(await gone).toBe('io server disconnect');
    expect(await h.refusedConnect(liaisonA.token)).toMatchObject({ code: 'unauthenticated' });
  });

  it('a mutation decided in the same group commit as its device’s revocation, after it, is refused', async () => {
    const { h, liaisonA, operator } = await standardSetup();
    const ops = await h.connect(operator);
    const { requestId } = await createRequest(ops, 'alpha');
    const session = await h.core.authenticate(liaisonA.token);
    if ('code' in session) throw new Error(session.code);
    const revoke = parseMutation({ mutationId: newId(), type: 'device.revoke', args: { deviceId: liaisonA.deviceId }, clientTime: null });
    const acknowledge = parseMutation({ mutationId: newId(), type: 'request.acknowledge', args: { requestId }, clientTime: null });
    if (!revoke.ok || !acknowledge.ok) throw new Error('invalid mutations');
    // Queued in the same tick: one batch, the revocation first (as a revocation recorded by another relay node is folded first).
    const [revoked, acknowledged] = await Promise.all([
      h.core.submit(h.core.adminSession(), [revoke.value]),
      h.core.submit(session, [acknowledge.value]),
    ]);
    expect(revoked[0]?.status).toBe('accepted');
    expect(acknowledged[0]).toMatchObject({ status: 'rejected', error: { code: 'unauthenticated' } });
    expect(h.core.view.requests.get(requestId)?.status).toBe('open');
  });

  it('a revoked user is disconnected on every device and cannot reconnect', async () => {
    const { h, operator } = await standardSetup();
    const prefect = await h.connect(await h.user('prefect'));
    const first = await h.connect(operator);
    const second = await h.connect(operator);
    await createRequest(first, 'alpha');
    const gone = Promise.all([first.waitForDisconnect(), second.waitForDisconnect()]);
    expect((await prefect.act('user.revoke', { userId: operator.userId })).status).toBe('accepted');
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await h.refusedConnect(operator.token)).toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses an unsupported protocol version', async () => {
    const { h, operator } = await standardSetup();
    const { io } = await import('socket.io-client');
    const socket = io(h.relay.url, {
      auth: { token: operator.token, protocolVersion: 99 },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const error = await new Promise<{ data?: unknown }>((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    expect(error.data).toMatchObject({ code: 'unsupported_protocol' });
  });
});
