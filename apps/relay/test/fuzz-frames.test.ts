/**
 * Hostile input below the Socket.IO client library: hand-written and generated Engine.IO /
 * Socket.IO frames over a raw WebSocket — garbage handshakes, events with missing or extra
 * arguments, odd ack ids, binary placeholders, 100,000-deep JSON, random frames. A request the
 * relay can answer (an event with an ack id) gets a typed error; a frame that is not Socket.IO at
 * all closes that one connection. Nothing else is affected and the record does not change. The
 * whole of it on each storage engine (SQLite, PostgreSQL): it takes seconds.
 */
import { ERROR_CODES } from '@contact-desk/shared';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, ENGINE_START_MS } from './engines.js';
import { anyValue, countSent, draw, expectTypedError, isPlainObject, reportSent, restartDraws } from './fuzz/oracles.js';
import { RawSocket } from './fuzz/raw-socket.js';
import { expectUnchanged, takeFingerprint, verifiedFingerprint, type RecordFingerprint } from './fuzz/record.js';
import { closeAll, createRequestArgs, mutation, waitFor } from './harness.js';
import { ACTORS, PLATFORM_A, startWorld, type World } from './matrix/world.js';

function expectTypedAnswer(answer: unknown[], context: string, code?: string): void {
  expect(answer, context).toHaveLength(1);
  const [response] = answer as [{ ok?: boolean; error?: { code: string; message: string } }];
  expect(response.ok, context).toBe(false);
  expectTypedError(response.error as never, context);
  if (code) expect(response.error?.code, context).toBe(code);
}

