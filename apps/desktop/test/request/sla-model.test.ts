import { ackState, type StepState } from '@contact-desk/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../src/renderer/src/features/common/refusal-wording';
import { pendingItemAnswers, pendingTimes, relayTimeText, slaStepView } from '../../src/renderer/src/features/request/sla-model';
import { optimisticView } from '@contact-desk/sync';
import { createRequest, itemOf, MINUTE, queued, seeded, T0, uuid } from '../support/desk';
import { translator } from '../support/translate';

let fr: Translate;
let en: Translate;
beforeAll(async () => {
  fr = await translator('fr');
  en = await translator('en');
});

/** A request acknowledged and answered offline by the liaison: confirmed state, and the view with those changes on top. */
function offlineLiaison() {
  const { desk, operator, metaLiaison } = seeded();
  const requestId = createRequest(desk, operator);
  desk.receive(requestId);
  const confirmed = desk.state;
  const clicked = T0 + 3 * MINUTE;
  const answer = {
    requestId,
    items: [0, 1].map((index) => ({ itemId: itemOf(desk, requestId, index), outcome: 'removed' as const, reason: null, ground: null })),
  };
  const pending = [queued(uuid(50), 'request.acknowledge', { requestId }, clicked), queued(uuid(51), 'request.answer', answer, clicked)];
  const view = optimisticView(confirmed, pending, metaLiaison, clicked).state;
  return { requestId, confirmed: confirmed.requests.get(requestId)!, view: view.requests.get(requestId)!, clicked };
}

describe('times the relay has not stamped yet', () => {
  it('are the acknowledgement and the answer made on this device, and each item it answered', () => {
    const { confirmed, view } = offlineLiaison();
    expect(view.ackAt).not.toBeNull();
    expect([...pendingTimes(confirmed, view)].sort()).toEqual(['ackAt', 'answeredAt']);
    expect(pendingItemAnswers(confirmed, view).size).toBe(2);
  });

  it('are none once the relay recorded them, and the whole set for a request created offline', () => {
    const { confirmed } = offlineLiaison();
    expect(pendingTimes(confirmed, confirmed).size).toBe(0);
    expect(pendingItemAnswers(confirmed, confirmed).size).toBe(0);
    expect([...pendingTimes(undefined, confirmed)].sort()).toEqual(['createdAt', 'receivedAt']);
  });
});

describe('slaStepView', () => {
  const base = { deadline: T0 + 15 * MINUTE, doneAt: null, donePending: false, deadlinePending: false, now: T0 + 5 * MINUTE };

  it('says an acknowledgement made offline waits to be sent, with no time where the relay’s would be', () => {
    const { view, clicked } = offlineLiaison();
    const shown = slaStepView({ ...base, state: ackState(view, clicked), doneAt: view.ackAt, donePending: true }, fr, 'fr');
    expect(shown.countdown).toBe('Fait sur cet appareil — en attente d’envoi');
    expect(shown.note).toBe('Le relais l’horodatera à son arrivée.');
    expect(shown.tone).toBe('pending');
    expect(`${shown.countdown} ${shown.note}`).not.toMatch(/\d\d:\d\d/);
    expect(slaStepView({ ...base, state: 'done', doneAt: view.ackAt, donePending: true }, en, 'en').countdown).toBe(
      'Done on this device — waiting to be sent',
    );
  });

  it('gives the relay’s time once recorded, and counts down or up otherwise', () => {
    const recorded = slaStepView({ ...base, state: 'done', doneAt: T0 + 6 * MINUTE }, fr, 'fr');
    expect(recorded.countdown).toMatch(/^fait · 02\/03\/2026 \d\d:06$/);
    expect(recorded.tone).toBe('done');
    expect(slaStepView({ ...base, state: 'pending' }, fr, 'fr')).toMatchObject({ countdown: 'dans 10 min', tone: 'warn' });
    expect(slaStepView({ ...base, state: 'overdue', now: T0 + 20 * MINUTE }, en, 'en')).toMatchObject({
      countdown: 'overdue by 5 min',
      tone: 'late',
    });
    const states: StepState[] = ['not_applicable'];
    expect(slaStepView({ ...base, state: states[0]! }, fr, 'fr').tone).toBe('muted');
  });

  it('shows no deadline for a request the relay has not recorded yet', () => {
    const shown = slaStepView({ ...base, state: 'pending', deadlinePending: true }, fr, 'fr');
    expect(shown).toMatchObject({ countdown: 'Calculée à l’arrivée au relais', deadline: null, tone: 'pending' });
  });
});

describe('relayTimeText', () => {
  it('reads “waiting to be sent” for a pending time, the relay’s time otherwise, with the device’s when they differ', () => {
    expect(relayTimeText(T0, true, fr, 'fr')).toBe('En attente d’envoi');
    expect(relayTimeText(null, false, en, 'en')).toBe('—');
    expect(relayTimeText(T0 + 5 * MINUTE, false, fr, 'fr', T0)).toMatch(/\(heure de l’appareil : 02\/03\/2026 \d\d:00\)$/);
  });
});
