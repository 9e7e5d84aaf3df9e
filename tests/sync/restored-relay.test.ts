import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { relayCli } from '../support/relay-process';
import { requestArgs, startFixture, type Fixture } from './fixture';
import type { SyncClient } from './sync-client';

let fixture: Fixture | undefined;

afterEach(async () => {
  await fixture?.close();
});

async function create(client: SyncClient, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const args = requestArgs();
    ids.push(args.requestId);
    await client.act('request.create', args);
  }
  await client.until(() => client.engine.syncStatus.pending === 0 && ids.every((id) => client.engine.state.requests.has(id)));
  return ids;
}

/**
 * The relay is restored from a backup taken before events a device already holds, then new events
 * take the log past that device's cursor. Seqs alone cannot tell: the device's cursor checks out
 * as "behind the head". The chain can: the hash the device holds for its cursor is not the
 * restored log's, so the relay sends it back to seq 0 and it ends with exactly the relay's state.
 */
it('a device whose copy came from a log since restored from a backup starts over and matches the relay', async () => {
  fixture = await startFixture();
  const early = await fixture.client(fixture.codes.operator, 'early operator');
  const kept = await create(early, 3);
  const backup = join(mkdtempSync(join(tmpdir(), 'contact-desk-backup-')), 'before.sqlite');
  relayCli(fixture.relay.dataDir, ['backup', backup]);
  const lost = await create(early, 3);
  const cursorBefore = early.engine.syncStatus.cursor;
  await early.quit();

  await fixture.relay.stop();
  relayCli(fixture.relay.dataDir, ['restore', backup]);
  await fixture.relay.start();
  const late = await fixture.client(fixture.codes.operator2, 'late operator');
  const after = await create(late, 6);
  await late.until(() => late.engine.syncStatus.cursor > cursorBefore);

  await early.reopen();
  await early.until(
    () => early.engine.syncStatus.connection === 'online' && early.engine.syncStatus.cursor === late.engine.syncStatus.cursor,
    20_000,
  );
  const ids = (client: SyncClient) => [...client.engine.state.requests.keys()].sort();
  expect(ids(early)).toEqual([...kept, ...after].sort());
  expect(lost.some((id) => early.engine.state.requests.has(id))).toBe(false);
  expect(ids(early)).toEqual(ids(late));
  expect(early.engine.syncStatus.cursorHash).toBe(late.engine.syncStatus.cursorHash);
}, 90_000);
