import { describe, expect, it } from 'vitest';
import { pastePlan, type Choices, type PastePlanInput } from '../../src/renderer/src/features/create/paste-plan';

const DOMAINS = new Map([
  ['meta', ['facebook.com', 'instagram.com']],
  ['tiktok', ['tiktok.com']],
  ['x', ['x.com']],
]);

function plan(pasted: string, options: Partial<PastePlanInput> = {}) {
  return pastePlan({ pasted, domains: DOMAINS, openLocations: new Map(), limit: 3, platformId: '', choices: new Map(), ...options });
}

const summary = (requests: readonly { platformId: string; part: number; parts: number; items: readonly string[] }[]) =>
  requests.map((request) => `${request.platformId} ${request.part}/${request.parts} ${request.items.join(' ')}`);

const LIST = [
  'https://x.com/a/status/1',
  'https://www.facebook.com/p/1',
  'https://twitter.com/a/status/1',
  'https://mobile.twitter.com/a/status/2',
  'Compte TikTok @lions (ID 42)',
  'https://t.me/s/chan/7',
  'https://x.com/a/status/3',
  'https://www.x.com/a/status/4',
  'https://m.facebook.com/p/2?fbclid=zz',
].join('\n');

describe('the plan of a pasted list', () => {
  it('makes one request per platform, in the order of the platforms, cut into numbered parts over the limit', () => {
    const result = plan(LIST);
    expect(summary(result.requests)).toEqual([
      'meta 1/1 https://www.facebook.com/p/1 https://m.facebook.com/p/2?fbclid=zz',
      'x 1/2 https://x.com/a/status/1 https://mobile.twitter.com/a/status/2 https://x.com/a/status/3',
      'x 2/2 https://www.x.com/a/status/4',
    ]);
    expect(result.items).toBe(6);
  });

  it('counts what the summary says: pasted, new, repeated, already open, of no known platform', () => {
    const result = plan(LIST, { openLocations: new Map([['facebook.com/p/2', 'CD-2026-000007']]) });
    expect(result.pasted).toBe(9);
    expect(result.preview.repeated).toEqual(['https://twitter.com/a/status/1']);
    expect(result.unknown).toEqual(['Compte TikTok @lions (ID 42)', 'https://t.me/s/chan/7']);
    expect(result.preview.alreadyOpen).toEqual([{ item: 'https://m.facebook.com/p/2?fbclid=zz', ref: 'CD-2026-000007' }]);
    // 9 pasted = 5 new + 1 repeated + 1 already open + 2 of no known platform.
    expect(result.fresh).toBe(5);
    // The item already open is still sent unless it is taken out.
    expect(result.openKept).toEqual(result.preview.alreadyOpen);
    expect(result.requests[0]!.items).toContain('https://m.facebook.com/p/2?fbclid=zz');
  });

  it('adds an item given a platform by hand to that platform’s list, and drops what is taken out', () => {
    const choices: Choices = new Map<string, string | null>([
      ['Compte TikTok @lions (ID 42)', 'tiktok'],
      ['https://m.facebook.com/p/2?fbclid=zz', null],
    ]);
    const result = plan(LIST, { choices, openLocations: new Map([['facebook.com/p/2', 'CD-2026-000007']]) });
    expect(summary(result.requests).slice(0, 2)).toEqual([
      'meta 1/1 https://www.facebook.com/p/1',
      'tiktok 1/1 Compte TikTok @lions (ID 42)',
    ]);
    expect(result.undecided).toEqual(['https://t.me/s/chan/7']);
    expect(result.openKept).toEqual([]);
    expect(result.items).toBe(6);
  });

  it('cuts a platform’s list again once items given by hand make it longer than the limit', () => {
    const choices: Choices = new Map([['https://t.me/s/chan/7', 'x']]);
    const result = plan(LIST, { choices });
    expect(summary(result.requests).filter((line) => line.startsWith('x '))).toEqual([
      'x 1/2 https://x.com/a/status/1 https://mobile.twitter.com/a/status/2 https://x.com/a/status/3',
      'x 2/2 https://www.x.com/a/status/4 https://t.me/s/chan/7',
    ]);
  });

  it('leaves an item given a platform that is not active among those to decide', () => {
    const result = plan(LIST, { choices: new Map([['https://t.me/s/chan/7', 'telegram']]) });
    expect(result.undecided).toEqual(['Compte TikTok @lions (ID 42)', 'https://t.me/s/chan/7']);
    expect(result.requests.flatMap((request) => request.items)).not.toContain('https://t.me/s/chan/7');
  });

  it('sends every item to one platform chosen, in the order of the list, and says how many are another’s', () => {
    const result = plan(LIST, { platformId: 'tiktok', limit: 500 });
    expect(summary(result.requests)).toEqual([
      'tiktok 1/1 https://x.com/a/status/1 https://www.facebook.com/p/1 https://mobile.twitter.com/a/status/2 Compte TikTok @lions (ID 42) https://t.me/s/chan/7 https://x.com/a/status/3 https://www.x.com/a/status/4 https://m.facebook.com/p/2?fbclid=zz',
    ]);
    expect(result.unknown).toEqual([]);
    expect(result.undecided).toEqual([]);
    expect(result.foreign).toBe(6);
    expect(result.fresh).toBe(8);
  });

  it('takes items out when one platform is chosen too', () => {
    const result = plan(LIST, { platformId: 'meta', limit: 500, choices: new Map([['https://t.me/s/chan/7', null]]) });
    expect(result.items).toBe(7);
    expect(result.requests[0]!.items).not.toContain('https://t.me/s/chan/7');
  });

  it('holds nothing for an empty paste', () => {
    const result = plan('  \n\n');
    expect(result).toMatchObject({ pasted: 0, fresh: 0, items: 0, requests: [], unknown: [], undecided: [] });
  });
});
