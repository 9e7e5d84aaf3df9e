import { newId, parseMutation, type MutationType } from '@contact-desk/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { enrollWithAny, LocalDb, SyncEngine, type SyncStatus } from '@contact-desk/sync';
import { freePort } from '../support/relay-process';
import { TcpProxy } from '../support/tcp-proxy';
import { requestArgs, startFixture, type Fixture } from './fixture';
import { until } from './until';

/**
 * One relay process behind two TCP proxies stands for two nodes of one relay on one database:
 * each proxy is an address of the relay, and closing one (`sever`: its connections dropped, new
 * ones refused) is that node dying. The device is given both addresses and must carry on through
 * the other: same token, same cursor (one log), same outbox with the same mutation ids.
 */
let fixture: Fixture;
let nodeA: TcpProxy;
let nodeB: TcpProxy;
const devices: { engine: SyncEngine; db: LocalDb }[] = [];

beforeEach(async () => {
  fixture = await startFixture();
  nodeA = new TcpProxy(fixture.relay.port);
  nodeB = new TcpProxy(fixture.relay.port);
  await nodeA.start();
  await nodeB.start();
});

afterEach(async () => {
  for (const { engine, db } of devices.splice(0)) {
    await engine.stop();
    db.close();
  }
  await fixture.close();
  await nodeA.stop();
  await nodeB.stop();
});

