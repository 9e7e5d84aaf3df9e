/**
 * Hostile input on the socket: thousands of generated payloads against a real relay over real
 * sockets. Every one gets a typed error, the relay keeps serving, and its record — head seq,
 * projections in memory and in its store — is exactly what it was before. The whole of it on each
 * storage engine (SQLite, PostgreSQL): bad input is refused before the store is written, and the
 * replays and the closing valid push are answered from it.
 * (The hand-written cases are in malformed-payloads.test.ts.)
 */
import {
  LIMITS,
  MUTATION_TYPES,
  newId,
  type MutationResult,
  type MutationType,
  type PushResponse,
  type RequestStatus,
} from '@contact-desk/shared';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  argsShape,
  anyValue,
  countSent,
  draw,
  expectedRejection,
  expectTypedError,
  fieldsOf,
  isPlainObject,
  isValidMutation,
  OVERSIZED_ARRAY_LENGTHS,
  OVERSIZED_STRING_LENGTHS,
  overTheWire,
  reportSent,
  restartDraws,
  withField,
  type FieldSchema,
} from './fuzz/oracles.js';
import { describeEachEngine, ENGINE_START_MS } from './engines.js';
import { expectUnchanged, projectionsMatchLog, takeFingerprint, verifiedFingerprint, type RecordFingerprint } from './fuzz/record.js';
import { closeAll, createRequestArgs, mutation, waitFor, type Client, type WireMutation } from './harness.js';
import { MUTATION_SPECS, phantomTargets } from './matrix/mutation-args.js';
import { PLATFORM_A, PLATFORM_B, REACHABLE_STATUSES, requestIn, startWorld, type World } from './matrix/world.js';

/**
 * Moves the relay's clock on by what the push rate limit refills for `mutations` (50 a second):
 * the fuzzing is about bad input, not about flooding, which has its own test.
 */
function pace(world: World, mutations = 1): void {
  world.h.clock.advance(Math.ceil((mutations * 1000) / 50) + 1_000);
}

/** Sends mutations in pushes of at most 100 and about 600 kB; returns the results in order. */
async function pushAll(world: World, client: Client, raws: readonly unknown[]): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  let chunk: unknown[] = [];
  let size = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    pace(world, chunk.length);
    const response = await client.push(chunk);
    if (!response.ok) throw new Error(`push refused as a whole: ${response.error.message}`);
    expect(response.results).toHaveLength(chunk.length);
    results.push(...response.results);
    chunk = [];
    size = 0;
  };
  for (const raw of raws) {
    const bytes = JSON.stringify(raw)?.length ?? 4;
    if (chunk.length === LIMITS.mutationsPerPush || size + bytes > 600_000) await flush();
    chunk.push(raw);
    size += bytes;
  }
  await flush();
  return results;
}

function baseArgs(type: MutationType): Record<string, unknown> {
  return MUTATION_SPECS[type].args(phantomTargets(PLATFORM_A));
}

/** Valid arguments of the same type that say something else (new ids for what it creates). */
function otherContent(envelope: WireMutation): Record<string, unknown> {
  const args = { ...(envelope.args as Record<string, unknown>) };
  for (const key of ['body', 'reason', 'grounds', 'note']) if (key in args) args[key] = 'Something else entirely.';
  for (const key of ['commentId', ...(envelope.type === 'request.create' ? ['requestId'] : [])]) if (key in args) args[key] = newId();
  return args;
}

/** Checks each result against the protocol's verdict for its input. */
function expectRejections(raws: readonly unknown[], results: readonly MutationResult[], what: string): void {
  raws.forEach((raw, i) => {
    const result = results[i];
    const context = `${what}: ${JSON.stringify(raw)?.slice(0, 300)}`;
    expect(result?.status, context).toBe('rejected');
    if (result?.status !== 'rejected') return;
    expectTypedError(result.error, context);
    const expected = expectedRejection(raw);
    expect({ code: result.error.code, mutationId: result.mutationId }, context).toEqual(expected);
  });
}