describeEachEngine('frame fuzz: raw Engine.IO / Socket.IO input', (engine) => {
  let world: World;
  let before: RecordFingerprint;
  let raw: RawSocket;
  let nextAck = 1;
  let started = 0;

  /** The operator's raw connection, opened again when the relay closed it. */
  async function operatorSocket(): Promise<RawSocket> {
    if (!raw || raw.closed) raw = await RawSocket.connect(world.h.relay.url, world.users.operator.token);
    return raw;
  }

  /** Sends `42<id>[…]` and returns the relay's answer (the ack's arguments). */
  async function call(args: string): Promise<unknown[]> {
    const socket = await operatorSocket();
    const id = nextAck++;
    socket.send(`42${id}${args}`);
    return socket.ack(id);
  }

  beforeAll(async () => {
    started = Date.now();
    restartDraws();
    world = await startWorld({ config: await engine.store() });
    before = await verifiedFingerprint(world.h);
  }, ENGINE_START_MS);

  afterEach(async () => {
    await expectUnchanged(world.h, before);
    for (const actor of ACTORS) expect(world.clients[actor].socket.connected, actor).toBe(true);
  });

  afterAll(async () => {
    raw?.close();
    reportSent(`frame fuzz on ${engine.name}`, started);
    await closeAll();
  });

  it('garbage handshakes: a typed connect_error, or the connection closed', async () => {
    const payloads = [
      '',
      '{}',
      '{"token":null}',
      '{"token":"cdt_not-a-real-token-at-all"}',
      '{"token":"cdt_x","protocolVersion":2}',
      '{"protocolVersion":"1"}',
      `{"token":"${'x'.repeat(100_000)}"}`,
      ...draw(fc.json({ maxDepth: 2 }), 120),
      ...draw(fc.string({ maxLength: 40 }), 60),
    ];
    await Promise.all(
      payloads.map(async (payload) => {
        const socket = await RawSocket.open(world.h.relay.url, payload);
        const context = `handshake ${payload.slice(0, 120)}`;
        let auth: unknown;
        try {
          auth = payload === '' ? {} : JSON.parse(payload);
        } catch {
          auth = undefined;
        }
        const refusal = await socket.next((frame) => frame.startsWith('44'), 'connect_error', 3000).catch(() => undefined);
        if (isPlainObject(auth)) {
          // An auth object is read: the answer says why it is refused, in the protocol's words.
          expect(refusal, context).toBeDefined();
          const { data } = JSON.parse(refusal?.slice(2) ?? '{}') as { data?: { code: string; message: string } };
          expectTypedError(data as never, context);
          const version = auth.protocolVersion;
          expect(data?.code, context).toBe(version !== undefined && version !== 1 ? 'unsupported_protocol' : 'unauthenticated');
        } else if (refusal === undefined) {
          expect(await socket.closedWithin(3000), context).toBe(true);
        } else if (refusal.startsWith('44/')) {
          // The payload named another namespace (`40/name,…`): Socket.IO itself refuses it.
          expect(JSON.parse(refusal.slice(refusal.indexOf(',') + 1)), context).toEqual({ message: 'Invalid namespace' });
        } else {
          expect(ERROR_CODES as readonly string[], context).toContain(
            (JSON.parse(refusal.slice(2)) as { data?: { code?: string } }).data?.code,
          );
        }
        expect(
          socket.frames.some((frame) => frame.startsWith('42["session"')),
          context,
        ).toBe(false);
        socket.close();
      }),
    );
    countSent('handshakes', payloads.length);
  });

  it('push and pull with no argument, extra arguments or a non-JSON-object argument', async () => {
    const cases = [
      '["push"]',
      '["pull"]',
      '["push",{"mutations":[1]},"extra"]',
      '["pull",{"afterSeq":0},{"limit":1}]',
      '["push",null,null,null]',
      '["pull",[]]',
      '["push",""]',
      '["rotateToken!"]',
      '[7,{}]',
      ...draw(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), 150).map((args) => JSON.stringify(['push', ...args])),
      ...draw(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), 150).map((args) => JSON.stringify(['pull', ...args])),
      ...draw(fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), anyValue), 100)
        .filter(([name]) => !['push', 'pull', 'rotateToken'].includes(name))
        .map(([name, arg]) => JSON.stringify([name, arg])),
    ];
    for (const args of cases) {
      const answer = await call(args);
      const [channel, ...rest] = JSON.parse(args) as [unknown, ...unknown[]];
      const context = `42…${args.slice(0, 150)}`;
      const response = answer[0] as { ok: boolean };
      if ((channel === 'push' || channel === 'pull') && rest.length === 1 && response.ok) {
        // One well-formed argument may be a valid pull; it is answered, and changes nothing.
        expect(channel, context).toBe('pull');
        continue;
      }
      const code = channel === 'push' || channel === 'pull' ? (rest.length === 1 ? undefined : 'invalid_payload') : 'not_found';
      expectTypedAnswer(answer, context, code);
    }
    countSent('event argument shapes', cases.length);
  });

  it('odd ack ids, binary placeholders and 100,000-deep JSON', async () => {
    let deep = '1';
    for (let i = 0; i < 100_000; i += 1) deep = `[${deep}]`;
    // A deep value where a mutation should be: that mutation is refused, in a typed result.
    const [deepPush] = (await call(`["push",{"mutations":[${deep}]}]`)) as [
      { ok: boolean; results: { status: string; error: { code: string; message: string } }[] },
    ];
    expect(deepPush).toMatchObject({ ok: true, results: [{ status: 'rejected', error: { code: 'invalid_payload' } }] });
    expectTypedError(deepPush.results[0]?.error as never, 'deep mutation');
    expectTypedAnswer(await call(`["push",{"mutations":[1],"deep":${deep}}]`), 'deep extra key', 'invalid_payload');
    expectTypedAnswer(await call(`["pull",{"afterSeq":${deep}}]`), 'deep cursor', 'invalid_payload');

    // A push whose payload is a binary attachment: it arrives as bytes, not an object.
    const socket = await operatorSocket();
    const id = nextAck++;
    socket.send(`451-${id}["push",{"_placeholder":true,"num":0}]`);
    socket.send(Buffer.from('{"mutations":[]}'));
    expectTypedAnswer(await socket.ack(id), 'binary push', 'invalid_payload');

    // Ack ids at and past the safe integers: answered under that id, or the connection closed.
    for (const ackId of ['0', '9007199254740991', '9007199254740993', '99999999999999999999999']) {
      const sock = await operatorSocket();
      sock.send(`42${ackId}["pull",{"afterSeq":-1}]`);
      const answered = await sock
        .next((frame) => frame.startsWith('43'), `ack ${ackId}`, 1000)
        .then((frame) => JSON.parse(frame.slice(frame.indexOf('['))) as unknown[])
        .catch(() => undefined);
      if (answered) expectTypedAnswer(answered, `ack id ${ackId}`, 'invalid_payload');
      else expect(await sock.closedWithin(1000), `ack id ${ackId}`).toBe(true);
    }
    countSent('odd frames', 3 + 1 + 4);
  });

  it('random frames: answered with a typed error, or that connection alone is closed', async () => {
    const frames = [
      ...draw(fc.string({ maxLength: 60 }), 100),
      ...draw(fc.string({ maxLength: 60 }), 100).map((text) => `4${text}`),
      ...draw(fc.string({ maxLength: 60 }), 100).map((text) => `42${text}`),
      ...draw(fc.jsonValue({ maxDepth: 3 }), 100).map((value) => `42${JSON.stringify(value)}`),
      '1',
      '2',
      '6',
      '41',
      '40',
      '43["push"]',
      '42["push"',
    ];
    let closed = 0;
    for (const frame of frames) {
      const socket = await operatorSocket();
      socket.send(frame);
      // Then a request that must be answered, on the same connection if it survived.
      const id = nextAck++;
      socket.send(`42${id}["pull",{"afterSeq":0,"limit":1}]`);
      const answer = await socket.ack(id, 1500).catch(() => undefined);
      if (answer) expect((answer[0] as { ok: boolean }).ok, JSON.stringify(frame)).toBe(true);
      else if (socket.closed || (await socket.closedWithin(1500))) closed += 1;
      else {
        // Only a namespace packet may leave the connection open and silent: the client itself
        // said it leaves (41…) or connects again (40…), so its next request is not the relay's.
        expect(/^4[01]/.test(frame), `neither answered nor closed after ${JSON.stringify(frame)}`).toBe(true);
        socket.close();
        closed += 1;
      }
      for (const other of socket.frames.filter((f) => f.startsWith('43'))) {
        const [response] = JSON.parse(other.slice(other.indexOf('['))) as [{ ok: boolean; error?: { code: string; message: string } }];
        if (!response.ok) expectTypedError(response.error as never, JSON.stringify(frame));
      }
      socket.frames.length = 0;
    }
    console.log(`random frames: ${frames.length} sent, ${closed} closed their connection`);
    countSent('random frames', frames.length);
  });

  it('after all of it, a valid push on a raw connection is accepted', async () => {
    expect(await takeFingerprint(world.h)).toEqual(before);
    raw.close();
    const socket = await operatorSocket();
    const id = nextAck++;
    world.h.clock.advance(10_000);
    const args = createRequestArgs(PLATFORM_A);
    socket.send(`42${id}${JSON.stringify(['push', { mutations: [mutation('request.create', args)] }])}`);
    const [response] = (await socket.ack(id)) as [{ ok: boolean; results: { status: string }[] }];
    expect(response).toMatchObject({ ok: true, results: [{ status: 'accepted' }] });
    await waitFor(() => typeof world.h.core.view.requests.get(args.requestId as string)?.receivedAt === 'number', 'receipt');
    before = await verifiedFingerprint(world.h);
  });
});
