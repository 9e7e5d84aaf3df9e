import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { requestArgs, startFixture, type Fixture } from './fixture';

let fixture: Fixture | undefined;

afterEach(async () => {
  await fixture?.close();
});

const PAGE_SIZE = 4096;

/**
 * The relay's disk goes bad under the device credentials, then is restored: the relay refuses
 * handshakes with `storage_unavailable`, which Socket.IO does not retry by itself. The device must
 * not take it for a revocation, and must connect again by itself once the relay can read its disk.
 */
it('a device refused at the handshake for a storage fault keeps trying and comes back online', async () => {
  fixture = await startFixture();
  const operator = await fixture.client(fixture.codes.operator, 'operator');
  const deviceId = operator.engine.syncStatus.actor?.deviceId;
  const statuses: string[] = [];
  operator.engine.subscribe({ onChange: () => statuses.push(operator.engine.syncStatus.connection) });

  await fixture.relay.stop();
  const file = join(fixture.relay.dataDir, 'contact-desk.sqlite');
  const db = new Database(file, { readonly: true });
  const row = db.prepare('select token_hash from device_tokens where device_id = ?').get(deviceId) as { token_hash: string };
  db.close();
  const healthy = readFileSync(file);
  const at = healthy.indexOf(row.token_hash);
  expect(at).toBeGreaterThan(0);
  const damaged = Buffer.from(healthy);
  const page = Math.floor(at / PAGE_SIZE);
  damaged.fill(0xff, page * PAGE_SIZE, page * PAGE_SIZE + 64);
  writeFileSync(file, damaged);

  await fixture.relay.start();
  // The engine's socket retries the lost transport, then is refused at the handshake.
  await operator.until(() => statuses.slice(-1)[0] === 'offline' && statuses.includes('connecting'), 10_000);
  // Two more handshakes refused the same way: each one is followed by another attempt, none by a revocation.
  const refusedSince = operator.connections.length;
  await operator.failedAttemptSince(refusedSince);
  await operator.failedAttemptSince(operator.connections.length);
  expect(statuses).not.toContain('revoked');
  expect(operator.engine.syncStatus.connection).not.toBe('online');

  await fixture.relay.stop();
  writeFileSync(file, healthy);
  await fixture.relay.start();
  await operator.until(() => operator.engine.syncStatus.connection === 'online', 40_000);
  const create = requestArgs();
  await operator.act('request.create', create);
  await operator.until(() => operator.engine.syncStatus.pending === 0 && operator.engine.state.requests.has(create.requestId));
}, 90_000);
