import { deviceTokenIssuedAt, ROTATE_TOKEN_CHANNEL, type RotateTokenResponse } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { hashSecret, newDeviceToken } from '../src/auth/secrets.js';
import { rotateDeviceToken } from '../src/auth/token-rotation.js';
import { perform } from '../src/cli/admin-actions.js';
import { databaseFile } from '../src/config.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import { createRequestArgs, T0, type Client } from './harness.js';
import { LimitsRelay } from './limits-relay.js';

let relay: LimitsRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const DAY = 86_400_000;

/** A rotation as a device makes it: its own new token, only the hash sent. */
async function rotate(client: Client, issuedAt = T0): Promise<{ token: string; answer: RotateTokenResponse }> {
  const token = newDeviceToken(issuedAt);
  return { token, answer: await send(client, { tokenHash: hashSecret(token) }) };
}

function send(client: Client, ...payload: unknown[]): Promise<RotateTokenResponse> {
  return client.socket.timeout(5000).emitWithAck(ROTATE_TOKEN_CHANNEL, ...payload);
}

describe('device token rotation', () => {
  it('returns a new token once; the old one is refused at once; the live connection keeps working', async () => {
    relay = await LimitsRelay.start();
    await relay.platform('alpha');
    const operator = await relay.user('operator');
    expect(deviceTokenIssuedAt(operator.token)).toBe(T0);
    const device = await relay.connect(operator.token);

    relay.clock.advance(31 * DAY);
    const rotated = await rotate(device, relay.clock.now());
    if (!rotated.answer.ok) throw new Error(rotated.answer.error.code);
    // The answer carries no token: the device already holds it.
    expect(rotated.answer).toEqual({ ok: true, issuedAt: T0 + 31 * DAY });
    expect(deviceTokenIssuedAt(rotated.token)).toBe(T0 + 31 * DAY);

    expect(await relay.refusedConnect(operator.token)).toMatchObject({ code: 'unauthenticated' });
    // Same connection, still the same device and user.
    expect((await device.act('request.create', createRequestArgs('alpha'))).status).toBe('accepted');
    const fresh = await relay.connect(rotated.token);
    expect(fresh.session?.actor.deviceId).toBe(operator.deviceId);

    // The connection rotates again from the token it now holds.
    const second = await rotate(device);
    if (!second.answer.ok) throw new Error(second.answer.error.code);
    expect(await relay.refusedConnect(rotated.token)).toMatchObject({ code: 'unauthenticated' });

    // A connection opened with a token since replaced cannot rotate.
    const late = await rotate(fresh);
    expect(late.answer).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await relay.refusedConnect(late.token)).toMatchObject({ code: 'unauthenticated' });
    expect(await relay.refusedConnect(rotated.token)).toMatchObject({ code: 'unauthenticated' });

    // Durable: after a restart on the same file, only the last token works.
    await relay.restart();
    expect(await relay.refusedConnect(operator.token)).toMatchObject({ code: 'unauthenticated' });
    expect((await relay.connect(second.token)).session?.actor.deviceId).toBe(operator.deviceId);
  });

  it('two connections of one device rotating at once: exactly one gets a token', async () => {
    relay = await LimitsRelay.start();
    const operator = await relay.user('operator');
    const a = await relay.connect(operator.token);
    const b = await relay.connect(operator.token);
    const attempts = await Promise.all([rotate(a), rotate(b)]);
    const winners = attempts.filter((attempt) => attempt.answer.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0];
    const loser = attempts.find((attempt) => !attempt.answer.ok);
    if (!winner || !loser) throw new Error('no winner');
    expect((await relay.connect(winner.token)).session?.actor.userId).toBe(operator.userId);
    expect(await relay.refusedConnect(loser.token)).toMatchObject({ code: 'unauthenticated' });
    expect(await relay.refusedConnect(operator.token)).toMatchObject({ code: 'unauthenticated' });
  });

  it("a revoked device's token stays refused, whatever rotation it attempts", async () => {
    relay = await LimitsRelay.start();
    const prefect = await relay.connect((await relay.user('prefect')).token);
    const liaisonUser = await relay.user('operator');
    const device = await relay.connect(liaisonUser.token);

    // The revocation and a rotation race: whichever commits first, no token of the device works after.
    const revoked = prefect.act('device.revoke', { deviceId: liaisonUser.deviceId });
    const pending = newDeviceToken(T0);
    const attempt = send(device, { tokenHash: hashSecret(pending) }).catch(() => undefined);
    expect((await revoked).status).toBe('accepted');
    await attempt;
    expect(await relay.refusedConnect(liaisonUser.token)).toMatchObject({ code: 'unauthenticated' });
    expect(await relay.refusedConnect(pending)).toMatchObject({ code: 'unauthenticated' });

    // A revoked user likewise: the connection is dropped, the token refused, no rotation possible.
    const other = await relay.user('operator');
    const otherDevice = await relay.connect(other.token);
    const gone = otherDevice.waitForDisconnect();
    await perform(relay.relay.core, 'user.revoke', { userId: other.userId });
    expect(await gone).toBe('io server disconnect');
    expect(await relay.refusedConnect(other.token)).toMatchObject({ code: 'unauthenticated' });
  });

  it('a session whose device was revoked since it connected gets no new token, and the store is not touched', async () => {
    relay = await LimitsRelay.start();
    const operator = await relay.user('operator');
    const session = await relay.relay.core.authenticate(operator.token);
    if ('code' in session) throw new Error(session.code);
    await perform(relay.relay.core, 'device.revoke', { deviceId: operator.deviceId });

    const store = new SqliteStorage(databaseFile({ dataDir: relay.dataDir }));
    let swaps = 0;
    const credentials = {
      replaceDeviceToken: (current: string, next: string) => {
        swaps += 1;
        return store.replaceDeviceToken(current, next);
      },
    };
    try {
      const next = newDeviceToken(T0);
      const rotation = await rotateDeviceToken(relay.relay.core, credentials, session, hashSecret(operator.token), hashSecret(next));
      expect(rotation.response).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await store.credential(hashSecret(next))).toBeUndefined();
      expect(swaps).toBe(0);
      // The stored credential is still the old, refused one.
      expect((await store.credential(hashSecret(operator.token)))?.device.revokedAt).not.toBeNull();
    } finally {
      await store.close();
    }
    expect(await relay.refusedConnect(operator.token)).toMatchObject({ code: 'unauthenticated' });
  });

  it('a malformed or reused hash is refused with a typed error and changes nothing', async () => {
    relay = await LimitsRelay.start();
    const operator = await relay.user('operator');
    const other = await relay.user('operator');
    const device = await relay.connect(operator.token);
    const fresh = hashSecret(newDeviceToken(T0));

    const malformed: unknown[][] = [
      [{}],
      [{ tokenHash: fresh.toUpperCase() }],
      [{ tokenHash: fresh.slice(1) }],
      [{ tokenHash: `${fresh}0` }],
      [{ tokenHash: fresh.replace(/^./, 'g') }],
      [{ tokenHash: 42 }],
      [{ tokenHash: fresh, token: 'cdt_x' }],
      [null],
      ['tokenHash'],
      [],
      [{ tokenHash: fresh }, { tokenHash: fresh }],
    ];
    for (const payload of malformed) {
      expect(await send(device, ...payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    // Already in use: the connection's own token, another device's.
    expect(await send(device, { tokenHash: hashSecret(operator.token) })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await send(device, { tokenHash: hashSecret(other.token) })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // Nothing changed: both devices keep their tokens, the hash sent in each refusal stays unknown.
    expect((await relay.connect(operator.token)).session?.actor.deviceId).toBe(operator.deviceId);
    expect((await relay.connect(other.token)).session?.actor.deviceId).toBe(other.deviceId);
    const file = new SqliteStorage(databaseFile({ dataDir: relay.dataDir }));
    try {
      expect(await file.credential(fresh)).toBeUndefined();
      expect(await file.credential(fresh.toUpperCase())).toBeUndefined();
      expect((await file.credential(hashSecret(operator.token)))?.device.id).toBe(operator.deviceId);
      expect((await file.credential(hashSecret(other.token)))?.device.id).toBe(other.deviceId);
    } finally {
      await file.close();
    }
    // And the same connection still rotates afterwards.
    const after = await rotate(device);
    expect(after.answer).toMatchObject({ ok: true });
    expect((await relay.connect(after.token)).session?.actor.deviceId).toBe(operator.deviceId);
  });

  it('the hash the relay stores is the one WebCrypto gives for the token string', async () => {
    const token = newDeviceToken(T0);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
    expect(Buffer.from(digest).toString('hex')).toBe(hashSecret(token));
  });
});
