import type { Row } from './queue-order';
import { STEP, type Work } from '../common/sliced-work';

/**
 * The search texts of the ordered rows, joined into a few large strings: one native scan of each
 * finds the rows holding a term, instead of a test of every row (a search on 100k rows then costs
 * about what it costs on 100). Built with the order, in slices on a large queue.
 */
export interface SearchCorpus {
  readonly chunks: readonly CorpusChunk[];
}

interface CorpusChunk {
  /** Index in the rows of the chunk's first row. */
  readonly first: number;
  /** The rows' search texts, each followed by SEPARATOR. */
  readonly text: string;
  /** Where each row's text starts in `text`, and (last) the chunk's length. */
  readonly starts: Int32Array;
}

/** Never in a search term (terms are split on white space and typed by hand). */
const SEPARATOR = '\u0000';

export function* corpusInSteps(rows: readonly Row[]): Work<SearchCorpus> {
  const chunks: CorpusChunk[] = [];
  for (let first = 0; first < rows.length; first += STEP) {
    const end = Math.min(rows.length, first + STEP);
    const starts = new Int32Array(end - first + 1);
    const texts: string[] = new Array(end - first + 1);
    let length = 0;
    for (let i = first; i < end; i++) {
      starts[i - first] = length;
      texts[i - first] = rows[i]!.entry.search;
      length += texts[i - first]!.length + SEPARATOR.length;
    }
    starts[end - first] = length;
    texts[end - first] = '';
    // Joined, not added one by one: `+=` makes a rope the first search would have to flatten,
    // a copy of every chunk while the user types; `join` makes the flat string here, in slices.
    chunks.push({ first, text: texts.join(SEPARATOR), starts });
    yield;
  }
  return { chunks };
}

/** The row (index in the chunk) whose text holds position `at`. */
function rowAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The indexes, ascending, of the rows whose search text contains `term`; undefined for a term the corpus cannot look for. */
export function rowsContaining(corpus: SearchCorpus, term: string): number[] | undefined {
  if (term.length === 0 || term.includes(SEPARATOR)) return undefined;
  const found: number[] = [];
  for (const { first, text, starts } of corpus.chunks) {
    let at = text.indexOf(term);
    while (at >= 0) {
      const row = rowAt(starts, at);
      found.push(first + row);
      at = text.indexOf(term, starts[row + 1]!);
    }
  }
  return found;
}
