import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLATFORM_DOMAINS, normalizeLocation, pastePreview, platformOfLocation, splitLocations } from '../src/index.js';

describe('a pasted crisis list', () => {
  it('becomes one request per platform, unknown hosts and handles set aside, repeats and open items named', () => {
    const pasted = [
      'https://www.youtube.com/watch?v=a1',
      'https://twitter.com/propa/status/1',
      'https://x.com/propa/status/1',
      'https://m.facebook.com/p/2',
      'https://example.org/page',
      '@compte_propagande',
      'https://youtu.be/b2',
      'https://www.instagram.com/p/c3',
    ].join('\n');
    const open = new Map([[normalizeLocation('https://youtu.be/b2'), 'CD-2026-000412']]);
    const preview = pastePreview(pasted, DEFAULT_PLATFORM_DOMAINS, open, 500);
    expect(preview.requests.map((request) => [request.platformId, request.items.length])).toEqual([
      ['youtube', 2],
      ['x', 1],
      ['meta', 2],
    ]);
    expect(preview.unknown).toEqual(['https://example.org/page', '@compte_propagande']);
    expect(preview.repeated).toEqual(['https://x.com/propa/status/1']);
    expect(preview.alreadyOpen).toEqual([{ item: 'https://youtu.be/b2', ref: 'CD-2026-000412' }]);
  });

  it('splits a platform’s list over the limit into numbered requests', () => {
    const pasted = Array.from({ length: 7 }, (_, i) => `https://tiktok.com/@a/video/${i}`).join('\n');
    const preview = pastePreview(pasted, DEFAULT_PLATFORM_DOMAINS, new Map(), 3);
    expect(preview.requests.map((request) => [request.part, request.parts, request.items.length])).toEqual([
      [1, 3, 3],
      [2, 3, 3],
      [3, 3, 1],
    ]);
  });

  it('knows a domain by its subdomains, never by a look-alike', () => {
    expect(platformOfLocation('https://studio.youtube.com/x', DEFAULT_PLATFORM_DOMAINS)).toBe('youtube');
    expect(platformOfLocation('https://notyoutube.com/x', DEFAULT_PLATFORM_DOMAINS)).toBeUndefined();
    expect(platformOfLocation('https://youtube.com.evil.example/x', DEFAULT_PLATFORM_DOMAINS)).toBeUndefined();
  });

  it('any list: every item lands in exactly one request, the unknown pile or the repeats', () => {
    const host = fc.constantFrom('youtube.com', 'youtu.be', 'x.com', 'twitter.com', 'facebook.com', 'tiktok.com', 'example.org', 'dai.ly');
    const item = fc.oneof(
      fc.tuple(host, fc.stringMatching(/^[a-z0-9]{1,4}$/)).map(([name, path]) => `https://${name}/${path}`),
      fc.stringMatching(/^@[a-z]{1,5}$/),
      fc.constantFrom('pas une url', 'Compte officiel'),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (items, limit) => {
        const pasted = items.join('\n');
        const preview = pastePreview(pasted, DEFAULT_PLATFORM_DOMAINS, new Map(), limit);
        const placed = [...preview.requests.flatMap((request) => request.items), ...preview.unknown, ...preview.repeated];
        expect([...placed].sort()).toEqual([...splitLocations(pasted)].sort());
        for (const request of preview.requests) {
          expect(request.items.length).toBeLessThanOrEqual(limit);
          for (const entry of request.items) expect(platformOfLocation(entry, DEFAULT_PLATFORM_DOMAINS)).toBe(request.platformId);
        }
        const sent = preview.requests
          .flatMap((request) => request.items)
          .concat(preview.unknown)
          .map(normalizeLocation);
        expect(new Set(sent).size).toBe(sent.length);
      }),
      { numRuns: 200 },
    );
  });
});
