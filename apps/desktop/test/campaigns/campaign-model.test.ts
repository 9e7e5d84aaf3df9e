import { describe, expect, it } from 'vitest';
import { campaignList, emergencyMeeting } from '../../src/renderer/src/features/campaigns/campaign-model';
import { pickableCampaigns } from '../../src/renderer/src/features/campaigns/CampaignSelect';
import { MINUTE, seeded, T0 } from '../support/desk';

/** Two campaigns: "Vague" (open) with two Meta requests and one TikTok request, "Ancienne" closed before. */
function world() {
  const { desk, operator, metaLiaison, prefect } = seeded();
  const start = (name: string) => {
    const campaignId = desk.freshId();
    desk.must(operator, 'campaign.start', { campaignId, name });
    return campaignId;
  };
  const old = start('Ancienne');
  desk.must(operator, 'campaign.close', { campaignId: old });
  desk.now = T0 + MINUTE;
  const wave = start('Vague');
  const send = (platformId: string, location: string) => {
    const requestId = desk.freshId();
    desk.must(operator, 'request.create', {
      requestId,
      platformId,
      kind: 'removal',
      priority: 'P0',
      items: [location],
      category: 'terrorism_apology',
      grounds: 'Revendication.',
      campaignId: wave,
    });
    return requestId;
  };
  const m1 = send('meta', 'https://www.facebook.com/1');
  send('meta', 'https://www.facebook.com/2');
  send('tiktok', 'https://www.tiktok.com/@a/video/3');
  desk.must(metaLiaison, 'request.answer', { requestId: m1, items: [{ itemId: `${m1}/1`, outcome: 'removed' }] });
  desk.now = T0 + 30 * MINUTE;
  return { desk, old, wave, prefect };
}

describe('the campaigns list', () => {
  it('puts the open campaigns first, with what was sent and what is late (P0: 15 minutes to acknowledge)', () => {
    const { desk, old, wave } = world();
    const rows = campaignList(desk.state.campaigns.values(), desk.state.requests.values(), desk.now);
    expect(rows.map((row) => [row.campaign.id, row.sent, row.late, row.platformIds])).toEqual([
      [wave, 3, 2, ['meta', 'tiktok']],
      [old, 0, 0, []],
    ]);
  });

  it('offers the open campaigns to pick, and a request’s own campaign even once closed', () => {
    const { desk, old, wave } = world();
    expect(pickableCampaigns(desk.state.campaigns.values(), null).map((campaign) => campaign.id)).toEqual([wave]);
    expect(pickableCampaigns(desk.state.campaigns.values(), old).map((campaign) => campaign.id)).toEqual([wave, old]);
  });
});

describe('the emergency meeting of a campaign', () => {
  it('invites every platform it sent to, with one item per platform listing its requests still waiting, most first', () => {
    const { desk, wave, prefect } = world();
    const campaign = desk.state.campaigns.get(wave)!;
    const names: Record<string, string> = { meta: 'Meta', tiktok: 'TikTok' };
    const plan = emergencyMeeting(campaign, desk.state.requests.values(), (id) => names[id] ?? id, desk.now + 30 * MINUTE, {
      title: 'Réunion d’urgence — Vague',
      item: (platform, count) => `${platform} — ${count}`,
    });
    const [meeting, ...items] = plan.mutations;
    expect(meeting).toMatchObject({
      type: 'meeting.create',
      args: { meetingId: plan.meetingId, kind: 'emergency', invitedPlatformIds: ['meta', 'tiktok'], startsAt: desk.now + 30 * MINUTE },
    });
    const refsOf = (platformId: string) =>
      [...desk.state.requests.values()]
        .filter((request) => request.platformId === platformId && request.status === 'open')
        .map((request) => request.ref);
    expect(items.map((item) => item.args)).toEqual([
      expect.objectContaining({ kind: 'late_requests', platformId: 'meta', title: 'Meta — 1', requestRefs: refsOf('meta') }),
      expect.objectContaining({ kind: 'late_requests', platformId: 'tiktok', title: 'TikTok — 1', requestRefs: refsOf('tiktok') }),
    ]);
    // What the plan holds is what the relay accepts, in order.
    for (const mutation of plan.mutations) desk.must(prefect, mutation.type, mutation.args as never);
  });
});
