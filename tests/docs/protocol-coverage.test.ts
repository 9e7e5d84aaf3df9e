/**
 * docs/protocol.md is how a client is written without reading the code: every mutation type the
 * relay accepts and every event type it records must be documented there, and nothing else may
 * be. The lists come from the code (the mutation schemas and the event types).
 */
import { EVENT_TYPES, MUTATION_TYPES } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { codeSpans, readDoc, section, tableRows } from './markdown';

const protocol = readDoc('docs/protocol.md');
const mutationReference = section(protocol, '## 7.');
const whoMaySend = section(mutationReference, '### 7.1');
const argumentSections = mutationReference.slice(mutationReference.indexOf(whoMaySend) + whoMaySend.length);
const eventTable = section(protocol, '## 12.');
/** A dotted name as mutation and event types are written: `request.create`, `apiKey.issued`. */
const TYPE_NAME = /^[a-z][a-zA-Z]*\.[a-zA-Z]+$/;

/** The types named in the first cell of a section's table rows. */
function firstCellTypes(text: string): string[] {
  return tableRows(text).flatMap((cells) => codeSpans(cells[0] ?? '').filter((name) => TYPE_NAME.test(name)));
}

describe('docs/protocol.md documents every mutation and event type of the code', () => {
  it('lists each mutation type in §7.1 (who may send it) and only those', () => {
    expect([...firstCellTypes(whoMaySend)].sort()).toEqual([...MUTATION_TYPES].sort());
  });

  it('gives the arguments of each mutation type in §7.2 and after (a heading or a row of its own)', () => {
    const documented = new Set([
      ...firstCellTypes(argumentSections),
      ...[...argumentSections.matchAll(/^#### `([^`]+)`/gm)].map((match) => match[1]),
    ]);
    expect(MUTATION_TYPES.filter((type) => !documented.has(type))).toEqual([]);
    expect([...documented].filter((type) => type !== undefined && !(MUTATION_TYPES as string[]).includes(type))).toEqual([]);
  });

  it('names only real event types as what each mutation produces (§7.1)', () => {
    const produced = tableRows(whoMaySend).flatMap((cells) => codeSpans(cells.at(-1) ?? '').filter((name) => TYPE_NAME.test(name)));
    expect(produced.length).toBeGreaterThan(MUTATION_TYPES.length);
    expect(produced.filter((type) => !(EVENT_TYPES as string[]).includes(type))).toEqual([]);
  });

  it('has a row for each event type in §12 (payload, audience, effect) and only those', () => {
    expect([...new Set(firstCellTypes(eventTable))].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('states the numbers of mutation and event types as the code has them', () => {
    const counts = [...protocol.matchAll(/(\d+) (mutation|event) types/g)];
    expect(counts.length).toBeGreaterThan(0);
    for (const [sentence, , kind] of counts) {
      expect(sentence).toBe(`${kind === 'mutation' ? MUTATION_TYPES.length : EVENT_TYPES.length} ${kind} types`);
    }
  });
});
