import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, LIMITS, MUTATION_TYPES, parseMutation } from '../src/index.js';
import { uuid } from './fixtures.js';
import { SAMPLE_ARGS, SAMPLE_REQUEST_ID } from './samples.js';

const MUTATION_ID = uuid(31);
const requestId = SAMPLE_REQUEST_ID;
const envelope = (type: string, args: unknown) => ({ mutationId: MUTATION_ID, type, args });
const long = (length: number) => 'x'.repeat(length);

/** The rejection, checked to carry the code and the echoed mutation id. */
function rejection(raw: unknown, code: 'invalid_payload' | 'unknown_mutation', echoed: string | null = MUTATION_ID) {
  const result = parseMutation(raw);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  expect(result.mutationId).toBe(echoed ?? undefined);
  return result.error;
}

describe('parseMutation accepts well-formed mutations', () => {
  it.each(MUTATION_TYPES)('%s', (type) => {
    const result = parseMutation({ ...envelope(type, SAMPLE_ARGS[type]), clientTime: 1_700_000_000_000 });
    expect(result).toMatchObject({
      ok: true,
      mutationId: MUTATION_ID,
      value: { mutationId: MUTATION_ID, type, clientTime: 1_700_000_000_000 },
    });
  });

  it('fills in defaults', () => {
    const create = parseMutation(envelope('request.create', SAMPLE_ARGS['request.create']));
    expect(create).toMatchObject({
      ok: true,
      value: { clientTime: null, args: { pharosRef: null, campaignId: null, doNotInform: false, retentionUntil: null } },
    });
    expect(parseMutation(envelope('campaign.start', { campaignId: requestId, name: 'Vague' }))).toMatchObject({
      value: { args: { terms: [] } },
    });
    expect(parseMutation(envelope('comment.add', SAMPLE_ARGS['comment.add']))).toMatchObject({
      value: { args: { visibility: 'shared' } },
    });
    expect(parseMutation(envelope('request.close', { requestId }))).toMatchObject({ value: { args: { note: null } } });
  });

  it('accepts strings and lists exactly at the limits', () => {
    const args = {
      ...SAMPLE_ARGS['request.create'],
      grounds: long(LIMITS.groundsLength),
      pharosRef: long(LIMITS.shortTextLength),
      items: Array.from({ length: LIMITS.itemsPerRequest }, (_, index) => `https://example.com/${index}`),
    };
    expect(parseMutation(envelope('request.create', args)).ok).toBe(true);
  });
});

describe('parseMutation refuses malformed envelopes', () => {
  it.each([[null], ['request.close'], [42], [[]], [{}], [undefined]])('%j', (raw) => {
    const error = rejection(raw, 'invalid_payload', null);
    expect(error.message).toMatch(/^Invalid mutation/);
  });

  it.each([
    ['a mutation id that is not a UUID', { mutationId: 'abc', type: 'request.close', args: { requestId } }],
    ['no type', { mutationId: 'abc', args: {} }],
  ])('%s, without echoing an id', (_what, raw) => {
    rejection(raw, 'invalid_payload', null);
  });

  it.each([
    ['an extra key', { ...envelope('request.close', { requestId }), extra: true }],
    ['a negative client time', { ...envelope('request.close', { requestId }), clientTime: -1 }],
    ['a fractional client time', { ...envelope('request.close', { requestId }), clientTime: 1.5 }],
    ['a client time as text', { ...envelope('request.close', { requestId }), clientTime: '2026-03-02' }],
    ['an empty type', envelope('', { requestId })],
    ['a huge type', envelope(long(65), { requestId })],
  ])('%s, echoing the mutation id', (_what, raw) => {
    const error = rejection(raw, 'invalid_payload');
    expect(error.details).toHaveProperty('issues');
  });
});

describe('parseMutation refuses unknown mutation types', () => {
  it.each(['request.delete', 'REQUEST.CLOSE', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])('%s', (type) => {
    const error = rejection(envelope(type, {}), 'unknown_mutation');
    expect(error).toEqual({
      code: 'unknown_mutation',
      message: `Unknown mutation type "${type}".`,
      details: { type },
    });
  });
});

