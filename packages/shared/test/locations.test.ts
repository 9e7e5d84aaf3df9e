import { describe, expect, it } from 'vitest';
import { normalizeLocation, splitLocations } from '../src/index.js';

describe('normalizeLocation', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube.com/watch?v=dQw4w9WgXcQ'],
    ['http://m.facebook.com/story.php?id=1', 'facebook.com/story.php?id=1'],
    ['https://mobile.twitter.com/user/status/1', 'x.com/user/status/1'],
    ['https://x.com/user/status/1', 'x.com/user/status/1'],
    ['twitter.com/User/status/1?s=20', 'x.com/User/status/1'],
    ['HTTPS://WWW.Example.COM/Path', 'example.com/Path'],
    ['www.example.com/a/', 'example.com/a'],
    ['example.com///', 'example.com'],
    ['  https://example.com/a  ', 'example.com/a'],
    ['https://example.com/a#comment-3', 'example.com/a'],
  ])('drops scheme, www/m prefixes, fragments and trailing slashes: %s', (raw, normalized) => {
    expect(normalizeLocation(raw)).toBe(normalized);
  });

  it('removes tracking parameters and sorts the others', () => {
    expect(normalizeLocation('https://www.youtube.com/watch?utm_source=tw&v=abc&feature=share&si=XyZ&t=30&fbclid=1&gclid=2')).toBe(
      'youtube.com/watch?t=30&v=abc',
    );
    expect(normalizeLocation('https://x.com/a/status/1?s=20&ref_src=twsrc&igshid=9&UTM_Medium=m')).toBe('x.com/a/status/1');
  });

  it('recognises the same content requested twice', () => {
    const forms = ['https://www.instagram.com/p/Cx1/?igshid=abc', 'instagram.com/p/Cx1', 'http://m.instagram.com/p/Cx1/#top'];
    expect(new Set(forms.map(normalizeLocation)).size).toBe(1);
  });

  it('keeps the case of the path, which is significant for content ids', () => {
    expect(normalizeLocation('youtube.com/watch?v=AbC')).not.toBe(normalizeLocation('youtube.com/watch?v=abc'));
  });

  it.each([
    ['@SomeAccount', '@someaccount'],
    ['  @Le.Monde ', '@le.monde'],
    ['@john_doe', '@john_doe'],
    ['1790000000000000000', '1790000000000000000'],
    ['12345', '12345'],
    ['ABC-123', 'abc-123'],
  ])('trims and lower-cases handles and ids: %s', (raw, normalized) => {
    expect(normalizeLocation(raw)).toBe(normalized);
  });

  it('does not mistake a handle with a dot for a web site', () => {
    expect(normalizeLocation('@john.doe')).not.toBe(normalizeLocation('https://john.doe'));
  });

  it('leaves other schemes and unparsable text lower-cased', () => {
    expect(normalizeLocation('ftp://Files.Example.com/X')).toBe('ftp://files.example.com/x');
    expect(normalizeLocation('tg://resolve?domain=Chan')).toBe('tg://resolve?domain=chan');
    expect(normalizeLocation('not a url at all')).toBe('not a url at all');
  });
});

describe('splitLocations', () => {
  it('splits pasted text on lines, spaces, commas and semicolons, dropping blanks', () => {
    const pasted = '\n https://a.com/1\r\nhttps://b.com/2\t@handle ,, c.com/3;d.com/4\n\n';
    expect(splitLocations(pasted)).toEqual(['https://a.com/1', 'https://b.com/2', '@handle', 'c.com/3', 'd.com/4']);
  });

  it('keeps a line that is not made of URLs or handles as one item, never split on its spaces', () => {
    expect(splitLocations('pas une url\nhttps://x.com/a https://x.com/b\n  Compte Officiel 123  \n@a;@b')).toEqual([
      'pas une url',
      'https://x.com/a',
      'https://x.com/b',
      'Compte Officiel 123',
      '@a',
      '@b',
    ]);
  });

  it('gives nothing for blank text', () => {
    expect(splitLocations('  \n\t ')).toEqual([]);
    expect(splitLocations('')).toEqual([]);
  });
});
