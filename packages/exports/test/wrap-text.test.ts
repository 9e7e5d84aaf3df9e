import { describe, expect, it } from 'vitest';
import { ELLIPSIS, wrapText, wrapValues, type WrapOptions } from '../src/wrap-text.js';
import { LONG_URL } from './fixtures.js';

/** One unit per character, two for W and M: enough to see where lines break. */
const measure = (text: string) => [...text].reduce((sum, c) => sum + (c === 'W' || c === 'M' ? 2 : 1), 0);
const options = (maxWidth: number, maxLines = 10): WrapOptions => ({ maxWidth, maxLines, measure });

describe('wrapText', () => {
  it('keeps a text that fits on one line', () => {
    expect(wrapText('retiré ×2, refusé ×1', options(30))).toEqual(['retiré ×2, refusé ×1']);
  });

  it('breaks at spaces, greedily', () => {
    expect(wrapText('précision demandée par la plateforme', options(12))).toEqual(['précision', 'demandée par', 'la', 'plateforme']);
  });

  it('keeps explicit line breaks', () => {
    expect(wrapText('a b\nc', options(10))).toEqual(['a b', 'c']);
  });

  it('breaks a word too long for the line after a URL separator, else anywhere', () => {
    const lines = wrapText(LONG_URL, options(40));
    expect(lines.join('')).toBe(LONG_URL);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(40);
    expect(lines[0]).toBe('https://video.example.com/watch/channel/');
    expect(wrapText('x'.repeat(25), options(10))).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('counts wide characters and astral characters as one character each', () => {
    expect(wrapText('WWWWWW', options(5))).toEqual(['WW', 'WW', 'WW']);
    expect(wrapText('😀😀😀', options(2))).toEqual(['😀😀', '😀']);
  });

  it('cuts a text that needs more than maxLines lines with an ellipsis on the last line kept', () => {
    const lines = wrapText('un deux trois quatre cinq six sept huit', options(11, 2));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('un deux');
    expect(lines[1]!.endsWith(ELLIPSIS)).toBe(true);
    expect(measure(lines[1]!)).toBeLessThanOrEqual(11);
  });

  it('never returns a line wider than maxWidth, whatever the text', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const alphabet = 'abcWM /?&=-é€«»œ';
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: Math.floor(random() * 120) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const width = 3 + Math.floor(random() * 30);
      const maxLines = 1 + Math.floor(random() * 5);
      const lines = wrapText(text, options(width, maxLines));
      expect(lines.length).toBeLessThanOrEqual(maxLines);
      for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(width);
    }
  });
});

describe('wrapValues', () => {
  const more = (count: number) => `… +${count}`;

  it('starts each value on its own line', () => {
    expect(wrapValues(['https://a.example/1', '@compte'], options(30), more)).toEqual(['https://a.example/1', '@compte']);
  });

  it('says how many values were left out when they do not all fit', () => {
    const values = Array.from({ length: 20 }, (_, i) => `https://example.com/c/${i}`);
    const lines = wrapValues(values, options(30, 5), more);
    expect(lines).toEqual([...values.slice(0, 4), '… +16']);
  });

  it('cuts a first value longer than the cell rather than showing nothing', () => {
    const lines = wrapValues([LONG_URL, '@compte'], options(20, 3), more);
    expect(lines).toHaveLength(3);
    expect(lines[1]!.endsWith(ELLIPSIS)).toBe(true);
    expect(lines[2]).toBe('… +1');
  });
});
