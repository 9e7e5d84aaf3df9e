/**
 * Hostile sessions on the socket, against a real relay over real sockets on each storage engine:
 * replayed pushes in any order, with other content or by another user (answered from the store
 * as first recorded), every step the state machine forbids, pulls with generated cursors and
 * limits, unknown channels and an over-limit message. Every one gets a typed error or its
 * recorded answer and the record is unchanged; then a valid push succeeds.
 * (Generated mutations are in fuzz-wire-mutations.test.ts.)
 */
import { LIMITS, type MutationType, type PushResponse, type RequestStatus } from '@contact-desk/shared';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { anyValue, countSent, draw, expectTypedError, isPlainObject, overTheWire } from './fuzz/oracles.js';
import { projectionsMatchLog, takeFingerprint } from './fuzz/record.js';
import { fuzzedRelay, otherContent, pace } from './fuzz/wire-relay.js';
import { describeEachEngine } from './engines.js';
import { createRequestArgs, mutation, waitFor } from './harness.js';
import { MUTATION_SPECS, phantomTargets } from './matrix/mutation-args.js';
import { PLATFORM_A } from './matrix/world.js';

describeEachEngine('socket fuzz: replays, forbidden steps, pulls and channels get their answers and change nothing', (engine) => {
  const relay = fuzzedRelay(engine, 'socket fuzz (session)');

  it('replayed pushes, in any order, with other content or by another user', async () => {
    const orders = draw(fc.shuffledSubarray(relay.recorded, { minLength: 1 }), 40);
    let n = 0;
    for (const order of orders) {
      for (const { client, envelope, result } of order) {
        pace(relay.world, 3);
        expect(await client.send(envelope)).toEqual(result);
        // The id decides: other valid content under a relay.recorded id still gets the relay.recorded answer.
        expect(await client.send({ ...envelope, args: otherContent(envelope), clientTime: 1 })).toEqual(result);
        const stranger = client === relay.world.clients.prefect ? relay.world.clients.operator : relay.world.clients.prefect;
        expect(await stranger.send(envelope)).toMatchObject({
          mutationId: envelope.mutationId,
          status: 'rejected',
          error: { code: 'mutation_id_reused' },
        });
        n += 3;
      }
    }
    // A whole batch of them replayed in one push, reversed.
    const reversed = [...relay.recorded].reverse().filter((entry) => entry.client === relay.world.clients.operator);
    pace(relay.world, reversed.length);
    const again = await relay.world.clients.operator.push(reversed.map((entry) => entry.envelope));
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
    const illegal = [...relay.byStatus.values()].flatMap((target) =>
      (Object.entries(LEGAL_FROM) as [MutationType, RequestStatus[]][])
        .filter(([, from]) => !from.includes(target.status))
        .map(([type]) => ({ ...target, type })),
    );
    const picks = draw(fc.constantFrom(...illegal), 400);
    for (const [i, pick] of picks.entries()) {
      pace(relay.world);
      const client = LIAISON_STEPS.has(pick.type)
        ? relay.world.liaisonOf(pick.platformId)
        : i % 2 === 0
          ? relay.world.clients.prefect
          : relay.world.clients.operator;
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
    const head = relay.world.h.headSeq;
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
      const client = i % 2 === 0 ? relay.world.clients.operator : relay.world.clients.liaisonA;
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
    const { operator } = relay.world.clients;
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
    const victim = await relay.world.h.connect(relay.world.users.observer);
    const closed = victim.waitForDisconnect();
    victim.socket.emit('push', {
      mutations: [mutation('request.create', { ...createRequestArgs(PLATFORM_A), grounds: 'g'.repeat(1_100_000) })],
    });
    await closed;
    expect(victim.socket.connected).toBe(false);
    // Everyone else is still served.
    for (const client of Object.values(relay.world.clients)) expect(client.socket.connected).toBe(true);
    countSent('oversized message', 1);
  });

  it('after all of it, a valid push succeeds and the relay answers on every channel', async () => {
    // Checked first: the record is unchanged by the fuzzing (afterEach checks it once more).
    expect(await takeFingerprint(relay.world.h)).toEqual(relay.before);
    for (const name of ['prefect', 'operator', 'observer', 'liaisonA', 'liaisonB'] as const) {
      expect(relay.world.clients[name].socket.connected, name).toBe(true);
      expect((await relay.world.clients[name].pull(relay.world.h.headSeq)).ok, name).toBe(true);
    }
    const health = await fetch(`${relay.world.h.relay.url}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, headSeq: relay.before.headSeq });
    // A valid push is accepted on a relay that has just eaten all of that; then the record is
    // back to its fingerprint (the check in afterEach) because the next block starts no more.
    const probe = await relay.world.h.connect(relay.world.users.operator);
    pace(relay.world);
    const args = createRequestArgs(PLATFORM_A);
    const result = await probe.act('request.create', args);
    expect(result.status).toBe('accepted');
    expect(relay.world.h.headSeq).toBeGreaterThan(relay.before.headSeq);
    await waitFor(() => typeof relay.world.h.core.view.requests.get(args.requestId as string)?.receivedAt === 'number', 'receipt');
    // The fingerprint does see a change: the new request and its receipt, in memory and on disk.
    const after = await takeFingerprint(relay.world.h);
    expect(after.events).toBe(relay.before.events + 2);
    expect(after.memory).not.toBe(relay.before.memory);
    expect(after.tables.requests).not.toBe(relay.before.tables.requests);
    expect(after.chain).toMatchObject({ ok: true, events: relay.before.headSeq + 2 });
    expect(after.chain.ok && relay.before.chain.ok && after.chain.headHash !== relay.before.chain.headHash).toBe(true);
    // The projections are what the log says, folded from scratch.
    expect(await projectionsMatchLog(relay.world.h)).toMatchObject({ ok: true, differences: [] });
    relay.before = after;
  });
});
