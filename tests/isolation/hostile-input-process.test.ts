/**
 * The worst inputs the relay's fuzz suites found, sent to a real `relay serve` process: the
 * process must answer each with a typed error (or close that one connection), stay up, keep its
 * log's chain intact, and serve valid requests afterwards. In-process suites cannot show that an
 * unhandled rejection would have ended the process; this one can.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect as tcp } from 'node:net';
import { join } from 'node:path';
import { newId, type PullResponse, type PushResponse } from '@contact-desk/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawSocket } from '../../apps/relay/test/fuzz/raw-socket';
import { requestArgs, startFixture, type Fixture } from '../sync/fixture';

const relayBin = join(import.meta.dirname, '..', '..', 'apps', 'relay', 'bin', 'relay.mjs');

let fixture: Fixture;
let token: string;
let secret: string;

interface Answer {
  readonly status: number;
  readonly body: { ok?: boolean; error?: { code: string; message: string } };
}

async function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${fixture.relay.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function enroll(code: string): Promise<string> {
  const answer = (await (
    await fetch(`${fixture.relay.url}/enroll`, { method: 'POST', body: JSON.stringify({ code, deviceLabel: 'Test laptop' }) })
  ).json()) as { token: string };
  return answer.token;
}

function connect(): Promise<Socket> {
  const socket = io(fixture.relay.url, {
    auth: { token, protocolVersion: 1 },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('session', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function alive(): Promise<number> {
  const health = (await (await fetch(`${fixture.relay.url}/healthz`)).json()) as { ok: boolean; headSeq: number };
  expect(health.ok).toBe(true);
  return health.headSeq;
}

beforeAll(async () => {
  fixture = await startFixture();
  secret = readFileSync(join(fixture.relay.dataDir, 'admin.secret'), 'utf8').trim();
  token = await enroll(fixture.codes.operator);
}, 60_000);

afterAll(async () => {
  await fixture.close();
});

describe('a relay process under hostile input', () => {
  it('answers every one with a typed error, stays up, and its record is unchanged', async () => {
    const head = await alive();

    // Administration bodies that are JSON but not an object (null once ended the handler unanswered).
    for (const body of ['null', '[]', '"platform.create"', '42', 'true']) {
      const answer = await post('/admin/perform', body, { authorization: `Bearer ${secret}` });
      expect([answer.status, answer.body.error?.code], body).toEqual([400, 'invalid_payload']);
    }
    // A method Node's parser does not know: the same typed JSON as any bad request.
    const unknownMethod = await new Promise<string>((resolve, reject) => {
      const socket = tcp(Number(new URL(fixture.relay.url).port), '127.0.0.1', () =>
        socket.write('FOO /enroll HTTP/1.1\r\nHost: relay\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(unknownMethod).toMatch(/^HTTP\/1\.1 400/);
    expect(unknownMethod).toContain('"code":"invalid_payload"');
    // An enrollment body past its limit, and one far past it.
    expect((await post('/enroll', 'x'.repeat(100_000))).status).toBe(413);
    await post('/enroll', 'x'.repeat(4096 * 300)).catch(() => undefined);

    // On the socket: no payload, two payloads, an unknown channel, then a message over the limit.
    const socket = await connect();
    const noPayload = (await socket.timeout(5000).emitWithAck('push')) as PushResponse;
    expect(noPayload).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const twoPayloads = (await socket.timeout(5000).emitWithAck('pull', { afterSeq: 0 }, { limit: 1 })) as PullResponse;
    expect(twoPayloads).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const unknown = (await socket.timeout(5000).emitWithAck('teleport', {})) as PushResponse;
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    socket.emit('push', {
      mutations: [{ mutationId: newId(), type: 'request.create', args: { grounds: 'g'.repeat(1_100_000) }, clientTime: null }],
    });
    await closed;

    // Raw frames: 100,000-deep JSON, a binary placeholder, and garbage.
    const frames = await RawSocket.connect(fixture.relay.url, token);
    let deep = '1';
    for (let i = 0; i < 100_000; i += 1) deep = `[${deep}]`;
    frames.send(`421["pull",{"afterSeq":${deep}}]`);
    expect(await frames.ack(1)).toMatchObject([{ ok: false, error: { code: 'invalid_payload' } }]);
    frames.send('452-2["push",{"_placeholder":true,"num":0}]');
    frames.send(Buffer.from('not json'));
    frames.send(Buffer.from([0xff, 0xfe, 0x00]));
    frames.send('4\u0000garbage');
    // The relay drops a connection that sends garbage: its close is the barrier after every frame above.
    expect(await frames.closedWithin(3000)).toBe(true);
    frames.close();

    // Still up, nothing recorded, and the relay's own audit finds the chain intact.
    expect(await alive()).toBe(head);
    const audit = spawnSync(process.execPath, [relayBin, 'audit', 'verify', '-d', fixture.relay.dataDir], { encoding: 'utf8' });
    expect(audit.status, audit.stdout + audit.stderr).toBe(0);
    expect(audit.stdout).toContain(`ok, ${head} events`);

    // And a valid push is accepted.
    const again = await connect();
    const created = (await again.timeout(5000).emitWithAck('push', {
      mutations: [{ mutationId: newId(), type: 'request.create', args: requestArgs(), clientTime: null }],
    })) as PushResponse;
    expect(created).toMatchObject({ ok: true, results: [{ status: 'accepted' }] });
    again.disconnect();
    expect(await alive()).toBeGreaterThan(head);
  });
});
