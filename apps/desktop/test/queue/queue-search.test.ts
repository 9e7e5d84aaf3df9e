import type { Request } from '@contact-desk/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/renderer/src/features/queue/queue-filters';
import { filterRows } from '../../src/renderer/src/features/queue/queue-list';
import type { Row } from '../../src/renderer/src/features/queue/queue-order';
import { corpusInSteps, rowsContaining } from '../../src/renderer/src/features/queue/queue-search';
import { drain, STEP } from '../../src/renderer/src/features/common/sliced-work';
import { VIEWERS } from './queue-world';

/** Rows with only what the search reads: an id and the search text. */
function rowsOf(texts: readonly string[]): Row[] {
  return texts.map((search, i) => ({
    entry: { request: { id: `r${i}` } as Request, platformName: 'Meta', search },
    facts: { key: {} as Row['facts']['key'], late: false },
  }));
}

const ids = (rows: readonly Row[]) => rows.map((row) => row.entry.request.id);

describe('the search corpus', () => {
  it('finds the same rows, in the same order, as testing every row', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'n', 't', 'é', ' ', '/'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 60 }), text, (texts, search) => {
        const rows = rowsOf(texts);
        const corpus = drain(corpusInSteps(rows));
        const filters = { ...NO_FILTERS, text: search };
        expect(ids(filterRows(rows, 'all', filters, VIEWERS.olivier, () => false, corpus))).toEqual(
          ids(filterRows(rows, 'all', filters, VIEWERS.olivier, () => false)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('across chunks: a term at the start and at the end of a row, once per row however often it appears', () => {
    const texts = Array.from({ length: 2 * STEP + 5 }, (_, i) => (i % 700 === 0 ? `lantern ${i} lantern lantern` : `row ${i}`));
    texts[STEP - 1] = 'ends with lantern';
    texts[STEP] = 'lantern starts it';
    const corpus = drain(corpusInSteps(rowsOf(texts)));
    const expected = texts.flatMap((text, i) => (text.includes('lantern') ? [i] : []));
    expect(rowsContaining(corpus, 'lantern')).toEqual(expected);
    // A term never spans two rows.
    expect(rowsContaining(corpus, 'lanternlantern')).toEqual([]);
    expect(rowsContaining(corpus, 'it\u0000')).toBeUndefined();
  });
});
