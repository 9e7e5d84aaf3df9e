/**
 * The app's sync engine against an in-process relay with a real SQLite file: a push refused by
 * the rate limit stays in the outbox and is sent again after the delay the relay asked for, and
 * an old device token is rotated on connecting and handed to the credential store.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deviceTokenIssuedAt, newId, parseMutation, type Role } from '@contact-desk/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { enrollDevice, LocalDb, SyncEngine, TOKEN_ROTATION_AGE_MS, type DeviceTokens, type Rejection } from '@contact-desk/sync';
import { hashSecret } from '../../apps/relay/src/auth/secrets';
import { perform } from '../../apps/relay/src/cli/admin-actions';
import { databaseFile, DEFAULT_LIMITS, type RelayLimits } from '../../apps/relay/src/config';
import { ManualClock, systemClock, type Clock } from '../../apps/relay/src/core/clock';
import { createLogger } from '../../apps/relay/src/logger';
import { startRelay, type RunningRelay } from '../../apps/relay/src/server';
import { SqliteStorage } from '../../apps/relay/src/storage/sqlite-storage';
import { handshake } from '../support/handshake';
import { until } from './until';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function relayWith(limits: Partial<RelayLimits>, clock: Clock = systemClock) {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-desk-limits-'));
  const logLines: string[] = [];
  const relay: RunningRelay = await startRelay(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir,
      corsOrigin: '*',
      deadlineCheckMs: 0,
      logLevel: 'info',
      limits: { ...DEFAULT_LIMITS, ...limits },
    },
    { clock, logger: createLogger('info', { write: (line: string) => void logLines.push(line) }) },
  );
  cleanups.push(async () => {
    await relay.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  await perform(relay.core, 'platform.create', { platformId: 'meta', name: 'Meta', kind: 'platform' });
  const enroll = async (role: Role) => {
    const created = await perform(relay.core, 'user.create', { userId: newId(), name: `A ${role}`, role, platformId: null });
    const enrolled = await enrollDevice(relay.url, created.data?.enrollmentCode ?? '', `${role} laptop`);
    if (!enrolled.ok) throw new Error(enrolled.error.message);
    return enrolled.token;
  };
  return { relay, logLines, enroll, dataDir };
}

function engineFor(relayUrl: string, token: string, db: LocalDb, storeTokens?: (tokens: DeviceTokens) => Promise<void>) {
  const engine = new SyncEngine({
    db,
    relayUrl,
    token,
    ackTimeoutMs: 5_000,
    storeTokens,
    socketOptions: { reconnectionDelay: 100, reconnectionDelayMax: 300 },
  });
  const rejections: Rejection[] = [];
  engine.subscribe({ onChange: () => undefined, onRejected: (rejection) => rejections.push(rejection) });
  cleanups.push(() => engine.stop());
  return { engine, rejections };
}

function newDb(): LocalDb {
  const db = new LocalDb(`limits-${newId()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  cleanups.push(() => db.close());
  return db;
}

describe('sync engine and the relay limits', () => {
  it('an outbox larger than the burst is sent in full, each mutation recorded once, after the delays asked', async () => {
    // 100 at once, then 100 a second: 350 queued actions need at least 2.5 s of waiting.
    const { relay, logLines, enroll } = await relayWith({ mutationBurst: 100, mutationsPerSecond: 100 });
    const token = await enroll('operator');
    const db = newDb();
    const offline = engineFor(relay.url, token, db);
    await offline.engine.start();
    await until(() => offline.engine.syncStatus.connection === 'online', 'online');
    await offline.engine.stop();

    // Queued while the app is closed, as after a long time offline.
    const queued = Array.from({ length: 350 }, () => {
      const parsed = parseMutation({
        mutationId: newId(),
        type: 'request.create',
        args: {
          requestId: newId(),
          platformId: 'meta',
          kind: 'removal',
          priority: 'P1',
          items: [`https://example.com/${newId()}`],
          category: 'hate',
          grounds: 'Hate speech.',
        },
        clientTime: Date.now(),
      });
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.value;
    });
    await db.outbox.bulkAdd(queued.map((mutation) => ({ mutationId: mutation.mutationId, mutation, queuedAt: Date.now(), attempts: 0 })));

    const head = relay.core.headSeq;
    const { engine, rejections } = engineFor(relay.url, token, db);
    await engine.start();
    await until(() => engine.syncStatus.pending === 0, 'the outbox to drain');
    expect(rejections).toEqual([]);
    expect(relay.core.headSeq).toBe(head + 350);
    const page = await relay.core.pull({ role: 'prefect', platformId: null }, head, 1000);
    if (!page.ok) throw new Error(page.error.code);
    const ids = page.events.map((event) => event.mutationId);
    expect(new Set(ids).size).toBe(350);
    expect(ids.sort()).toEqual(queued.map((mutation) => mutation.mutationId).sort());
    expect(await db.outbox.count()).toBe(0);
    // The limit was really hit, and the engine came back after it.
    expect(logLines.filter((line) => line.includes('"msg":"push rate limited"')).length).toBeGreaterThan(0);
  });

  it('a token older than the rotation age is replaced on connecting and stored; the old one is refused', async () => {
    const clock = new ManualClock(Date.UTC(2026, 2, 10, 9, 0, 0));
    const { relay, enroll } = await relayWith({}, clock);
    const token = await enroll('operator');
    expect(deviceTokenIssuedAt(token)).toBe(clock.now());
    const stored: DeviceTokens[] = [];
    const store = async (tokens: DeviceTokens) => void stored.push(tokens);

    // Young enough: no rotation.
    clock.advance(TOKEN_ROTATION_AGE_MS - 60_000);
    const db = newDb();
    const young = engineFor(relay.url, token, db, store);
    await young.engine.start();
    await until(() => young.engine.syncStatus.connection === 'online', 'online');
    await young.engine.stop();
    expect(stored).toEqual([]);

    clock.advance(60_000);
    const { engine } = engineFor(relay.url, token, db, store);
    await engine.start();
    await until(() => stored.length === 2, 'the new token to be stored, then adopted');
    // Stored as pending before the relay heard of it, then alone once the relay confirmed it.
    const fresh = stored[0]?.pendingToken ?? '';
    expect(stored).toEqual([{ token, pendingToken: fresh }, { token: fresh }]);
    expect(deviceTokenIssuedAt(fresh)).toBe(clock.now());

    // The live connection keeps working: a change goes through and is confirmed.
    const parsed = parseMutation({
      mutationId: newId(),
      type: 'request.create',
      args: {
        requestId: newId(),
        platformId: 'meta',
        kind: 'removal',
        priority: 'P0',
        items: ['https://example.com/x'],
        category: 'hate',
        grounds: 'x',
      },
      clientTime: null,
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    await engine.enqueue(parsed.value);
    await until(() => engine.syncStatus.pending === 0, 'the change to be confirmed');

    const refused = await handshake(relay.url, token);
    expect(refused).toMatchObject({ code: 'unauthenticated' });
    expect(await handshake(relay.url, fresh)).toBe('connected');

    // After a reconnection the engine uses the new token.
    await engine.stop();
    const next = engineFor(relay.url, fresh, db, store);
    await next.engine.start();
    await until(() => next.engine.syncStatus.connection === 'online', 'online with the new token');
    expect(stored).toHaveLength(2);
  });

  it('a token that does not say its age (issued by an earlier relay) is replaced at the first connection', async () => {
    const { relay, enroll, dataDir } = await relayWith({});
    const token = await enroll('operator');
    // Give the device a token in the earlier format, as a file from an earlier relay would hold.
    const legacy = `cdt_${randomBytes(32).toString('base64url')}`;
    const file = new SqliteStorage(databaseFile({ dataDir }));
    try {
      expect(await file.replaceDeviceToken(hashSecret(token), hashSecret(legacy))).toBe('replaced');
    } finally {
      file.closeNow();
    }
    expect(await handshake(relay.url, legacy)).toBe('connected');

    const stored: DeviceTokens[] = [];
    const { engine } = engineFor(relay.url, legacy, newDb(), async (tokens) => void stored.push(tokens));
    await engine.start();
    await until(() => stored.length === 2, 'the new token to be stored, then adopted');
    const fresh = stored[1]?.token ?? '';
    expect(stored).toEqual([{ token: legacy, pendingToken: fresh }, { token: fresh }]);
    expect(deviceTokenIssuedAt(fresh)).not.toBeNull();
    expect(await handshake(relay.url, legacy)).toMatchObject({ code: 'unauthenticated' });
    expect(await handshake(relay.url, fresh)).toBe('connected');
  });

  it('without a place to store a new token, the engine keeps its old one', async () => {
    const clock = new ManualClock(Date.UTC(2026, 2, 10, 9, 0, 0));
    const { relay, enroll } = await relayWith({}, clock);
    const token = await enroll('operator');
    clock.advance(2 * TOKEN_ROTATION_AGE_MS);
    const { engine } = engineFor(relay.url, token, newDb());
    await engine.start();
    await until(() => engine.syncStatus.actor !== null, 'the session');
    // A rotation would have been sent on the session, before this push: once the push is
    // confirmed, the relay has seen everything the engine sent.
    const parsed = parseMutation({
      mutationId: newId(),
      type: 'platform.update',
      args: { platformId: 'meta', patch: { name: 'Meta Platforms' } },
      clientTime: null,
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    await engine.enqueue(parsed.value);
    await until(() => engine.syncStatus.pending === 0, 'the push to be answered');
    await engine.stop();
    expect(await handshake(relay.url, token)).toBe('connected');
  });
});
