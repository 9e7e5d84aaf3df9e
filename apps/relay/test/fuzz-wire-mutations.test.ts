/**
 * Hostile mutations on the socket: thousands of generated pushes against a real relay over real
 * sockets — garbage payloads and envelopes, every field of every mutation type wrong, missing,
 * unknown or oversized, unknown types, bad and duplicate ids. Every one gets a typed error, the
 * relay keeps serving, and its record — head seq, projections in memory and in its store — is
 * exactly what it was before, on each storage engine (SQLite, PostgreSQL): bad input is refused
 * before the store is written. (Replays, forbidden steps, pulls and channels are in
 * fuzz-wire-session.test.ts; the hand-written cases in malformed-payloads.test.ts.)
 */
import { LIMITS, MUTATION_TYPES, newId, type PushResponse } from '@contact-desk/shared';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  argsShape,
  anyValue,
  countSent,
  draw,
  expectTypedError,
  fieldsOf,
  isPlainObject,
  isValidMutation,
  OVERSIZED_ARRAY_LENGTHS,
  OVERSIZED_STRING_LENGTHS,
  overTheWire,
  withField,
  type FieldSchema,
} from './fuzz/oracles.js';
import { baseArgs, expectRejections, fuzzedRelay, pace, pushAll } from './fuzz/wire-relay.js';
import { describeEachEngine } from './engines.js';
import { createRequestArgs, mutation, type WireMutation } from './harness.js';
import { PLATFORM_A } from './matrix/world.js';

describeEachEngine('socket fuzz: every bad mutation gets a typed error and changes nothing', (engine) => {
  const relay = fuzzedRelay(engine, 'socket fuzz (mutations)');

  it('garbage in place of a push', async () => {
    const { operator } = relay.world.clients;
    const payloads = [
      ...draw(fc.anything({ maxDepth: 3 }), 300),
      ...draw(fc.record({ mutations: fc.oneof(fc.constant([]), anyValue) }), 100),
      ...draw(fc.record({ mutations: fc.array(fc.constant(1), { minLength: 1, maxLength: 3 }), extra: anyValue }), 50),
      { mutations: Array.from({ length: LIMITS.mutationsPerPush + 1 }, () => 1) },
    ];
    for (const payload of payloads) {
      pace(relay.world, LIMITS.mutationsPerPush);
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
    expectRejections(raws, await pushAll(relay.world, relay.world.clients.operator, raws), 'envelope');
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
    const results = await pushAll(relay.world, relay.world.clients.prefect, raws);
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
    expectRejections(raws, await pushAll(relay.world, relay.world.clients.prefect, raws), 'oversized');
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
    const results = await pushAll(relay.world, relay.world.clients.operator, raws);
    expectRejections(raws, results, 'unknown type');
    results.forEach((result, i) => {
      if (result.status === 'rejected' && result.error.code === 'unknown_mutation')
        expect(result.error.details).toEqual({ type: names[i] });
    });
    countSent('unknown types', raws.length);
  });

  it('missing, invalid and duplicate mutation ids', async () => {
    const { operator } = relay.world.clients;
    const base = mutation('request.create', createRequestArgs(PLATFORM_A));
    const { mutationId: _drop, ...withoutId } = base;
    const badIds = [
      ...draw(fc.string({ maxLength: 40 }), 150),
      ...draw(fc.uuid(), 40).map((id) => id.toUpperCase().replace(/^(.{14})./, '$10')),
      ...draw(anyValue, 100).filter((value) => typeof value !== 'string'),
    ];
    const raws: unknown[] = [withoutId, ...badIds.map((mutationId) => ({ ...base, mutationId }))].filter((raw) => !isValidMutation(raw));
    expectRejections(raws, await pushAll(relay.world, operator, raws), 'mutation id');

    // One id twice in a push, for a decided refusal: the second gets the first one's answer.
    const refusedTwice = mutation('request.acknowledge', { requestId: relay.byStatus.get(`${PLATFORM_A}:open`)?.requestId });
    pace(relay.world, 3);
    const twice = await operator.push([refusedTwice, refusedTwice, { ...refusedTwice, args: { requestId: newId() } }]);
    if (!twice.ok) throw new Error(twice.error.message);
    expect(twice.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(twice.results[1]).toEqual(twice.results[0]);
    expect(twice.results[2]).toEqual(twice.results[0]);
    countSent('mutation ids', raws.length + 3);
  });
});