describe('parseMutation refuses invalid arguments with the path of the issue', () => {
  const create = SAMPLE_ARGS['request.create'];
  it.each([
    ['no arguments', 'request.close', undefined, ''],
    ['a request id that is not a UUID', 'request.acknowledge', { requestId: 'CD-2026-000001' }, 'requestId'],
    ['an extra argument', 'request.close', { requestId, note: 'ok', force: true }, ''],
    ['an extra key in a patch', 'request.edit', { requestId, patch: { status: 'closed' } }, 'patch'],
    ['an empty patch', 'request.edit', { requestId, patch: {} }, 'patch'],
    ['items that are not a list', 'request.create', { ...create, items: 'https://a.com' }, 'items'],
    ['no items', 'request.create', { ...create, items: [] }, 'items'],
    [
      'too many items',
      'request.create',
      { ...create, items: Array.from({ length: LIMITS.itemsPerRequest + 1 }, (_, i) => `a.com/${i}`) },
      'items',
    ],
    ['a huge location', 'request.create', { ...create, items: [`https://a.com/${long(LIMITS.locationLength)}`] }, 'items.0'],
    ['huge grounds', 'request.create', { ...create, grounds: long(LIMITS.groundsLength + 1) }, 'grounds'],
    ['blank grounds', 'request.create', { ...create, grounds: '   ' }, 'grounds'],
    ['a huge PHAROS reference', 'request.create', { ...create, pharosRef: long(LIMITS.shortTextLength + 1) }, 'pharosRef'],
    ['an unknown kind', 'request.create', { ...create, kind: 'takedown' }, 'kind'],
    ['a priority that is not a label', 'request.create', { ...create, priority: 'p0' }, 'priority'],
    ['a platform that is not a slug', 'request.create', { ...create, platformId: 'Meta Inc' }, 'platformId'],
    ['a flag as text', 'request.create', { ...create, doNotInform: 'yes' }, 'doNotInform'],
    ['a huge question', 'request.requestInfo', { requestId, question: long(LIMITS.textLength + 1) }, 'question'],
    ['an unknown outcome', 'request.answer', { requestId, items: [{ itemId: 'a/1', outcome: 'deleted' }] }, 'items.0.outcome'],
    ['a refusal without reason', 'request.answer', { requestId, items: [{ itemId: 'a/1', outcome: 'refused' }] }, 'items.0.reason'],
    [
      '"cannot execute" without ground',
      'request.answer',
      { requestId, items: [{ itemId: 'a/1', outcome: 'cannot_execute', reason: 'Offline.' }] },
      'items.0.ground',
    ],
    [
      'a ground with another outcome',
      'request.answer',
      { requestId, items: [{ itemId: 'a/1', outcome: 'removed', ground: 'force_majeure' }] },
      'items.0.ground',
    ],
    ['a liaison without platform', 'user.create', { userId: uuid(9), name: 'L', role: 'liaison' }, 'platformId'],
    ['an operator with a platform', 'user.create', { userId: uuid(9), name: 'O', role: 'operator', platformId: 'meta' }, 'platformId'],
    [
      'an action deadline before the ack deadline',
      'policy.update',
      { levels: [{ label: 'P0', name: 'Now', ackMinutes: 60, actionMinutes: 15 }] },
      'levels.0.actionMinutes',
    ],
    [
      'duplicate priority labels',
      'policy.update',
      {
        levels: [
          { label: 'P0', name: 'A', ackMinutes: 1, actionMinutes: 2 },
          { label: 'P0', name: 'B', ackMinutes: 1, actionMinutes: 2 },
        ],
      },
      'levels',
    ],
  ] as const)('%s', (_what, type, args, path) => {
    const error = rejection(envelope(type, args), 'invalid_payload');
    const issues = error.details?.['issues'] as { path: string; message: string }[];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.length).toBeLessThanOrEqual(5);
    expect(issues[0]?.path).toBe(path);
    expect(error.message).toMatch(new RegExp(`^Invalid ${type.replace('.', '\\.')} arguments`));
  });

  it('says where the first issue is', () => {
    const error = rejection(envelope('request.requestInfo', { requestId, question: '' }), 'invalid_payload');
    expect(error.message).toMatch(/^Invalid request\.requestInfo arguments at question: /);
  });
});

describe('parseMutation never throws', () => {
  it('on arbitrary input, and returns a typed error', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const result = parseMutation(raw);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
      }),
    );
  });

  it('on arbitrary arguments of a real type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MUTATION_TYPES), fc.anything(), (type, args) => {
        const result = parseMutation(envelope(type, args));
        if (!result.ok) expect(result.error.code).toBe('invalid_payload');
        expect(result.mutationId).toBe(MUTATION_ID);
      }),
    );
  });
});
