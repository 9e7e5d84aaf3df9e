import { SYSTEM_ACTOR, type Actor, type DomainEvent } from '@contact-desk/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../src/renderer/src/features/common/refusal-wording';
import {
  activeNotices,
  concernOf,
  dismissNotices,
  KEEP_DISMISSED_MS,
  pruneNotices,
  receiveEvents,
  type NoticeBook,
} from '../../src/renderer/src/features/alerts/notice-model';
import { noticeWords } from '../../src/renderer/src/features/alerts/notice-words';
import { createRequest, MINUTE, seeded, T0, type Desk } from '../support/desk';
import { translator } from '../support/translate';

let fr: Translate;
beforeAll(async () => {
  fr = await translator('fr');
});

/** A P0 for Meta, received, whose acknowledgement deadline (15 min) passes: the watcher's missed deadline and escalation to the backup. */
function missedP0(): ReturnType<typeof seeded> & { requestId: string; late: DomainEvent[] } {
  const seed = seeded();
  const requestId = createRequest(seed.desk, seed.operator, { priority: 'P0' });
  seed.desk.receive(requestId);
  seed.desk.tick(16 * MINUTE);
  return { ...seed, requestId, late: seed.desk.watch() };
}

function abandoned(desk: Desk, requestId: string): DomainEvent {
  return {
    seq: desk.state.lastSeq + 1,
    serverTime: desk.now,
    type: 'notification.attempted',
    payload: {
      deliveryId: 'd',
      requestId,
      platformId: 'meta',
      channel: 'email',
      recipient: 'maud@meta.example',
      recipientName: 'Maud Manager',
      level: 2,
      trigger: 'escalated',
      causeSeq: null,
      attempt: 5,
      outcome: 'abandoned',
      detail: '550 mailbox unavailable',
      nextAttemptAt: null,
    },
    actor: SYSTEM_ACTOR,
    mutationId: null,
    clientTime: null,
    audience: { kind: 'platform', platformId: 'meta' },
  };
}

const kinds = (events: readonly DomainEvent[]) => events.map((event) => event.type);

describe('who a missed deadline or an escalation concerns', () => {
  it('the platform’s liaisons, the named backup, the ministry owner and, for a missed P0, the prefects', () => {
    const { desk, late, prefect, operator, observer, metaLiaison, metaBackup, tiktokLiaison } = missedP0();
    expect(kinds(late)).toEqual(['request.deadlineMissed', 'request.escalated']);
    const [missed, escalated] = late as [DomainEvent, DomainEvent];
    const why = (event: DomainEvent, viewer: Actor) => concernOf(event, desk.state, viewer);
    expect([why(missed, metaLiaison), why(missed, metaBackup), why(missed, operator), why(missed, prefect)]).toEqual([
      'platform',
      'platform',
      'owner',
      'prefect',
    ]);
    expect([why(escalated, metaLiaison), why(escalated, metaBackup), why(escalated, operator), why(escalated, prefect)]).toEqual([
      'platform',
      'named',
      'owner',
      null,
    ]);
    expect([why(missed, tiktokLiaison), why(escalated, observer)]).toEqual([null, null]);
  });

  it('the prefects at level 3, a missed P1 not at all, and never the person who escalated', () => {
    const { desk, prefect, operator, metaLiaison } = seeded();
    const p1 = createRequest(desk, operator, { priority: 'P1' });
    desk.receive(p1);
    desk.tick(61 * MINUTE);
    const [missedP1] = desk.watch() as [DomainEvent];
    expect(concernOf(missedP1, desk.state, prefect)).toBeNull();
    const manual = desk.must(prefect, 'request.escalate', { requestId: p1, note: 'Vite.' }).events[0]!;
    expect(concernOf(manual, desk.state, prefect)).toBeNull();
    expect(concernOf(manual, desk.state, metaLiaison)).toBe('platform');
    desk.tick(3 * 60 * MINUTE);
    const top = desk.watch().find((event) => event.type === 'request.escalated' && event.payload.level === 3);
    expect(top).toBeDefined();
    expect(concernOf(top!, desk.state, prefect)).toBe('named');
  });

  it('a message the relay gave up sending: the prefects only', () => {
    const { desk, requestId, prefect, operator, metaLiaison } = missedP0();
    const event = abandoned(desk, requestId);
    expect([
      concernOf(event, desk.state, prefect),
      concernOf(event, desk.state, operator),
      concernOf(event, desk.state, metaLiaison),
    ]).toEqual(['prefect', null, null]);
    const { book } = receiveEvents({ since: 0, notices: [] }, [event], desk.state, prefect);
    expect(noticeWords(book.notices[0]!, fr, 'fr')).toMatchObject({
      title: `Message non remis : ${desk.request(requestId).ref}`,
      body: 'E-mail à Maud Manager <maud@meta.example> abandonné après 5 essai(s) — 550 mailbox unavailable.',
      why: 'Pour le préfet',
    });
  });
});

describe('the notice book', () => {
  it('takes each event once, whether it arrived live or in a catch-up, and ignores history before it began', () => {
    const { desk, late, metaBackup } = missedP0();
    const empty: NoticeBook = { since: T0, notices: [] };
    const first = receiveEvents(empty, desk.log, desk.state, metaBackup);
    expect(first.added.map((notice) => [notice.kind, notice.why])).toEqual([
      ['deadlineMissed', 'platform'],
      ['escalated', 'named'],
    ]);
    const ref = desk.request(first.added[1]!.requestId!).ref;
    expect(noticeWords(first.added[1]!, fr, 'fr')).toMatchObject({
      title: `Escalade au niveau 1 : ${ref}`,
      body: 'Meta — désormais appelé : Bruno Meta.',
    });
    // The same events again (a replayed page, a reload that pulls again): nothing new.
    const again = receiveEvents(first.book, late, desk.state, metaBackup);
    expect(again.added).toEqual([]);
    expect(again.book).toBe(first.book);
    // A book begun after these events were recorded does not raise them.
    expect(receiveEvents({ since: desk.now + 1, notices: [] }, late, desk.state, metaBackup).added).toEqual([]);
  });

  it('keeps notices until dismissed, and dismissed ones are not raised again', () => {
    const { desk, late, metaLiaison } = missedP0();
    const { book } = receiveEvents({ since: 0, notices: [] }, late, desk.state, metaLiaison);
    expect(activeNotices(book)).toHaveLength(2);
    const dismissed = dismissNotices(book, new Set([book.notices[0]!.id]), desk.now);
    expect(activeNotices(dismissed).map((notice) => notice.kind)).toEqual(['escalated']);
    expect(receiveEvents(dismissed, late, desk.state, metaLiaison).added).toEqual([]);
    const all = dismissNotices(dismissed, 'all', desk.now);
    expect(activeNotices(all)).toEqual([]);
    // Kept through a store and back (the book lives in the profile's IndexedDB as plain data).
    expect(structuredClone(all)).toEqual(all);
  });

  it('forgets dismissed notices after their keeping time, never standing ones', () => {
    const { desk, late, metaLiaison } = missedP0();
    const { book } = receiveEvents({ since: 0, notices: [] }, late, desk.state, metaLiaison);
    const oneDismissed = dismissNotices(book, new Set([book.notices[0]!.id]), desk.now);
    expect(pruneNotices(oneDismissed, desk.now + KEEP_DISMISSED_MS - 1)).toBe(oneDismissed);
    expect(pruneNotices(oneDismissed, desk.now + KEEP_DISMISSED_MS).notices.map((notice) => notice.kind)).toEqual(['escalated']);
  });
});
