import { newId } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, standardSetup, T0 } from './harness.js';

afterEach(closeAll);

describe('meetings over the wire', () => {
  it('a liaison gets the meeting and general items, their own platform’s items, never another’s', async () => {
    const { h, operator, liaisonA, liaisonB } = await standardSetup();
    const prefect = await h.connect(await h.user('prefect'));
    const ops = await h.connect(operator);
    const alpha = await h.connect(liaisonA);
    const beta = await h.connect(liaisonB);
    const meetingId = newId();
    await prefect.act('meeting.create', {
      meetingId,
      title: 'Contact group',
      kind: 'regular',
      startsAt: T0 + 86_400_000,
      place: 'Beauvau',
      videoLink: null,
      invitedPlatformIds: ['alpha', 'beta'],
    });
    await ops.act('agenda.addItem', { itemId: newId(), meetingId, kind: 'free', title: 'General point' });
    await ops.act('agenda.addItem', { itemId: newId(), meetingId, kind: 'late_requests', title: 'Beta is late', platformId: 'beta' });
    const betaAction = newId();
    await ops.act('actionItem.create', {
      actionItemId: betaAction,
      meetingId,
      text: 'Beta night shift',
      owner: { kind: 'platform', platformId: 'beta' },
    });
    await ops.act('decision.add', { decisionId: newId(), meetingId, platformId: 'beta', text: 'Beta reports monthly' });

    // The beta liaison may close their own action item; the alpha liaison cannot even see it.
    const refused = await alpha.push([
      { mutationId: newId(), type: 'actionItem.setStatus', args: { actionItemId: betaAction, status: 'done' }, clientTime: null },
    ]);
    expect(refused).toMatchObject({ ok: true, results: [{ status: 'rejected', error: { code: 'not_found' } }] });
    await beta.act('actionItem.setStatus', { actionItemId: betaAction, status: 'done' });

    const sentinel = await createRequest(ops, 'alpha');
    await alpha.waitForEvent((e) => e.type === 'request.created' && e.payload.request.id === sentinel.requestId, 'sentinel');
    const pulled = await alpha.pull(0, 1000);
    if (!pulled.ok) throw new Error(pulled.error.message);
    for (const events of [alpha.events, pulled.events]) {
      const text = JSON.stringify(events);
      expect(text).toContain('Contact group');
      expect(text).toContain('General point');
      expect(text).not.toContain('Beta is late');
      expect(text).not.toContain('Beta night shift');
      expect(text).not.toContain('Beta reports monthly');
    }
    const betaPulled = await beta.pull(0, 1000);
    if (!betaPulled.ok) throw new Error(betaPulled.error.message);
    const betaText = JSON.stringify(betaPulled.events);
    expect(betaText).toContain('Beta is late');
    expect(betaText).toContain('actionItem.statusChanged');
  });
});
