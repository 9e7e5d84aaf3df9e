import { describe, expect, it } from 'vitest';
import { ALL_PLATFORMS, campaignCourse, campaignFigures, campaignRequests } from '../src/index.js';
import { MINUTE, seeded } from './fixtures.js';

/** A campaign with three requests to Meta (one never received, one withdrawn) and one to TikTok, and a request outside it. */
function crisis() {
  const world = seeded();
  const { desk, operator, metaLiaison, tiktokLiaison } = world;
  const campaignId = desk.freshId();
  desk.must(operator, 'campaign.start', { campaignId, name: 'Vague', terms: [{ label: 'P0', ackMinutes: 10, actionMinutes: 45 }] });
  const send = (platformId: string, location: string, under: string | null = campaignId) => {
    const requestId = desk.freshId();
    desk.must(operator, 'request.create', {
      requestId,
      platformId,
      kind: 'removal',
      priority: 'P0',
      items: [location],
      category: 'terrorism_apology',
      grounds: 'Revendication.',
      campaignId: under,
    });
    return requestId;
  };
  const start = desk.now;
  const m1 = send('meta', 'https://www.facebook.com/a');
  const m2 = send('meta', 'https://www.facebook.com/b');
  const m3 = send('meta', 'https://www.facebook.com/c');
  const t1 = send('tiktok', 'https://www.tiktok.com/@a/video/1');
  send('meta', 'https://www.facebook.com/outside', null);
  desk.receive(m1);
  desk.receive(m3);
  desk.receive(t1);
  desk.now += 5 * MINUTE;
  desk.must(metaLiaison, 'request.acknowledge', { requestId: m1 });
  desk.must(operator, 'request.withdraw', { requestId: m3, reason: 'Déjà retiré.' });
  desk.now += 10 * MINUTE;
  desk.must(tiktokLiaison, 'request.acknowledge', { requestId: t1 });
  desk.must(metaLiaison, 'request.answer', { requestId: m1, items: [{ itemId: `${m1}/1`, outcome: 'removed' }] });
  return { desk, campaignId, start, ids: { m1, m2, m3, t1 } };
}

describe('a campaign’s figures', () => {
  it('count its requests only, per platform and together, with the shared definitions', () => {
    const { desk, campaignId, ids } = crisis();
    expect(campaignRequests(desk.state.requests.values(), campaignId).map((request) => request.id)).toEqual([
      ids.m1,
      ids.m2,
      ids.m3,
      ids.t1,
    ]);
    const figures = campaignFigures(desk.state.requests.values(), campaignId, desk.now);
    expect(figures.map((row) => row.platformId)).toEqual(['meta', 'tiktok', ALL_PLATFORMS]);
    // Meta: three sent, one withdrawn; of the two counted one received, acknowledged and answered
    // in 5 min; the other never acknowledged, past its 10-minute campaign deadline.
    expect(figures[0]).toMatchObject({
      created: 3,
      withdrawn: 1,
      counted: 2,
      received: 1,
      acknowledged: 1,
      answered: 1,
      late: 1,
      medianTimeToAck: 5 * MINUTE,
    });
    // TikTok acknowledged after 15 minutes: late against the campaign's 10.
    expect(figures[1]).toMatchObject({
      created: 1,
      counted: 1,
      received: 1,
      acknowledged: 1,
      answered: 0,
      late: 1,
      medianTimeToAck: 15 * MINUTE,
    });
    expect(figures[2]).toMatchObject({ created: 4, withdrawn: 1, counted: 3, received: 2, acknowledged: 2, answered: 1, late: 2 });
  });

  it('follow its course: cumulative counts of the requests not withdrawn, up to the position cited', () => {
    const { desk, campaignId, start } = crisis();
    const course = campaignCourse(campaignRequests(desk.state.requests.values(), campaignId), desk.now, 3);
    expect(course.map((point) => point.at)).toEqual([start, start + 5 * MINUTE, start + 10 * MINUTE, start + 15 * MINUTE]);
    expect(course.map((point) => [point.sent, point.acknowledged, point.answered])).toEqual([
      [3, 0, 0],
      [3, 1, 0],
      [3, 1, 0],
      [3, 2, 1],
    ]);
    expect(campaignCourse([], desk.now, 3)).toEqual([{ at: desk.now, sent: 0, acknowledged: 0, answered: 0 }]);
  });
});
