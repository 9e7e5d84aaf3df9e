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
    let text = '';
    for (let i = first; i < end; i++) {
      starts[i - first] = text.length;
      text += rows[i]!.entry.search + SEPARATOR;
    }
    starts[end - first] = text.length;
    chunks.push({ first, text, starts });
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
