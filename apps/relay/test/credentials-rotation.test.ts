import { deviceTokenIssuedAt, ROTATE_TOKEN_CHANNEL, type RotateTokenResponse } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/auth/secrets.js';
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

function rotate(client: Client): Promise<RotateTokenResponse> {
  return client.socket.timeout(5000).emitWithAck(ROTATE_TOKEN_CHANNEL, {});
}

describe('device token rotation', () => {
  it('returns a new token once; the old one is refused at once; the live connection keeps working', async () => {
    relay = await LimitsRelay.start();
    await relay.platform('alpha');
    const operator = await relay.user('operator');
    expect(deviceTokenIssuedAt(operator.token)).toBe(T0);
    const device = await relay.connect(operator.token);

    relay.clock.advance(31 * DAY);
    const rotated = await rotate(device);
    if (!rotated.ok) throw new Error(rotated.error.code);
    expect(rotated.token).not.toBe(operator.token);
    expect(rotated.issuedAt).toBe(T0 + 31 * DAY);
    expect(deviceTokenIssuedAt(rotated.token)).toBe(T0 + 31 * DAY);

    expect(await relay.refusedConnect(operator.token)).toMatchObject({ code: 'unauthenticated' });
    // Same connection, still the same device and user.
    expect((await device.act('request.create', createRequestArgs('alpha'))).status).toBe('accepted');
    const fresh = await relay.connect(rotated.token);
    expect(fresh.session?.actor.deviceId).toBe(operator.deviceId);

    // The connection rotates again from the token it now holds.
    const second = await rotate(device);
    if (!second.ok) throw new Error(second.error.code);
    expect(await relay.refusedConnect(rotated.token)).toMatchObject({ code: 'unauthenticated' });

    // A connection opened with a token since replaced cannot rotate.
    expect(await rotate(fresh)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
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
    const answers = await Promise.all([rotate(a), rotate(b)]);
    const winners = answers.filter((answer) => answer.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0];
    if (!winner?.ok) throw new Error('no winner');
    expect((await relay.connect(winner.token)).session?.actor.userId).toBe(operator.userId);
    expect(await relay.refusedConnect(operator.token)).toMatchObject({ code: 'unauthenticated' });
  });

  it("a revoked device's token stays refused, whatever rotation it attempts", async () => {
    relay = await LimitsRelay.start();
    const prefect = await relay.connect((await relay.user('prefect')).token);
    const liaisonUser = await relay.user('operator');
    const device = await relay.connect(liaisonUser.token);

    // The revocation and a rotation race: whichever commits first, no token of the device works after.
    const revoked = prefect.act('device.revoke', { deviceId: liaisonUser.deviceId });
    const attempt = rotate(device).catch(() => undefined);
    expect((await revoked).status).toBe('accepted');
    const answer = await attempt;
    expect(await relay.refusedConnect(liaisonUser.token)).toMatchObject({ code: 'unauthenticated' });
    if (answer?.ok) expect(await relay.refusedConnect(answer.token)).toMatchObject({ code: 'unauthenticated' });

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
    const session = relay.relay.core.authenticate(operator.token);
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
      const rotation = rotateDeviceToken(relay.relay.core, credentials, session, hashSecret(operator.token));
      expect(rotation.response).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(swaps).toBe(0);
      // The stored credential is still the old, refused one.
      expect(store.credential(hashSecret(operator.token))?.device.revokedAt).not.toBeNull();
    } finally {
      store.close();
    }
    expect(await relay.refusedConnect(operator.token)).toMatchObject({ code: 'unauthenticated' });
  });
});
