import { SYSTEM_ACTOR, type DomainEvent, type NotificationAttempt } from '@contact-desk/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../src/renderer/src/features/common/refusal-wording';
import { namesFromEvents } from '../../src/renderer/src/features/request/owners-model';
import { entryView, pendingEntryView, type EntryContext } from '../../src/renderer/src/features/request/timeline-model';
import { createRequest, queued, seeded, T0, uuid, type Desk } from '../support/desk';
import { translator } from '../support/translate';

let fr: Translate;
let en: Translate;
beforeAll(async () => {
  fr = await translator('fr');
  en = await translator('en');
});

function contextOf(desk: Desk, requestId: string, t: Translate, lang: string): EntryContext {
  return {
    request: desk.request(requestId),
    state: desk.state,
    book: { users: desk.state.users, fromEvents: namesFromEvents(desk.log) },
    t,
    lang,
  };
}

/** A time with seconds on the fixture's day; `clock` writes it as the app does, in this machine's zone. */
const TOLD_AT = Date.UTC(2026, 2, 2, 2, 42, 5);
function clock(ms: number): string {
  return new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms);
}

function attempt(desk: Desk, requestId: string, fields: Partial<NotificationAttempt>): DomainEvent {
  const payload: NotificationAttempt = {
    deliveryId: 'd1',
    requestId,
    platformId: 'meta',
    channel: 'email',
    recipient: 'bruno@meta.example',
    recipientName: 'Bruno Meta',
    level: 1,
    trigger: 'escalated',
    causeSeq: null,
    attempt: 1,
    outcome: 'delivered',
    detail: '250 2.0.0 queued',
    nextAttemptAt: null,
    ...fields,
  };
  return {
    seq: desk.state.lastSeq + 1,
    serverTime: TOLD_AT,
    type: 'notification.attempted',
    payload,
    actor: SYSTEM_ACTOR,
    mutationId: null,
    clientTime: null,
    audience: { kind: 'platform', platformId: 'meta' },
  };
}

describe('the timeline shows who was told, how and when', () => {
  it('an e-mail delivered to the backup, to the second', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    const view = entryView(attempt(desk, requestId, {}), contextOf(desk, requestId, fr, 'fr'));
    expect(view.title).toBe('E-mail remis à Bruno Meta <bruno@meta.example>');
    expect(view.when).toContain(clock(TOLD_AT));
    expect(clock(TOLD_AT)).toMatch(/:42:05$/);
    expect(view.body).toBe('essai 1 · escalade · niveau 1\nRéponse du destinataire : 250 2.0.0 queued');
    expect(view).toMatchObject({ who: 'Relais', kind: 'delivered' });
  });

  it('a webhook that failed, and when it is tried again; then given up', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    const hook = { channel: 'webhook', recipient: 'Pager (events.example)', recipientName: null, detail: 'HTTP 503' } as const;
    const failed = entryView(
      attempt(desk, requestId, { ...hook, outcome: 'failed', nextAttemptAt: TOLD_AT + 30_000 }),
      contextOf(desk, requestId, en, 'en'),
    );
    expect(failed.title).toBe('Webhook not delivered to Pager (events.example)');
    expect(failed.body).toContain(`Next attempt at 02/03/2026, ${clock(TOLD_AT + 30_000)}`);
    expect(failed.kind).toBe('undelivered');
    const abandoned = entryView(
      attempt(desk, requestId, { ...hook, outcome: 'abandoned', attempt: 5 }),
      contextOf(desk, requestId, fr, 'fr'),
    );
    expect(abandoned.title).toBe('Webhook abandonné : Pager (events.example)');
    expect(abandoned.body?.split('\n')[0]).toBe('essai 5 · escalade · niveau 1');
  });
});

describe('taking, handing over and escalating, in words', () => {
  it('says who took it, to whom it was handed, who let it go, and who is called at a new level', () => {
    const { desk, operator, prefect, metaLiaison, metaBackup } = seeded();
    const requestId = createRequest(desk, operator);
    const taken = desk.must(metaLiaison, 'request.assign', { requestId, assigneeId: metaLiaison.userId }).events[0]!;
    const handed = desk.must(metaLiaison, 'request.assign', { requestId, assigneeId: metaBackup.userId }).events[0]!;
    const released = desk.must(metaBackup, 'request.assign', { requestId, assigneeId: null }).events[0]!;
    const escalated = desk.must(prefect, 'request.escalate', { requestId, note: 'Urgent.' }).events[0]!;
    const context = contextOf(desk, requestId, fr, 'fr');
    expect(entryView(taken, context).title).toBe('Prise en charge (plateforme)');
    expect(entryView(handed, context).title).toBe('Confiée à Bruno Meta (plateforme)');
    expect(entryView(released, context).title).toBe('Laissée libre (plateforme)');
    expect(entryView(escalated, context)).toMatchObject({ title: 'Escalade niveau 1 — Suppléant : Bruno Meta', body: 'Urgent.' });
    expect(entryView(handed, contextOf(desk, requestId, en, 'en')).title).toBe('Handed to Bruno Meta (platform)');
  });
});

describe('a change still on the device', () => {
  it('gives the device’s time and says the relay will time it, never a relay time', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator);
    const pending = pendingEntryView(queued(uuid(60), 'request.acknowledge', { requestId }, TOLD_AT), fr, 'fr');
    expect(pending).toEqual({
      title: 'Réception accusée',
      when: `faite à 02/03/2026 ${clock(TOLD_AT)} sur cet appareil — le relais l’horodatera à son arrivée`,
    });
    const comment = pendingEntryView(queued(uuid(61), 'comment.add', { commentId: uuid(62), requestId, body: 'Vu.' }, T0), en, 'en');
    expect(comment.title).toBe('Comment');
  });
});