/** The liaison's device, enrolled through the first address that answers, syncing with `relayUrls`. */
async function liaisonWith(enrollUrls: readonly string[], relayUrls: readonly string[]) {
  const enrolled = await enrollWithAny(enrollUrls, fixture.codes.liaison, 'liaison on two nodes');
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  const db = new LocalDb(`failover-${newId()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.meta.put({ key: 'actor', value: enrolled.actor });
  const engine = new SyncEngine({
    db,
    relayUrls,
    token: enrolled.token,
    ackTimeoutMs: 3_000,
    socketOptions: { reconnectionDelay: 100, reconnectionDelayMax: 300, timeout: 2_000 },
  });
  devices.push({ engine, db });
  const statuses: SyncStatus[] = [];
  engine.subscribe({ onChange: () => statuses.push(engine.syncStatus) });
  await engine.start();
  const act = async (type: MutationType, args: unknown) => {
    const parsed = parseMutation({ mutationId: newId(), type, args, clientTime: Date.now() });
    if (!parsed.ok) throw new Error(parsed.error.message);
    await engine.enqueue(parsed.value);
    return parsed.value;
  };
  return { engine, db, statuses, act, enrolledAt: enrolled.relayUrl };
}

const onlineAt = (engine: SyncEngine, url: string) => engine.syncStatus.connection === 'online' && engine.syncStatus.relayUrl === url;

async function acksOf(db: LocalDb, requestId: string) {
  const rows = await db.events.where('requestId').equals(requestId).toArray();
  return rows.filter((row) => row.event.type === 'request.acknowledged').map((row) => row.event.mutationId);
}

it('the node in use dies: the device moves to the other address, sends its outbox there once and pulls on from its cursor', async () => {
  const operator = await fixture.client(fixture.codes.operator, 'operator');
  const first = requestArgs();
  await operator.act('request.create', first);
  const liaison = await liaisonWith([nodeA.url, nodeB.url], [nodeA.url, nodeB.url]);
  expect(liaison.enrolledAt).toBe(nodeA.url);
  await until(
    () => onlineAt(liaison.engine, nodeA.url) && liaison.engine.state.requests.has(first.requestId),
    'online on A with the request',
  );
  const cursorBefore = liaison.engine.syncStatus.cursor;

  // Both addresses down for a while, so the acknowledgement waits in the outbox.
  nodeB.sever();
  nodeA.sever();
  await until(() => liaison.engine.syncStatus.connection === 'offline', 'offline once both nodes refuse');
  const ack = await liaison.act('request.acknowledge', { requestId: first.requestId });
  expect(liaison.engine.syncStatus.pending).toBe(1);
  expect(await liaison.db.outbox.count()).toBe(1);
  // Meanwhile the log moves on: the device must pull it from its cursor on the other node.
  const second = requestArgs();
  await operator.act('request.create', second);
  await operator.until(() => operator.engine.syncStatus.pending === 0);
  expect(liaison.engine.syncStatus.pending).toBe(1);

  nodeB.restore();
  await until(() => onlineAt(liaison.engine, nodeB.url), 'online on B');
  await until(
    () => liaison.engine.syncStatus.pending === 0 && liaison.engine.state.requests.has(second.requestId),
    'outbox sent and the new request pulled on B',
  );
  await liaison.engine.idle();
  await operator.until(() => operator.engine.state.requests.get(first.requestId)?.status === 'acknowledged');

  // Recorded once, under the id the device gave it before the node died.
  expect(await acksOf(operator.db, first.requestId)).toEqual([ack.mutationId]);
  expect(await acksOf(liaison.db, first.requestId)).toEqual([ack.mutationId]);
  expect(await liaison.db.outbox.count()).toBe(0);
  // The cursor went on from where it was: never back to the start, no event applied twice.
  const cursors = liaison.statuses.map((status) => status.cursor);
  expect(cursors.every((cursor, index) => index === 0 || cursor >= cursors[index - 1]!)).toBe(true);
  expect(liaison.engine.syncStatus.cursor).toBeGreaterThan(cursorBefore);
  const seqs = (await liaison.db.events.toArray()).map((row) => row.event.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(liaison.engine.state.requests.get(first.requestId)?.status).toBe('acknowledged');
});

it('the node dies under a live connection: the device is on the other address at once, without going offline', async () => {
  const liaison = await liaisonWith([nodeA.url, nodeB.url], [nodeA.url, nodeB.url]);
  await until(() => onlineAt(liaison.engine, nodeA.url), 'online on A');
  const seen = liaison.statuses.length;

  nodeA.sever();
  await until(() => onlineAt(liaison.engine, nodeB.url), 'online on B');
  const since = liaison.statuses.slice(seen).map((status) => status.connection);
  expect(since).not.toContain('offline');
  expect(since).toContain('connecting');

  // And it keeps working there: an action goes through B.
  const operator = await fixture.client(fixture.codes.operator, 'operator');
  const create = requestArgs();
  await operator.act('request.create', create);
  await until(() => liaison.engine.state.requests.has(create.requestId), 'live event through B');
  const ack = await liaison.act('request.acknowledge', { requestId: create.requestId });
  await until(() => liaison.engine.syncStatus.pending === 0, 'acknowledged through B');
  await operator.until(() => operator.engine.state.requests.get(create.requestId)?.status === 'acknowledged');
  expect(await acksOf(operator.db, create.requestId)).toEqual([ack.mutationId]);
});

it('the node dies after recording a push but before answering: the push goes again to the other node, recorded once', async () => {
  const operator = await fixture.client(fixture.codes.operator, 'operator');
  const create = requestArgs();
  await operator.act('request.create', create);
  const liaison = await liaisonWith([nodeA.url, nodeB.url], [nodeA.url, nodeB.url]);
  await until(() => onlineAt(liaison.engine, nodeA.url) && liaison.engine.state.requests.has(create.requestId), 'online on A');

  nodeA.loseReplies();
  const ack = await liaison.act('request.acknowledge', { requestId: create.requestId });
  // The relay records it (the operator sees it) though the device never hears back through A.
  await operator.until(() => operator.engine.state.requests.get(create.requestId)?.status === 'acknowledged');
  expect(liaison.engine.syncStatus.pending).toBe(1);
  // The answer does not come within the engine's wait: it gives up on A and sends again on B.
  await until(() => onlineAt(liaison.engine, nodeB.url), 'online on B', 15_000);
  await until(() => liaison.engine.syncStatus.pending === 0, 'outbox settled on B');
  await liaison.engine.idle();
  await operator.engine.idle();
  expect(await acksOf(operator.db, create.requestId)).toEqual([ack.mutationId]);
  expect(await acksOf(liaison.db, create.requestId)).toEqual([ack.mutationId]);
});

it('an address nothing answers at is skipped, at enrollment and when connecting', async () => {
  const dead = `http://127.0.0.1:${await freePort()}`;
  const liaison = await liaisonWith([dead, nodeB.url], [dead, nodeA.url]);
  expect(liaison.enrolledAt).toBe(nodeB.url);
  await until(() => onlineAt(liaison.engine, nodeA.url), 'online on A after the dead address');
  expect(liaison.statuses.map((status) => status.relayUrl)).toContain(dead);
});
