/**
 * Line wrapping for table cells drawn directly on a PDF page: greedy, at spaces, with words too
 * long for a line (URLs, hashes, long references) broken after a URL separator when one falls
 * in the second half of the line, anywhere otherwise. A cell never gets more than `maxLines`
 * lines: the last line kept then ends with "…", so nothing ever runs into the next cell or row.
 */

export interface WrapOptions {
  /** Widest line, in the unit of `measure`. */
  readonly maxWidth: number;
  /** At least 1. */
  readonly maxLines: number;
  /** Width of a text on one line (cached by the caller: it is called for every word). */
  readonly measure: (text: string) => number;
}

export const ELLIPSIS = '…';

/** Characters after which a long word may break without looking cut in the middle. */
const BREAK_AFTER = new Set(['/', '?', '&', '=', '-', '_', '.', ',', ';', ':', '#', '@', '+', '~']);

/** Splits a word wider than the line into pieces that fit, preferring to break after a separator. */
function breakWord(word: string, options: WrapOptions): string[] {
  const pieces: string[] = [];
  let piece: string[] = [];
  let width = 0;
  for (const char of word) {
    const charWidth = options.measure(char);
    if (piece.length > 0 && width + charWidth > options.maxWidth) {
      let cut = piece.length;
      for (let i = piece.length - 1; i >= piece.length / 2; i--) {
        if (BREAK_AFTER.has(piece[i]!)) {
          cut = i + 1;
          break;
        }
      }
      pieces.push(piece.slice(0, cut).join(''));
      piece = piece.slice(cut);
      width = piece.reduce((sum, c) => sum + options.measure(c), 0);
    }
    piece.push(char);
    width += charWidth;
  }
  if (piece.length > 0) pieces.push(piece.join(''));
  return pieces;
}

/** The lines of one paragraph; stops once `limit` lines are exceeded (the rest would be cut). */
function wrapParagraph(text: string, options: WrapOptions, limit: number): string[] {
  if (options.measure(text) <= options.maxWidth) return [text];
  const lines: string[] = [];
  const space = options.measure(' ');
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(' ')) {
    if (word.length === 0) continue;
    if (lines.length > limit) break;
    const wordWidth = options.measure(word);
    if (line.length > 0 && lineWidth + space + wordWidth <= options.maxWidth) {
      line += ` ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line.length > 0) lines.push(line);
    if (wordWidth <= options.maxWidth) {
      line = word;
      lineWidth = wordWidth;
    } else {
      const pieces = breakWord(word, options);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      lineWidth = options.measure(line);
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** `line` shortened until it fits with a final "…". */
export function withEllipsis(line: string, options: WrapOptions): string {
  const chars = Array.from(line.trimEnd());
  while (chars.length > 0 && options.measure(`${chars.join('')}${ELLIPSIS}`) > options.maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}${ELLIPSIS}`;
}

/**
 * The lines of `text` (explicit `\n` kept as line breaks) within `maxWidth`, at most `maxLines`,
 * the last one ending with "…" when the text was cut.
 */
export function wrapText(text: string, options: WrapOptions): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    lines.push(...wrapParagraph(paragraph, options, options.maxLines));
    if (lines.length > options.maxLines) break;
  }
  if (lines.length <= options.maxLines) return lines;
  const kept = lines.slice(0, options.maxLines);
  kept[kept.length - 1] = withEllipsis(kept[kept.length - 1]!, options);
  return kept;
}

/**
 * Several values (the locations of a request), each starting on its own line, within
 * `maxLines`. When they do not all fit, the last line says how many values were left out,
 * e.g. "… et 3 autres" (`more(3)`); a single value too long for the cell ends with "…".
 */
export function wrapValues(values: readonly string[], options: WrapOptions, more: (count: number) => string): string[] {
  // One line leaves no room for the count of values left out.
  if (options.maxLines < 2) return wrapText(values.join(' '), options);
  const lines: string[] = [];
  for (let index = 0; index < values.length; index++) {
    const valueLines = wrapParagraph(values[index]!, options, options.maxLines);
    const left = values.length - index - 1;
    // Room for this value, and for the "… and n more" line if values remain after it.
    const room = options.maxLines - lines.length - (left > 0 ? 1 : 0);
    if (valueLines.length <= room) {
      lines.push(...valueLines);
      continue;
    }
    if (index === 0 || room >= 2) {
      // Show the start of this value rather than nothing: cut it with an ellipsis.
      const shown = valueLines.slice(0, Math.max(1, room));
      shown[shown.length - 1] = withEllipsis(shown[shown.length - 1]!, options);
      lines.push(...shown);
      if (left > 0) lines.push(more(left));
    } else {
      lines.push(more(left + 1));
    }
    break;
  }
  return lines;
}
