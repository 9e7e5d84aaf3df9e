/**
 * The app's sync engine against two real relay processes on one real PostgreSQL database, as
 * docs/deployment.md sets them up: the device is given both addresses. The node it is on dies
 * (SIGKILL) while it has an action waiting; the device carries on through the other node with the
 * same token, the same cursor and the same mutation id, and the other devices see the action once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalPostgres } from '../../apps/relay/src/storage/pg/local-postgres';
import { addUser, freePort, newDataDir, relayCli, RelayProcess } from '../support/relay-process';
import { requestArgs } from './fixture';
import { SyncClient } from './sync-client';

let server: LocalPostgres;
const nodes: RelayProcess[] = [];
const clients: SyncClient[] = [];

beforeAll(async () => {
  server = await LocalPostgres.start();
  const databaseUrl = await server.createDatabase('app_on_two_nodes');
  // The CLI's set-up commands write to the database this names.
  process.env.CONTACT_DESK_DATABASE_URL = databaseUrl;
  for (let index = 0; index < 2; index += 1)
    nodes.push(new RelayProcess(newDataDir(), await freePort(), { CONTACT_DESK_DATABASE_URL: databaseUrl }));
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await Promise.all(nodes.map((node) => node.stop()));
  delete process.env.CONTACT_DESK_DATABASE_URL;
  await server?.stop();
});

it('the node a device is on is killed: the device moves to the other node, its waiting action recorded once', async () => {
  const [a, b] = nodes as [RelayProcess, RelayProcess];
  relayCli(a.dataDir, ['platform', 'add', 'meta', '--name', 'Meta']);
  const operatorCode = addUser(a.dataDir, 'Olivia Operator', 'operator');
  const liaisonCode = addUser(a.dataDir, 'Lina Liaison', 'liaison', 'meta');
  await Promise.all([a.start(), b.start()]);

  const operator = await SyncClient.enroll(b.url, operatorCode, 'operator on B');
  const liaison = await SyncClient.enroll([a.url, b.url], liaisonCode, 'liaison on A, then B');
  clients.push(operator, liaison);
  await liaison.until(() => liaison.engine.syncStatus.connection === 'online' && liaison.engine.syncStatus.relayUrl === a.url);
  const first = requestArgs();
  await operator.act('request.create', first);
  await liaison.until(() => liaison.engine.state.requests.has(first.requestId));
  const cursorBefore = liaison.engine.syncStatus.cursor;

  await a.stop('SIGKILL');
  const ack = await liaison.act('request.acknowledge', { requestId: first.requestId });
  const second = requestArgs();
  await operator.act('request.create', second);
  await liaison.until(() => liaison.engine.syncStatus.relayUrl === b.url && liaison.engine.syncStatus.pending === 0);
  await liaison.until(() => liaison.engine.state.requests.has(second.requestId));
  await operator.until(() => operator.engine.state.requests.get(first.requestId)?.status === 'acknowledged');

  const acks = (await operator.db.events.where('requestId').equals(first.requestId).toArray())
    .map((row) => row.event)
    .filter((event) => event.type === 'request.acknowledged');
  expect(acks.map((event) => event.mutationId)).toEqual([ack.mutationId]);
  expect(liaison.engine.syncStatus.cursor).toBeGreaterThan(cursorBefore);
  const seqs = (await liaison.db.events.toArray()).map((row) => row.event.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(liaison.rejections).toEqual([]);
});
