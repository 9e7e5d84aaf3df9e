/**
 * Token rotation cannot lock a device out: the app's sync engine against an in-process relay
 * (real SQLite file, real sockets) behind a TCP proxy that loses the relay's answer or the
 * request itself, with the credential store kept as the platform keeps it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS, deviceTokenIssuedAt, newId, PROTOCOL_VERSION, ROTATE_TOKEN_CHANNEL } from '@contact-desk/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import {
  deviceTokenHash,
  enrollDevice,
  GLOBAL_TIMERS,
  LocalDb,
  newDeviceToken,
  SyncEngine,
  TOKEN_ROTATION_AGE_MS,
  type DeviceTokens,
  type Timers,
} from '@contact-desk/sync';
import { hashSecret } from '../../apps/relay/src/auth/secrets';
import { perform } from '../../apps/relay/src/cli/admin-actions';
import { DEFAULT_LIMITS } from '../../apps/relay/src/config';
import { ManualClock } from '../../apps/relay/src/core/clock';
import { silentLogger } from '../../apps/relay/src/logger';
import { startRelay, type RunningRelay } from '../../apps/relay/src/server';
import { handshake } from '../support/handshake';
import { TcpProxy } from '../support/tcp-proxy';
import { until } from './until';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A relay whose clock is past the rotation age of the token it enrolls, reached through a proxy. */
async function setUp() {
  const clock = new ManualClock(Date.UTC(2026, 2, 10, 9, 0, 0));
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-desk-rotation-'));
  const relay: RunningRelay = await startRelay(
    { host: '127.0.0.1', port: 0, dataDir, corsOrigin: '*', deadlineCheckMs: 0, logLevel: 'info', limits: DEFAULT_LIMITS },
    { clock, logger: silentLogger },
  );
  cleanups.push(async () => {
    await relay.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const proxy = new TcpProxy(Number(new URL(relay.url).port));
  await proxy.start();
  cleanups.push(() => proxy.stop());
  const created = await perform(relay.core, 'user.create', { userId: newId(), name: 'An operator', role: 'operator', platformId: null });
  const enrolled = await enrollDevice(relay.url, created.data?.enrollmentCode ?? '', 'operator laptop');
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  clock.advance(2 * TOKEN_ROTATION_AGE_MS);
  return { relay, proxy, token: enrolled.token, deviceId: enrolled.actor.deviceId ?? '' };
}

/** The platform's credential store as the engine sees it: what it holds, and every write. */
class StoredTokens {
  writes: DeviceTokens[] = [];
  constructor(public current: DeviceTokens) {}
  /** Runs before the write completes, as a disk write the network does not wait for. */
  onWrite: (tokens: DeviceTokens) => void = () => undefined;
  readonly store = async (tokens: DeviceTokens): Promise<void> => {
    this.current = tokens;
    this.writes.push(tokens);
    this.onWrite(tokens);
  };
}

/** The engine's timers, each counted while it waits: none waiting means nothing is due to run again. */
class WaitingTimers implements Timers {
  readonly waiting = new Set<unknown>();
  readonly setTimeout = (run: () => void, delayMs: number): unknown => {
    const handle = GLOBAL_TIMERS.setTimeout(() => {
      this.waiting.delete(handle);
      run();
    }, delayMs);
    this.waiting.add(handle);
    return handle;
  };
  readonly clearTimeout = (handle: unknown): void => {
    this.waiting.delete(handle);
    GLOBAL_TIMERS.clearTimeout(handle);
  };
}

function engineFrom(url: string, stored: StoredTokens, ackTimeoutMs = 1_500, timers: Timers = GLOBAL_TIMERS) {
  const db = new LocalDb(`rotation-${newId()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const engine = new SyncEngine({
    db,
    relayUrl: url,
    token: stored.current.token,
    pendingToken: stored.current.pendingToken,
    storeTokens: stored.store,
    ackTimeoutMs,
    socketOptions: { reconnectionDelay: 100, reconnectionDelayMax: 300 },
    timers,
  });
  cleanups.push(async () => {
    await engine.stop();
    db.close();
  });
  return engine;
}

/**
 * Starts an engine whose first rotation reaches the relay but whose answer is lost (from the
 * moment the pending token is stored, the relay's answers no longer reach the device), waits for
 * the relay to commit it, then quits the app and mends the link.
 */
async function rotationWithAnswerLost(relay: RunningRelay, proxy: TcpProxy, token: string) {
  const stored = new StoredTokens({ token });
  stored.onWrite = (tokens) => {
    if (tokens.pendingToken) proxy.loseReplies();
  };
  const first = engineFrom(proxy.url, stored);
  await first.start();
  await until(() => stored.writes.length === 1, 'the pending token to be stored');
  const pending = stored.current.pendingToken ?? '';
  await until(async () => (await handshake(relay.url, pending)) === 'connected', 'the relay to commit the rotation');
  await first.stop();
  proxy.restore();
  return { stored, pending };
}

describe('token rotation with the answer lost', () => {
  it('the device makes its token in the relay format and sends the hash the relay stores', async () => {
    const token = newDeviceToken(Date.UTC(2026, 2, 10));
    expect(deviceTokenIssuedAt(token)).toBe(Date.UTC(2026, 2, 10));
    expect(await deviceTokenHash(token)).toBe(hashSecret(token));
    expect(await deviceTokenHash('cdt_é')).toBe(hashSecret('cdt_é'));
    expect(newDeviceToken(0)).not.toBe(newDeviceToken(0));
  });

  it('the relay commits, its answer is lost: the same engine reconnects with the pending token and keeps it', async () => {
    const { relay, proxy, token, deviceId } = await setUp();
    const stored = new StoredTokens({ token });
    // From the moment the pending token is stored, the relay's answers no longer reach the device.
    stored.onWrite = (tokens) => {
      if (tokens.pendingToken) proxy.loseReplies();
    };
    const engine = engineFrom(proxy.url, stored);
    await engine.start();
    await until(() => stored.writes.length === 1, 'the pending token to be stored');
    const pending = stored.current.pendingToken ?? '';
    expect(stored.current).toEqual({ token, pendingToken: pending });
    // The relay swapped the hashes; the device never heard.
    await until(async () => (await handshake(relay.url, pending)) === 'connected', 'the relay to commit the rotation');
    expect(await handshake(relay.url, token)).toMatchObject({ code: 'unauthenticated' });
    expect(stored.writes).toHaveLength(1);

    proxy.restore();
    await until(() => stored.writes.length === 2, 'the pending token to be adopted');
    expect(stored.current).toEqual({ token: pending });
    await until(() => engine.syncStatus.connection === 'online', 'online with the pending token');
    expect(engine.syncStatus.actor?.deviceId).toBe(deviceId);
    expect(await relay.core.authenticate(pending)).toMatchObject({ device: { id: deviceId } });
  });

  it('the app closes right after sending: the next start connects with the pending token and drops the old one', async () => {
    const { relay, proxy, token, deviceId } = await setUp();
    const { stored, pending } = await rotationWithAnswerLost(relay, proxy, token);
    expect(stored.current).toEqual({ token, pendingToken: pending });

    const next = engineFrom(proxy.url, stored);
    await next.start();
    await until(() => next.syncStatus.connection === 'online', 'online after the restart');
    await until(() => stored.current.pendingToken === undefined, 'the pending token to be adopted');
    expect(stored.current).toEqual({ token: pending });
    // The session names the actor; a rotation decided on it stores its new token before anything is sent.
    await until(() => next.syncStatus.actor !== null, 'the session');
    expect(next.syncStatus.actor?.deviceId).toBe(deviceId);
    // The adopted token is young: no second rotation.
    await next.idle();
    expect(stored.writes).toHaveLength(2);
    expect(await handshake(relay.url, token)).toMatchObject({ code: 'unauthenticated' });
  });

  it('the request never reaches the relay: the old token still works and the same pending token is sent again', async () => {
    const { relay, proxy, token } = await setUp();
    const stored = new StoredTokens({ token });
    stored.onWrite = (tokens) => {
      if (tokens.pendingToken) proxy.stall();
    };
    const first = engineFrom(proxy.url, stored);
    await first.start();
    await until(() => stored.writes.length === 1, 'the pending token to be stored');
    const pending = stored.current.pendingToken ?? '';
    await first.stop();
    proxy.restore();
    expect(await handshake(relay.url, token)).toBe('connected');
    expect(await handshake(relay.url, pending)).toMatchObject({ code: 'unauthenticated' });

    stored.onWrite = () => undefined;
    const next = engineFrom(proxy.url, stored);
    await next.start();
    await until(() => stored.current.pendingToken === undefined, 'the rotation to complete');
    // The token made before, not a third one: whatever the lost request carried is what the device holds.
    expect(stored.writes.slice(1)).toEqual([{ token: pending }]);
    expect(await handshake(relay.url, pending)).toBe('connected');
    expect(await handshake(relay.url, token)).toMatchObject({ code: 'unauthenticated' });
  });

  it('a revoked device with a pending token still ends revoked, and neither token works', async () => {
    const { relay, proxy, token, deviceId } = await setUp();
    const { stored, pending } = await rotationWithAnswerLost(relay, proxy, token);

    await perform(relay.core, 'device.revoke', { deviceId });
    const timers = new WaitingTimers();
    const next = engineFrom(proxy.url, stored, undefined, timers);
    await next.start();
    await until(() => next.syncStatus.connection === 'revoked', 'the device to be told it is revoked');
    expect(await handshake(relay.url, token)).toMatchObject({ code: 'unauthenticated' });
    expect(await handshake(relay.url, pending)).toMatchObject({ code: 'unauthenticated' });
    // It stays revoked: its socket is closed (Socket.IO's own reconnection is off) and no
    // reconnection or retry is waiting on a timer, so no further attempt can turn it back online.
    await next.idle();
    expect(timers.waiting.size).toBe(0);
    expect(next.syncStatus.connection).toBe('revoked');
    expect(stored.writes).toHaveLength(1);
  });

  it('a relay of the earlier form, which sends a token of its own, has that token stored as current', async () => {
    // The earlier relay ignored the payload and answered with the token it made.
    const http = createServer();
    const server = new Server(http);
    const relayToken = newDeviceToken(Date.UTC(2026, 2, 10));
    const received: unknown[] = [];
    server.on('connection', (socket) => {
      socket.emit(CHANNELS.session, {
        protocolVersion: PROTOCOL_VERSION,
        actor: { userId: newId(), name: 'An operator', role: 'operator', platformId: null, deviceId: newId() },
        headSeq: 0,
        serverTime: Date.UTC(2026, 2, 10),
        policy: null,
      });
      socket.on(CHANNELS.pull, (_payload: unknown, ack: (answer: unknown) => void) =>
        ack({ ok: false, error: { code: 'internal', message: 'no log here' } }),
      );
      socket.on(ROTATE_TOKEN_CHANNEL, (payload: unknown, ack: (answer: unknown) => void) => {
        received.push(payload);
        ack({ ok: true, token: relayToken, issuedAt: Date.UTC(2026, 2, 10) });
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => void server.close(() => resolve())));
    const address = http.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const stored = new StoredTokens({ token: `cdt_${'a'.repeat(43)}` });
    const engine = engineFrom(url, stored);
    await engine.start();
    await until(() => stored.writes.length === 2, 'the rotation to settle');
    const pending = stored.writes[0]?.pendingToken ?? '';
    expect(received).toEqual([{ tokenHash: hashSecret(pending) }]);
    expect(stored.current).toEqual({ token: relayToken });
  });
});
