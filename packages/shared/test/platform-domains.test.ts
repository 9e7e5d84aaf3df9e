import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLATFORM_DOMAINS,
  domainsOf,
  mutationArgsSchemas,
  pastePreview,
  platformDomains,
  platformDomainSchema,
  platformOfLocation,
} from '../src/index.js';
import { PREFECT, seeded } from './fixtures.js';

describe('a platform’s domains', () => {
  it('are written as addresses are compared: lower case, without www., m. or mobile.', () => {
    expect(platformDomainSchema.parse(' WWW.YouTube.com ')).toBe('youtube.com');
    expect(platformDomainSchema.parse('m.facebook.com')).toBe('facebook.com');
    expect(platformDomainSchema.parse('studio.youtube.com')).toBe('studio.youtube.com');
    for (const bad of ['https://youtube.com', 'youtube.com/watch', 'youtube', '-a.com', 'a..com', 'youtube.com:443', '']) {
      expect(platformDomainSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('are the usual ones for the usual platforms until the prefect sets them, and none for another', () => {
    const { desk } = seeded();
    expect(domainsOf(desk.state.platforms.get('meta')!)).toEqual(DEFAULT_PLATFORM_DOMAINS.get('meta'));
    desk.must(PREFECT, 'platform.create', { platformId: 'vimeo', name: 'Vimeo', kind: 'platform' });
    expect(domainsOf(desk.state.platforms.get('vimeo')!)).toEqual([]);
    desk.must(PREFECT, 'platform.update', { platformId: 'vimeo', patch: { domains: ['vimeo.com', 'player.vimeo.com'] } });
    const domains = platformDomains(desk.state.platforms.values());
    expect(platformOfLocation('https://player.vimeo.com/video/1', domains)).toBe('vimeo');
    const pasted = 'https://vimeo.com/1\nhttps://www.facebook.com/watch/?v=2';
    expect(pastePreview(pasted, domains, new Map(), 500).requests.map((request) => request.platformId)).toEqual(['vimeo', 'meta']);
  });

  it('leave out an inactive platform: its addresses are set aside to be assigned by hand', () => {
    const { desk } = seeded();
    desk.must(PREFECT, 'platform.update', { platformId: 'meta', patch: { active: false } });
    const preview = pastePreview('https://www.instagram.com/reel/1/', platformDomains(desk.state.platforms.values()), new Map(), 500);
    expect(preview.unknown).toEqual(['https://www.instagram.com/reel/1/']);
  });

  it('twitter.com listed by X covers the addresses written either way', () => {
    const domains = new Map([['x', ['twitter.com']]]);
    expect(platformOfLocation('https://x.com/a/status/1', domains)).toBe('x');
    expect(platformOfLocation('https://mobile.twitter.com/a/status/1', domains)).toBe('x');
  });

  it('belong to one platform only: a domain another platform covers is refused and nothing changes', () => {
    const { desk } = seeded();
    desk.must(PREFECT, 'platform.create', { platformId: 'youtube', name: 'YouTube', kind: 'platform' });
    desk.must(PREFECT, 'platform.create', { platformId: 'x', name: 'X', kind: 'platform' });
    const before = desk.state;
    for (const domain of ['youtube.com', 'music.youtube.com', 'twitter.com']) {
      const { decision } = desk.submit(PREFECT, 'platform.update', { platformId: 'meta', patch: { domains: ['facebook.com', domain] } });
      expect(decision).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: 'domain_taken', path: 'patch.domains', domain } },
      });
    }
    const parent = desk.submit(PREFECT, 'platform.update', { platformId: 'tiktok', patch: { domains: ['tiktok.com', 'youtu.be'] } });
    expect(parent.decision).toMatchObject({ ok: false, error: { details: { reason: 'domain_taken', platform: 'YouTube' } } });
    expect(desk.state).toBe(before);
  });

  it('are bounded and listed once each', () => {
    const many = Array.from({ length: 51 }, (_, index) => `d${index}.example`);
    const update = mutationArgsSchemas['platform.update'];
    expect(update.safeParse({ platformId: 'meta', patch: { domains: many } }).success).toBe(false);
    expect(update.safeParse({ platformId: 'meta', patch: { domains: ['a.example', 'www.a.example'] } }).success).toBe(false);
    expect(update.safeParse({ platformId: 'meta', patch: { domains: many.slice(0, 50) } }).success).toBe(true);
  });
});