describeEachEngine('socket fuzz: every bad input gets a typed error and changes nothing', (engine) => {
  let world: World;
  let before: RecordFingerprint;
  /** Mutations decided before the fuzzing starts (accepted or refused), with their answers, to replay. */
  const recorded: { client: Client; envelope: WireMutation; result: MutationResult }[] = [];
  /** Requests of both platforms in every status reachable by the recipes. */
  const byStatus = new Map<string, { requestId: string; platformId: string; status: RequestStatus }>();
  let started = 0;

  beforeAll(async () => {
    started = Date.now();
    restartDraws();
    world = await startWorld({ config: await engine.store() });
    const { operator, liaisonA } = world.clients;
    for (const platformId of [PLATFORM_A, PLATFORM_B]) {
      for (const status of REACHABLE_STATUSES) {
        byStatus.set(`${platformId}:${status}`, { requestId: await requestIn(world, platformId, status), platformId, status });
      }
    }
    const open = byStatus.get(`${PLATFORM_A}:open`)?.requestId ?? '';
    for (const [client, envelope] of [
      [operator, mutation('request.create', createRequestArgs(PLATFORM_B))],
      [operator, mutation('comment.add', { commentId: newId(), requestId: open, body: 'First note.' })],
      [liaisonA, mutation('comment.add', { commentId: newId(), requestId: open, body: 'On it.' })],
      [world.clients.observer, mutation('comment.add', { commentId: newId(), requestId: open, body: 'Refused: observers write nothing.' })],
      [liaisonA, mutation('request.withdraw', { requestId: open, reason: 'Refused: not a liaison step.' })],
    ] as const) {
      recorded.push({ client, envelope, result: await client.send(envelope) });
    }
    // Every request of a connected liaison's platform is received: a pull records nothing more.
    await waitFor(
      () => [...world.h.core.view.requests.values()].every((r) => r.receivedAt !== null || r.status === 'withdrawn'),
      'receipts',
    );
    before = await verifiedFingerprint(world.h);
  }, ENGINE_START_MS);

  afterEach(async () => {
    // After every block: nothing of the record changed — not an event, not a projection, not the
    // chain's head hash — and the chain still verifies from the genesis hash.
    await expectUnchanged(world.h, before);
  });

  afterAll(async () => {
    reportSent(`socket fuzz on ${engine.name}`, started);
    await closeAll();
  });

  it('garbage in place of a push', async () => {
    const { operator } = world.clients;
    const payloads = [
      ...draw(fc.anything({ maxDepth: 3 }), 300),
      ...draw(fc.record({ mutations: fc.oneof(fc.constant([]), anyValue) }), 100),
      ...draw(fc.record({ mutations: fc.array(fc.constant(1), { minLength: 1, maxLength: 3 }), extra: anyValue }), 50),
      { mutations: Array.from({ length: LIMITS.mutationsPerPush + 1 }, () => 1) },
    ];
    for (const payload of payloads) {
      pace(world, LIMITS.mutationsPerPush);
      const response: PushResponse = await operator.pushRaw(payload);
      const wire = overTheWire(payload);
      const shapeOk =
        isPlainObject(wire) &&
        Object.keys(wire).length === 1 &&
        Array.isArray(wire.mutations) &&
        wire.mutations.length >= 1 &&
        wire.mutations.length <= LIMITS.mutationsPerPush;
      const context = JSON.stringify(payload)?.slice(0, 300) ?? 'undefined';
      if (shapeOk) {
        expect(response.ok, context).toBe(true);
        if (response.ok) expectRejections(wire.mutations as unknown[], response.results, 'push of garbage');
      } else {
        expect(response.ok, context).toBe(false);
        if (!response.ok) {
          expectTypedError(response.error, context);
          expect(response.error.code, context).toBe('invalid_payload');
        }
      }
    }
    countSent('push payloads', payloads.length);
  });

  it('garbage mutation envelopes', async () => {
    const envelope = fc.record(
      {
        mutationId: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), anyValue),
        type: fc.oneof(fc.constantFrom(...MUTATION_TYPES), fc.string({ maxLength: 70 }), anyValue),
        args: fc.oneof(anyValue, fc.anything({ maxDepth: 2 })),
        clientTime: fc.oneof(fc.constant(null), fc.nat(), anyValue),
        extra: anyValue,
      },
      { requiredKeys: [] },
    );
    const raws = draw(fc.oneof(envelope, anyValue), 2_500).filter((raw) => !isValidMutation(raw));
    expectRejections(raws, await pushAll(world, world.clients.operator, raws), 'envelope');
    countSent('mutation envelopes', raws.length);
  });

  it('a wrong type, a missing value and an unknown key for every field of every mutation type', async () => {
    const raws: WireMutation[] = [];
    const expectations: { path: string[] | null }[] = [];
    for (const type of MUTATION_TYPES) {
      const base = baseArgs(type);
      expect(isValidMutation(mutation(type, base)), `${type}: the base arguments are valid`).toBe(true);
      for (const { path, schema } of fieldsOf(type, base)) {
        const wrong = draw(anyValue, 12).filter((value) => !schema.safeParse(overTheWire(value)).success);
        for (const value of wrong) {
          raws.push(mutation(type, withField(base, path, value)));
          expectations.push({ path });
        }
        if (!schema.safeParse(undefined).success) {
          raws.push(mutation(type, withField(base, path, undefined)));
          expectations.push({ path });
        }
      }
      for (const key of draw(fc.string({ minLength: 1, maxLength: 12 }), 3).filter((key) => !(key in argsShape(type)))) {
        raws.push(mutation(type, { ...base, [key]: 1 }));
        expectations.push({ path: null });
      }
    }
    const results = await pushAll(world, world.clients.prefect, raws);
    expectRejections(raws, results, 'field');
    results.forEach((result, i) => {
      const path = expectations[i]?.path;
      if (result.status !== 'rejected' || !path) return;
      const issues = (result.error.details?.issues ?? []) as { path: string }[];
      const where = path.join('.');
      expect(
        issues.some((issue) => issue.path === where || issue.path.startsWith(`${where}.`)),
        `${raws[i]?.type} ${where}: ${JSON.stringify(issues)}`,
      ).toBe(true);
    });
    countSent('wrong fields', raws.length);
  });

  it('oversized strings and arrays in every field', async () => {
    const raws: WireMutation[] = [];
    for (const type of MUTATION_TYPES) {
      const base = baseArgs(type);
      for (const { path, schema } of fieldsOf(type, base)) {
        const current = path.reduce<unknown>((value, key) => (isPlainObject(value) ? value[key] : undefined), base);
        const element = Array.isArray(current) && current.length > 0 ? current[0] : 'x';
        const candidates: unknown[] = [
          ...OVERSIZED_STRING_LENGTHS.map((n) => 'x'.repeat(n)),
          ...OVERSIZED_ARRAY_LENGTHS.map((n) =>
            Array.from({ length: n }, (_, i) => (typeof element === 'string' ? `${element}${i}` : element)),
          ),
        ];
        for (const value of candidates.filter((candidate) => !(schema as FieldSchema).safeParse(candidate).success)) {
          raws.push(mutation(type, withField(base, path, value)));
        }
      }
    }
    raws.push(mutation('x'.repeat(65), {}), mutation('request.create', { ...createRequestArgs(PLATFORM_A), grounds: 'g'.repeat(200_000) }));
    expectRejections(raws, await pushAll(world, world.clients.prefect, raws), 'oversized');
    countSent('oversized fields', raws.length);
  });

  it('unknown mutation types, including names of Object.prototype', async () => {
    const names = [
      ...draw(fc.string({ minLength: 1, maxLength: 64 }), 300),
      ...draw(fc.string({ minLength: 65, maxLength: 300 }), 30),
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'REQUEST.CREATE',
      'request.create ',
      'request',
    ].filter((name) => !(MUTATION_TYPES as readonly string[]).includes(name));
    const raws = names.map((name) => mutation(name, baseArgs('request.create')));
    const results = await pushAll(world, world.clients.operator, raws);
    expectRejections(raws, results, 'unknown type');
    results.forEach((result, i) => {
      if (result.status === 'rejected' && result.error.code === 'unknown_mutation')
        expect(result.error.details).toEqual({ type: names[i] });
    });
    countSent('unknown types', raws.length);
  });

  it('missing, invalid and duplicate mutation ids', async () => {
    const { operator } = world.clients;
    const base = mutation('request.create', createRequestArgs(PLATFORM_A));
    const { mutationId: _drop, ...withoutId } = base;
    const badIds = [
      ...draw(fc.string({ maxLength: 40 }), 150),
      ...draw(fc.uuid(), 40).map((id) => id.toUpperCase().replace(/^(.{14})./, '$10')),
      ...draw(anyValue, 100).filter((value) => typeof value !== 'string'),
    ];
    const raws: unknown[] = [withoutId, ...badIds.map((mutationId) => ({ ...base, mutationId }))].filter((raw) => !isValidMutation(raw));
    expectRejections(raws, await pushAll(world, operator, raws), 'mutation id');

    // One id twice in a push, for a decided refusal: the second gets the first one's answer.
    const refusedTwice = mutation('request.acknowledge', { requestId: byStatus.get(`${PLATFORM_A}:open`)?.requestId });
    pace(world, 3);
    const twice = await operator.push([refusedTwice, refusedTwice, { ...refusedTwice, args: { requestId: newId() } }]);
    if (!twice.ok) throw new Error(twice.error.message);
    expect(twice.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(twice.results[1]).toEqual(twice.results[0]);
    expect(twice.results[2]).toEqual(twice.results[0]);
    countSent('mutation ids', raws.length + 3);
  });

  it('replayed pushes, in any order, with other content or by another user', async () => {
    const orders = draw(fc.shuffledSubarray(recorded, { minLength: 1 }), 40);
    let n = 0;
    for (const order of orders) {
      for (const { client, envelope, result } of order) {
        pace(world, 3);
        expect(await client.send(envelope)).toEqual(result);
        // The id decides: other valid content under a recorded id still gets the recorded answer.
        expect(await client.send({ ...envelope, args: otherContent(envelope), clientTime: 1 })).toEqual(result);
        const stranger = client === world.clients.prefect ? world.clients.operator : world.clients.prefect;
        expect(await stranger.send(envelope)).toMatchObject({
          mutationId: envelope.mutationId,
          status: 'rejected',
          error: { code: 'mutation_id_reused' },
        });
        n += 3;
      }
    }
    // A whole batch of them replayed in one push, reversed.
    const reversed = [...recorded].reverse().filter((entry) => entry.client === world.clients.operator);
    pace(world, reversed.length);
    const again = await world.clients.operator.push(reversed.map((entry) => entry.envelope));
    expect(again).toEqual({ ok: true, results: reversed.map((entry) => entry.result) });
    countSent('replays', n + reversed.length);
  });

  it('steps out of order: every step the state machine forbids from each status', async () => {
    /** Statuses each step is allowed from (protocol §7.1). */
    const LEGAL_FROM: Partial<Record<MutationType, readonly RequestStatus[]>> = {
      'request.edit': ['open', 'acknowledged', 'needs_info', 'reopened'],
      'request.acknowledge': ['open'],
      'request.requestInfo': ['open', 'acknowledged', 'reopened'],
      'request.provideInfo': ['needs_info'],
      'request.answer': ['open', 'acknowledged', 'reopened'],
      'request.contest': ['open', 'acknowledged', 'needs_info', 'reopened'],
      'request.withdraw': ['open', 'acknowledged', 'needs_info', 'contested', 'reopened'],
      'request.close': ['answered', 'contested'],
      'request.reopen': ['answered', 'closed', 'withdrawn', 'contested'],
      'request.escalate': ['open', 'acknowledged', 'needs_info', 'reopened'],
    };
    const LIAISON_STEPS = new Set<MutationType>(['request.acknowledge', 'request.requestInfo', 'request.answer', 'request.contest']);
    const illegal = [...byStatus.values()].flatMap((target) =>
      (Object.entries(LEGAL_FROM) as [MutationType, RequestStatus[]][])
        .filter(([, from]) => !from.includes(target.status))
        .map(([type]) => ({ ...target, type })),
    );
    const picks = draw(fc.constantFrom(...illegal), 400);
    for (const [i, pick] of picks.entries()) {
      pace(world);
      const client = LIAISON_STEPS.has(pick.type)
        ? world.liaisonOf(pick.platformId)
        : i % 2 === 0
          ? world.clients.prefect
          : world.clients.operator;
      const result = await client.act(
        pick.type,
        MUTATION_SPECS[pick.type].args({ ...phantomTargets(pick.platformId), requestId: pick.requestId }),
      );
      const context = `${pick.type} on a ${pick.status} request`;
      expect(result, context).toMatchObject({
        status: 'rejected',
        error: { code: 'illegal_transition', details: { status: pick.status } },
      });
    }
    countSent('illegal steps', picks.length);
  });

  it('pulls with negative, fractional, NaN, huge or mistyped cursors and limits', async () => {
    const head = world.h.headSeq;
    const number = fc.oneof(
      fc.integer({ min: -1_000, max: head + 1_000 }),
      fc.double(),
      fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53, 2 ** 64, -1, 0, 1, 1_000, 1_001, head, head + 1),
      anyValue,
    );
    const payloads = [
      ...draw(fc.record({ afterSeq: number, limit: number }, { requiredKeys: ['afterSeq'] }), 600),
      ...draw(fc.record({ afterSeq: fc.nat({ max: head }), limit: fc.integer({ min: 1, max: 1_000 }), more: anyValue }), 50),
      ...draw(fc.anything({ maxDepth: 2 }), 100),
    ];
    for (const [i, payload] of payloads.entries()) {
      const client = i % 2 === 0 ? world.clients.operator : world.clients.liaisonA;
      const response = await client.pullRaw(payload);
      const wire = overTheWire(payload);
      const context = JSON.stringify(payload)?.slice(0, 200) ?? 'undefined';
      const keysOk = isPlainObject(wire) && Object.keys(wire).every((key) => key === 'afterSeq' || key === 'limit');
      const afterSeq = isPlainObject(wire) ? wire.afterSeq : undefined;
      const limit = isPlainObject(wire) ? wire.limit : undefined;
      const shapeOk =
        keysOk &&
        Number.isSafeInteger(afterSeq) &&
        (afterSeq as number) >= 0 &&
        (limit === undefined || (Number.isSafeInteger(limit) && (limit as number) >= 1 && (limit as number) <= LIMITS.pullPageMax));
      if (shapeOk && (afterSeq as number) <= head) {
        expect(response.ok, context).toBe(true);
        if (response.ok) {
          expect(response.events.length, context).toBeLessThanOrEqual((limit as number | undefined) ?? 500);
          expect(
            response.events.every((event) => event.seq > (afterSeq as number)),
            context,
          ).toBe(true);
        }
      } else {
        expect(response.ok, context).toBe(false);
        if (!response.ok) {
          expectTypedError(response.error, context);
          expect(response.error.code, context).toBe(shapeOk ? 'conflict' : 'invalid_payload');
        }
      }
    }
    countSent('pulls', payloads.length);
  });

  it('events on channels the relay does not have', async () => {
    const { operator } = world.clients;
    const reserved = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener', 'push', 'pull']);
    const names = [
      ...draw(fc.string({ minLength: 1, maxLength: 40 }), 200),
      'events',
      'session',
      'Push',
      'pull ',
      'admin',
      '__proto__',
    ].filter((name) => !reserved.has(name));
    const payloads = draw(anyValue, names.length);
    for (const [i, name] of names.entries()) {
      const answer = (await operator.socket.timeout(5_000).emitWithAck(name, payloads[i])) as PushResponse;
      expect(answer.ok, name).toBe(false);
      if (!answer.ok) {
        expectTypedError(answer.error, name);
        expect(answer.error.code).toBe('not_found');
      }
      // Without an acknowledgement there is nobody to answer: ignored.
      operator.socket.emit(name, payloads[i]);
    }
    expect((await operator.pull(0, 1)).ok).toBe(true);
    expect(operator.socket.connected).toBe(true);
    countSent('unknown channels', names.length * 2);
  });

  it('a message larger than the socket limit closes that socket only', async () => {
    const victim = await world.h.connect(world.users.observer);
    const closed = victim.waitForDisconnect();
    victim.socket.emit('push', {
      mutations: [mutation('request.create', { ...createRequestArgs(PLATFORM_A), grounds: 'g'.repeat(1_100_000) })],
    });
    await closed;
    expect(victim.socket.connected).toBe(false);
    // Everyone else is still served.
    for (const client of Object.values(world.clients)) expect(client.socket.connected).toBe(true);
    countSent('oversized message', 1);
  });

  it('after all of it, a valid push succeeds and the relay answers on every channel', async () => {
    // Checked first: the record is unchanged by the fuzzing (afterEach checks it once more).
    expect(await takeFingerprint(world.h)).toEqual(before);
    for (const name of ['prefect', 'operator', 'observer', 'liaisonA', 'liaisonB'] as const) {
      expect(world.clients[name].socket.connected, name).toBe(true);
      expect((await world.clients[name].pull(world.h.headSeq)).ok, name).toBe(true);
    }
    const health = await fetch(`${world.h.relay.url}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, headSeq: before.headSeq });
    // A valid push is accepted on a relay that has just eaten all of that; then the record is
    // back to its fingerprint (the check in afterEach) because the next block starts no more.
    const probe = await world.h.connect(world.users.operator);
    pace(world);
    const args = createRequestArgs(PLATFORM_A);
    const result = await probe.act('request.create', args);
    expect(result.status).toBe('accepted');
    expect(world.h.headSeq).toBeGreaterThan(before.headSeq);
    await waitFor(() => typeof world.h.core.view.requests.get(args.requestId as string)?.receivedAt === 'number', 'receipt');
    // The fingerprint does see a change: the new request and its receipt, in memory and on disk.
    const after = await takeFingerprint(world.h);
    expect(after.events).toBe(before.events + 2);
    expect(after.memory).not.toBe(before.memory);
    expect(after.tables.requests).not.toBe(before.tables.requests);
    expect(after.chain).toMatchObject({ ok: true, events: before.headSeq + 2 });
    expect(after.chain.ok && before.chain.ok && after.chain.headHash !== before.chain.headHash).toBe(true);
    // The projections are what the log says, folded from scratch.
    expect(await projectionsMatchLog(world.h)).toMatchObject({ ok: true, differences: [] });
    before = after;
  });
});
