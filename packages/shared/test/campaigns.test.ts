import { describe, expect, it } from 'vitest';
import { MINUTE, PREFECT, seeded, type Seeded } from './fixtures.js';

/** Starts a campaign as the operator; returns its id. */
function start(world: Seeded, name: string, terms: { label: string; ackMinutes: number; actionMinutes: number }[] = []): string {
  const campaignId = world.desk.freshId();
  world.desk.must(world.operator, 'campaign.start', { campaignId, name, terms });
  return campaignId;
}

/** Sends a P0 removal to Meta under a campaign; returns the decision and the request id. */
function sendUnder(world: Seeded, campaignId: string | null, location = 'https://www.facebook.com/posts/9') {
  const requestId = world.desk.freshId();
  const { decision } = world.desk.submit(world.operator, 'request.create', {
    requestId,
    platformId: 'meta',
    kind: 'removal',
    priority: 'P0',
    items: [location],
    category: 'terrorism_apology',
    grounds: 'Revendication de l’attaque.',
    campaignId,
  });
  return { decision, requestId };
}

describe('a campaign', () => {
  it('is started by the ministry with the relay’s time, and seen by everyone', () => {
    const world = seeded();
    const campaignId = world.desk.freshId();
    const { events } = world.desk.must(world.operator, 'campaign.start', { campaignId, name: 'Attentat du 13 mars' });
    expect(events[0]).toMatchObject({ type: 'campaign.started', audience: { kind: 'all' } });
    expect(world.desk.state.campaigns.get(campaignId)).toMatchObject({
      name: 'Attentat du 13 mars',
      status: 'open',
      startedAt: world.desk.now,
      startedBy: world.operator.userId,
      terms: [],
    });
    const refused = world.desk.submit(world.metaLiaison, 'campaign.start', { campaignId: world.desk.freshId(), name: 'Autre' });
    expect(refused.decision).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('never shares its name with another open campaign, whatever the case or accents', () => {
    const world = seeded();
    const first = start(world, 'Attentat du 13 mars');
    const before = world.desk.state;
    const twin = world.desk.submit(world.operator, 'campaign.start', { campaignId: world.desk.freshId(), name: 'ATTENTAT du 13 MARS' });
    expect(twin.decision).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'campaign_exists', name: 'Attentat du 13 mars' } },
    });
    expect(world.desk.state).toBe(before);
    world.desk.must(world.operator, 'campaign.close', { campaignId: first });
    const again = start(world, 'Attentat du 13 mars');
    expect(world.desk.submit(PREFECT, 'campaign.reopen', { campaignId: first }).decision).toMatchObject({
      ok: false,
      error: { details: { reason: 'campaign_exists' } },
    });
    world.desk.must(world.operator, 'campaign.close', { campaignId: again });
    world.desk.must(PREFECT, 'campaign.reopen', { campaignId: first });
    expect(world.desk.state.campaigns.get(first)).toMatchObject({ status: 'open', closedAt: null, closedBy: null });
  });

  it('may shorten a priority’s terms, never lengthen them, and only of a priority the policy has', () => {
    const world = seeded();
    const looser = world.desk.submit(world.operator, 'campaign.start', {
      campaignId: world.desk.freshId(),
      name: 'Vague',
      terms: [{ label: 'P0', ackMinutes: 20, actionMinutes: 60 }],
    });
    expect(looser.decision).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', details: { reason: 'campaign_terms_looser', priority: 'P0', path: 'terms' } },
    });
    const unknown = world.desk.submit(world.operator, 'campaign.start', {
      campaignId: world.desk.freshId(),
      name: 'Vague',
      terms: [{ label: 'P9', ackMinutes: 1, actionMinutes: 1 }],
    });
    expect(unknown.decision).toMatchObject({ ok: false, error: { details: { reason: 'unknown_priority', priority: 'P9' } } });
    const campaignId = start(world, 'Vague', [{ label: 'P0', ackMinutes: 10, actionMinutes: 60 }]);
    const later = world.desk.submit(world.operator, 'campaign.update', {
      campaignId,
      patch: { terms: [{ label: 'P0', ackMinutes: 10, actionMinutes: 90 }] },
    });
    expect(later.decision).toMatchObject({ ok: false, error: { details: { reason: 'campaign_terms_looser', path: 'patch.terms' } } });
  });

  it('holds the requests sent under it to its tighter terms, and only them', () => {
    const world = seeded();
    const campaignId = start(world, 'Vague', [{ label: 'P0', ackMinutes: 10, actionMinutes: 60 }]);
    const under = sendUnder(world, campaignId);
    const request = world.desk.request(under.requestId);
    expect(request.campaignId).toBe(campaignId);
    expect(request.sla).toMatchObject({ label: 'P0', ackMs: 10 * MINUTE, actionMs: 60 * MINUTE, campaignId });
    const outside = world.desk.request(sendUnder(world, null, 'https://www.facebook.com/posts/10').requestId);
    expect(outside.sla).toMatchObject({ ackMs: 15 * MINUTE, actionMs: 60 * MINUTE });
    expect(outside.sla.campaignId).toBeUndefined();
    expect(outside.campaignId).toBeNull();
  });

  it('takes no new request once closed, and a closed campaign is not changed', () => {
    const world = seeded();
    const campaignId = start(world, 'Vague');
    const { events } = world.desk.must(world.operator, 'campaign.close', { campaignId });
    expect(events[0]?.payload).toMatchObject({ campaign: { status: 'closed', closedAt: world.desk.now, closedBy: world.operator.userId } });
    const before = world.desk.state;
    expect(sendUnder(world, campaignId).decision).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'campaign_closed', name: 'Vague' } },
    });
    for (const [type, args] of [
      ['campaign.update', { campaignId, patch: { name: 'Autre' } }],
      ['campaign.close', { campaignId }],
    ] as const) {
      expect(world.desk.submit(world.operator, type, args).decision).toMatchObject({
        ok: false,
        error: { details: { reason: 'campaign_closed' } },
      });
    }
    expect(world.desk.submit(world.operator, 'campaign.reopen', { campaignId: world.desk.freshId() }).decision).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(world.desk.state).toBe(before);
  });

  it('is given to a request already sent by an edit, which keeps the terms it was sent with', () => {
    const world = seeded();
    const { requestId } = sendUnder(world, null);
    const campaignId = start(world, 'Vague', [{ label: 'P0', ackMinutes: 5, actionMinutes: 30 }]);
    world.desk.must(world.operator, 'request.edit', { requestId, patch: { campaignId } });
    expect(world.desk.request(requestId)).toMatchObject({ campaignId, sla: { ackMs: 15 * MINUTE } });
    const unknown = world.desk.submit(world.operator, 'request.edit', { requestId, patch: { campaignId: world.desk.freshId() } });
    expect(unknown.decision).toMatchObject({ ok: false, error: { code: 'not_found', details: { what: 'campaign' } } });
    world.desk.must(world.operator, 'request.edit', { requestId, patch: { campaignId: null } });
    expect(world.desk.request(requestId).campaignId).toBeNull();
  });
});
