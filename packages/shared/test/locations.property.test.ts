/**
 * Property tests of pasting locations: whatever is pasted, every word lands in exactly one item
 * (nothing lost, nothing doubled, order kept), and a normalised location is its own normal form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLocation, splitLocations } from '../src/index.js';

const host = fc.constantFrom('x.com', 'twitter.com', 'mobile.twitter.com', 'www.youtube.com', 'youtu.be', 'm.facebook.com', 'tiktok.com');
const url = fc
  .tuple(
    fc.constantFrom('https://', 'http://', ''),
    host,
    fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([scheme, name, path, tracked]) => `${scheme}${name}/${path.join('/')}${tracked ? '?utm_source=a&v=1' : ''}`);
const handle = fc.stringMatching(/^@[a-z0-9_.]{1,10}$/);
const words = fc.array(fc.stringMatching(/^[A-Za-zÀ-ÿ0-9]{1,8}$/), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
const line = fc.oneof(
  fc
    .array(fc.oneof(url, handle), { minLength: 1, maxLength: 3 })
    .chain((parts) => fc.constantFrom(' ', ', ', ';', '\t').map((separator) => parts.join(separator))),
  words,
  fc.constantFrom('', '   '),
);
const pasted = fc.array(line, { maxLength: 30 }).chain((lines) => fc.constantFrom('\n', '\r\n').map((end) => lines.join(end)));

const tokens = (text: string) => text.split(/[\s,;]+/).filter((token) => token.length > 0);

describe('pasting locations', () => {
  it('every word of the paste lands in exactly one item, in order', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const items = splitLocations(text);
        expect(items.flatMap(tokens)).toEqual(tokens(text));
        for (const item of items) expect(item).toBe(item.trim());
        expect(items.every((item) => item.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a line that is not URLs or handles stays whole', () => {
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 10 }), (lines) => {
        expect(splitLocations(lines.join('\n'))).toEqual(lines);
      }),
    );
  });

  it('a normalised location is its own normal form, and twitter.com is x.com', () => {
    fc.assert(
      fc.property(url, (location) => {
        const normal = normalizeLocation(location);
        expect(normalizeLocation(normal)).toBe(normal);
        expect(normal.startsWith('twitter.com')).toBe(false);
        expect(normalizeLocation(location.replace(/(mobile\.)?twitter\.com/, 'x.com'))).toBe(normal);
      }),
      { numRuns: 300 },
    );
  });
});
