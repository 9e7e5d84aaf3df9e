/**
 * What the relay must answer to a bad input, written from the protocol (docs/protocol.md §6–§8,
 * §16) rather than from the relay's code, plus the generators of bad inputs.
 */
import {
  ERROR_CODES,
  MUTATION_TYPES,
  mutationArgsSchemas,
  parseMutation,
  type MutationType,
  type ProtocolError,
} from '@contact-desk/shared';
import fc from 'fast-check';
import { expect } from 'vitest';

/** The seed of this run; set FUZZ_SEED to replay a failure. */
export const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

/** Inputs sent, by kind, for the run's report. */
export const sent = new Map<string, number>();
export function countSent(kind: string, n: number): void {
  sent.set(kind, (sent.get(kind) ?? 0) + n);
}
export function sentTotal(): number {
  return [...sent.values()].reduce((sum, n) => sum + n, 0);
}
/** The run's report: how many inputs of each kind were sent since `started`, and the seed to replay it; the count starts again. */
export function reportSent(suite: string, started: number): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const detail = [...sent.entries()].map(([kind, n]) => `${kind} ${n}`).join(', ');
  console.log(`${suite}: ${sentTotal()} inputs in ${seconds} s (seed ${SEED}): ${detail}`);
  sent.clear();
}

/** Draws `n` values of an arbitrary from this run's seed (offset per use, so draws differ). */
let draws = 0;
export function draw<T>(arbitrary: fc.Arbitrary<T>, n: number): T[] {
  draws += 1;
  return fc.sample(arbitrary, { numRuns: n, seed: SEED + draws });
}

/**
 * Starts the draws again from the seed: a suite run once per storage engine calls it as each run
 * starts, so that both draw the same inputs and one engine's run replays alone (`-t`) with its seed.
 */
export function restartDraws(): void {
  draws = 0;
}

/** The value as the relay receives it: Socket.IO and HTTP carry JSON. */
export function overTheWire(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/** A typed error: a code of the protocol's list and a short readable message. */
export function expectTypedError(error: ProtocolError | undefined, context: string): void {
  expect(error, context).toBeDefined();
  expect(ERROR_CODES as readonly string[], context).toContain(error?.code);
  expect(typeof error?.message, context).toBe('string');
  expect(error?.message.length, context).toBeGreaterThan(0);
  // An error never echoes a huge input back.
  expect(JSON.stringify(error).length, context).toBeLessThan(4_000);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 9562 UUIDs with version 1–8 and variant 8/9/a/b, plus nil and max (§1). */
const UUID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/i;
const ENVELOPE_KEYS = new Set(['mutationId', 'type', 'args', 'clientTime']);

/** The per-mutation verdict of §6.3 for an input that is not a valid mutation. */
export function expectedRejection(raw: unknown): { code: 'invalid_payload' | 'unknown_mutation'; mutationId: string } {
  const wire = overTheWire(raw);
  if (!isPlainObject(wire)) return { code: 'invalid_payload', mutationId: '' };
  const id = typeof wire.mutationId === 'string' && UUID.test(wire.mutationId) ? wire.mutationId : '';
  const clientTime = wire.clientTime;
  const envelopeOk =
    id !== '' &&
    Object.keys(wire).every((key) => ENVELOPE_KEYS.has(key)) &&
    wire.args !== undefined &&
    typeof wire.type === 'string' &&
    wire.type.length >= 1 &&
    wire.type.length <= 64 &&
    (clientTime === undefined || clientTime === null || (Number.isSafeInteger(clientTime) && (clientTime as number) >= 0));
  if (!envelopeOk) return { code: 'invalid_payload', mutationId: id };
  if (!(MUTATION_TYPES as readonly string[]).includes(wire.type as string)) return { code: 'unknown_mutation', mutationId: id };
  return { code: 'invalid_payload', mutationId: id };
}

/** Whether an input happens to be a valid mutation (then it is not a bad input, and is left out). */
export function isValidMutation(raw: unknown): boolean {
  return parseMutation(overTheWire(raw)).ok;
}

/** A field schema, as far as these tests need one (zod's `safeParse`). */
export interface FieldSchema {
  safeParse(value: unknown): { success: boolean };
  readonly shape?: Record<string, FieldSchema>;
}

export function argsShape(type: MutationType): Record<string, FieldSchema> {
  const shape = (mutationArgsSchemas[type] as unknown as FieldSchema).shape;
  if (!shape) throw new Error(`the arguments of ${type} are not an object schema`);
  return shape;
}

/** Every field of a mutation's arguments, one level into nested objects (`patch.name`…). */
export function fieldsOf(type: MutationType, base: Record<string, unknown>): { path: string[]; schema: FieldSchema }[] {
  const fields: { path: string[]; schema: FieldSchema }[] = [];
  for (const [key, schema] of Object.entries(argsShape(type))) {
    fields.push({ path: [key], schema });
    const nested = base[key];
    if (schema.shape && isPlainObject(nested)) {
      for (const [inner, innerSchema] of Object.entries(schema.shape)) fields.push({ path: [key, inner], schema: innerSchema });
    }
  }
  return fields;
}

export function withField(base: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return base;
  const copy = { ...base };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  copy[head] = withField(isPlainObject(base[head]) ? base[head] : {}, rest, value);
  return copy;
}

/** Values of every JSON type, and the near misses a client gets wrong. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.uuid(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constantFrom(
    '',
    '   ',
    '\u0000',
    -1,
    0,
    1.5,
    -0.5,
    2 ** 53,
    -(2 ** 53),
    'https://x.example/1',
    '@handle',
    'P9',
    'alpha',
    'NOPE',
    '00000000-0000-0000-0000-000000000000',
    '01943a6e-5b2c-0d41-8e9f-0a1b2c3d4e5f',
  ),
);

/** Lengths just past every documented limit (§20). */
export const OVERSIZED_STRING_LENGTHS = [33, 41, 65, 81, 121, 201, 255, 301, 2_049, 10_001, 40_000];
export const OVERSIZED_ARRAY_LENGTHS = [13, 101, 501, 1_001, 1_500];
