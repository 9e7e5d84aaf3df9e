import { ERROR_CODES, protocolError, refusal, type ProtocolError } from '@contact-desk/shared';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { wordRefusal, type Translate } from '../../src/renderer/src/features/common/refusal-wording';
import { translator } from '../support/translate';

const SHARED_SRC = join(import.meta.dirname, '..', '..', '..', '..', 'packages', 'shared', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every reason a refusal of the shared domain can carry, read from its sources: the second
 * argument of each `refusal(code, reason, …)` call, ternaries included.
 */
function reasonsInShared(): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const file of sourceFiles(SHARED_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/\brefusal\(\s*'([a-z_]+)',\s*([^,]+),/g)) {
      for (const reason of call[2]!.matchAll(/'([a-z_]+)'/g)) reasons.set(reason[1]!, call[1]!);
    }
  }
  return reasons;
}

/** Parameters of every kind a reason's sentence may use. */
const PARAMS = {
  ref: 'CD-2026-000042',
  status: 'withdrawn',
  step: 'answer',
  what: 'request',
  id: 'x',
  role: 'liaison',
  type: 'request.answer',
  platform: 'Meta',
  priority: 'P7',
  location: 'https://e.example/1',
  itemId: 'i1',
  name: 'Lina',
  label: 'Portable',
  side: 'platform',
  level: 2,
  requestId: 'r1',
  path: 'items',
  version: 1,
  domain: 'x.com',
};

let fr: Translate;
let en: Translate;

beforeAll(async () => {
  fr = await translator('fr');
  en = await translator('en');
});

describe('wordRefusal', () => {
  const reasons = reasonsInShared();

  it('finds the reasons the shared domain refuses with (the scan itself works)', () => {
    expect(reasons.size).toBeGreaterThanOrEqual(25);
    for (const known of [
      'step_not_allowed',
      'not_visible',
      'role_may_not',
      'escalation_no_contact',
      'escalation_chain_end',
      'owner_unchanged',
      'owner_none',
      'assignee_not_on_side',
    ]) {
      expect(reasons.has(known), known).toBe(true);
    }
  });

  for (const [reason, code] of reasonsInShared()) {
    it(`words ${reason} in French and in English, with its parameters, not as its bare code`, () => {
      const error = refusal(code as ProtocolError['code'], reason, 'English message for logs', PARAMS);
      const french = wordRefusal(error, fr);
      const english = wordRefusal(error, en);
      const bare = protocolError(code as ProtocolError['code'], 'English message for logs');
      expect(french).not.toBe(wordRefusal(bare, fr));
      expect(english).not.toBe(wordRefusal(bare, en));
      for (const sentence of [french, english]) {
        expect(sentence).not.toMatch(/\{\{|refusals\.|English message/);
        expect(sentence.length).toBeGreaterThan(10);
      }
      expect(french).not.toBe(english);
    });
  }

  it('says which step was refused and why, from the status the relay found', () => {
    const error = refusal('illegal_transition', 'step_not_allowed', 'Cannot answer CD-2026-000042: it is withdrawn.', {
      requestId: 'r1',
      ref: 'CD-2026-000042',
      status: 'withdrawn',
      step: 'answer',
    });
    expect(wordRefusal(error, fr)).toBe('Impossible de répondre à CD-2026-000042 : le ministère l’a retirée.');
    expect(wordRefusal(error, en)).toBe('Cannot answer CD-2026-000042: the ministry withdrew it.');
    const ack = refusal('illegal_transition', 'step_not_allowed', '', { ref: 'CD-1', status: 'acknowledged', step: 'acknowledge' });
    expect(wordRefusal(ack, fr)).toBe('Impossible d’accuser réception de CD-1 : la plateforme en a déjà accusé réception.');
  });

  it('words a refusal without a reason by its code, in both languages, for every code', () => {
    for (const code of ERROR_CODES) {
      const french = wordRefusal(protocolError(code, 'English'), fr);
      const english = wordRefusal(protocolError(code, 'English'), en);
      expect(french, code).not.toMatch(/English|\{\{|refusals\./);
      expect(english, code).not.toMatch(/\{\{|refusals\./);
      expect(french).not.toBe(english);
    }
    expect(wordRefusal(protocolError('rate_limited', 'slow down', { retryAfterMs: 4_500 }), fr)).toBe(
      'Trop de changements envoyés d’un coup : nouvel essai dans 5 s.',
    );
    expect(wordRefusal(protocolError('invalid_payload', 'bad', { issues: [{ path: 'items.0', message: 'too long' }] }), en)).toBe(
      'Data refused: the field “items.0” is not valid.',
    );
  });

  it('falls back to its code for a reason this app does not know yet, and never shows the relay’s English message', () => {
    const newer = refusal('conflict', 'reason_from_a_newer_relay', 'Something new happened.', {});
    expect(wordRefusal(newer, fr)).toBe('Cette action ne correspond plus à ce que le relais a enregistré.');
    const unknownCode = { code: 'teapot', message: 'I am a teapot' } as unknown as ProtocolError;
    expect(wordRefusal(unknownCode, fr)).toBe('Action refusée (teapot).');
  });

  it('names who handles the request, or someone, when the owner did not change', () => {
    expect(wordRefusal(refusal('conflict', 'owner_unchanged', '', { ref: 'CD-9', name: 'Bruno' }), fr)).toBe(
      'CD-9 est déjà traitée par Bruno.',
    );
    expect(wordRefusal(refusal('conflict', 'owner_unchanged', '', { ref: 'CD-9', name: null }), en)).toBe(
      'CD-9 is already handled by that person.',
    );
  });
});
