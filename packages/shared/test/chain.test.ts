import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chainProofText,
  chainText,
  checkChainProof,
  GENESIS_HASH,
  type DomainEvent,
  type LoggedEvent,
} from '../src/index.js';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Shuffles an object's members (recursively), as another JSON writer might order them. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, member]) => [key, reordered(member)]),
  );
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts members by name, drops whitespace and absent members, keeps null', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'é'], c: undefined, d: { z: 0, y: -0 } })).toBe(
      '{"a":[true,null,"é"],"b":1,"d":{"y":0,"z":0}}',
    );
  });

  it('writes numbers and strings as ECMAScript does', () => {
    expect(canonicalJson([1e21, 1.5e-7, 0.1 + 0.2, 'a"\\\u0001\u2028'])).toBe('[1e+21,1.5e-7,0.30000000000000004,"a\\"\\\\\\u0001\u2028"]');
  });

  it('sorts by UTF-16 code units, as the standard says', () => {
    expect(canonicalJson({ '\u00e9': 1, z: 2, '\ud83d\ude00': 3, '\uff61': 4 })).toBe('{"z":2,"é":1,"😀":3,"｡":4}');
  });

  it('refuses what is not JSON', () => {
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });

  it('does not depend on member order or on a JSON round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reordered(value))).toBe(text);
        expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });
});

const base = {
  serverTime: Date.UTC(2026, 10, 2, 9, 30),
  actor: { userId: 'u1', name: 'Léa Martin', role: 'liaison', platformId: 'meta', deviceId: 'd1' },
  mutationId: null,
  clientTime: null,
} as const;

/** A small chained log: events addressed to meta and tiktok, and one to the ministry. */
function chained(): LoggedEvent[] {
  const drafts = [
    { type: 'request.acknowledged', payload: { requestId: 'r1', implicit: false }, audience: { kind: 'platform', platformId: 'meta' } },
    { type: 'request.acknowledged', payload: { requestId: 'r2', implicit: false }, audience: { kind: 'platform', platformId: 'tiktok' } },
    { type: 'request.received', payload: { requestId: 'r3', deviceId: 'd1' }, audience: { kind: 'platform', platformId: 'meta' } },
    { type: 'request.received', payload: { requestId: 'r4', deviceId: 'd1' }, audience: { kind: 'platform', platformId: 'meta' } },
    { type: 'policy.updated', payload: { policy: {} }, audience: { kind: 'ministry' } },
  ];
  let prevHash = GENESIS_HASH;
  return drafts.map((draft, index) => {
    const event = { ...base, ...draft, seq: index + 1 } as unknown as DomainEvent;
    const hash = sha256Hex(chainText(prevHash, event));
    const logged = { ...event, prevHash, hash } as LoggedEvent;
    prevHash = hash;
    return logged;
  });
}

describe('chain proofs', () => {
  it("holds only the platform's own events and checks clean", () => {
    const log = chained();
    const text = chainProofText('meta', log, { seq: 5, hash: log[4]?.hash ?? '' }, base.serverTime);
    const check = checkChainProof(text, sha256Hex);
    expect(check.failures).toEqual([]);
    expect(check.events.map((event) => event.seq)).toEqual([1, 3, 4]);
    expect(check.header).toMatchObject({ platformId: 'meta', events: 3, head: { seq: 5 } });
  });

  it('names every line that was edited, dropped, relinked or is not the platform’s', () => {
    const log = chained();
    const lines = chainProofText('meta', log, null, base.serverTime).trim().split('\n');
    const edited = lines.map((line) => line.replace('"implicit":false', '"implicit":true'));
    expect(checkChainProof(edited.join('\n'), sha256Hex).failures).toEqual([
      { line: 2, reason: 'event 1: content does not match its hash' },
    ]);

    const dropped = [lines[0], lines[1], lines[3]].join('\n');
    expect(checkChainProof(dropped, sha256Hex).failures).toEqual([{ line: 1, reason: 'the header announces 3 events, the file has 2' }]);

    const third = JSON.parse(lines[3] ?? '') as LoggedEvent;
    const relinkedEvent = { ...third, prevHash: log[0]?.hash ?? '' };
    const relinked = [
      ...lines.slice(0, 3),
      JSON.stringify({ ...relinkedEvent, hash: sha256Hex(chainText(relinkedEvent.prevHash, relinkedEvent)) }),
    ];
    expect(checkChainProof(relinked.join('\n'), sha256Hex).failures).toEqual([{ line: 4, reason: 'event 4 is not linked to event 3' }]);

    const foreign = [lines[0], lines[1], JSON.stringify(log[1]), lines[3]].join('\n');
    expect(checkChainProof(foreign, sha256Hex).failures).toContainEqual({ line: 3, reason: 'event 2 is not addressed to meta' });
  });

  it('refuses a file that is not a proof', () => {
    expect(() => checkChainProof('{"hello":1}\n', sha256Hex)).toThrow(/not a Contact Desk chain proof/);
    expect(() => checkChainProof('', sha256Hex)).toThrow(TypeError);
  });
});
