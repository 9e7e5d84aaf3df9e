import { afterEach, beforeEach, expect, it } from 'vitest';
import { TcpProxy } from '../support/tcp-proxy';
import { requestArgs, startFixture, type Fixture } from './fixture';
import { SyncClient } from './sync-client';

let fixture: Fixture;
let proxy: TcpProxy;

beforeEach(async () => {
  fixture = await startFixture();
  proxy = new TcpProxy(fixture.relay.port);
  await proxy.start();
});

afterEach(async () => {
  await fixture.close();
  await proxy.stop();
});

async function liaisonBehindProxy(): Promise<SyncClient> {
  const client = await SyncClient.enroll(proxy.url, fixture.codes.liaison, 'liaison on a train');
  fixture.clients.push(client);
  await client.until(() => client.engine.syncStatus.connection === 'online');
  return client;
}

async function ackCount(client: SyncClient, requestId: string): Promise<number> {
  return client.db.events
    .where('requestId')
    .equals(requestId)
    .filter((row) => row.event.type === 'request.acknowledged')
    .count();
}

it('a severed link: the action waits in the outbox and is recorded once when the link is back', async () => {
  const operator = await fixture.client(fixture.codes.operator, 'operator');
  const liaison = await liaisonBehindProxy();
  const create = requestArgs();
  await operator.act('request.create', create);
  await liaison.until(() => liaison.engine.state.requests.has(create.requestId));

  proxy.sever();
  await liaison.until(() => liaison.engine.syncStatus.connection !== 'online');
  const severedSince = liaison.connections.length;
  await liaison.act('request.acknowledge', { requestId: create.requestId });
  // A whole reconnection attempt fails with the action queued: it is still waiting.
  await liaison.failedAttemptSince(severedSince);
  expect(liaison.engine.syncStatus.pending).toBe(1);

  proxy.restore();
  await liaison.until(
    () => liaison.engine.syncStatus.pending === 0 && liaison.engine.state.requests.get(create.requestId)?.status === 'acknowledged',
  );
  await operator.until(() => operator.engine.state.requests.get(create.requestId)?.status === 'acknowledged');
  expect(await ackCount(operator, create.requestId)).toBe(1);
});

it('a half-open link (no traffic, no close): the push times out, is re-sent, and recorded once', async () => {
  const operator = await fixture.client(fixture.codes.operator, 'operator');
  const liaison = await liaisonBehindProxy();
  const create = requestArgs();
  await operator.act('request.create', create);
  await liaison.until(() => liaison.engine.state.requests.has(create.requestId));

  proxy.stall();
  await liaison.act('request.acknowledge', { requestId: create.requestId });
  // The ack does not come back within the engine's timeout: the engine drops the dead link.
  await liaison.until(() => liaison.engine.syncStatus.connection !== 'online', 10_000);
  expect(liaison.engine.syncStatus.pending).toBe(1);

  proxy.restore();
  await liaison.until(() => liaison.engine.syncStatus.pending === 0, 20_000);
  await operator.until(() => operator.engine.state.requests.get(create.requestId)?.status === 'acknowledged');
  expect(await ackCount(operator, create.requestId)).toBe(1);
  expect(await ackCount(liaison, create.requestId)).toBe(1);
});

it('answers lost on the way back: the relay applied the push, the re-sent push changes nothing', async () => {
  const operator = await fixture.client(fixture.codes.operator, 'operator');
  const liaison = await liaisonBehindProxy();
  const create = requestArgs();
  await operator.act('request.create', create);
  await liaison.until(() => liaison.engine.state.requests.has(create.requestId));

  proxy.loseReplies();
  await liaison.act('request.acknowledge', { requestId: create.requestId });
  // The relay records the acknowledgement even though the liaison never hears back.
  await operator.until(() => operator.engine.state.requests.get(create.requestId)?.status === 'acknowledged');
  await liaison.until(() => liaison.engine.syncStatus.connection !== 'online', 10_000);
  expect(liaison.engine.syncStatus.pending).toBe(1);

  proxy.restore();
  await liaison.until(() => liaison.engine.syncStatus.pending === 0, 20_000);
  // A request created after the re-sent push: once both devices have it, any event the re-sent
  // push had recorded (an earlier seq) would be in their copies too.
  const later = requestArgs();
  await operator.act('request.create', later);
  await operator.until(() => operator.engine.state.requests.has(later.requestId));
  await liaison.until(() => liaison.engine.state.requests.has(later.requestId));
  expect(await ackCount(operator, create.requestId)).toBe(1);
  expect(await ackCount(liaison, create.requestId)).toBe(1);
  expect(liaison.rejections).toEqual([]);
});
