import { contactsAt, ownerOf, type Actor, type DomainEvent, type DomainState, type NotificationChannel } from '@contact-desk/shared';

/**
 * The notification centre, as data: what in the log calls for the user's attention, derived
 * from the events themselves, so every device of a person derives the same notices, a device
 * that was offline catches up from the events it pulls, and an event never notifies twice.
 */
export type NoticeKind = 'deadlineMissed' | 'escalated' | 'deliveryAbandoned';

/**
 * Why it concerns the user: `named` — they are the person of the new escalation level (the
 * backup liaison, the prefects at level 3); `owner` — they handle the request for the ministry;
 * `platform` — a liaison of the request's platform; `prefect` — a missed P0, a level-3
 * escalation, or a message the relay gave up sending.
 */
export type NoticeWhy = 'named' | 'owner' | 'platform' | 'prefect';

export interface Notice {
  /** The seq of the log event it comes from: one notice per event, whatever the device. */
  readonly id: string;
  readonly seq: number;
  readonly kind: NoticeKind;
  readonly why: NoticeWhy;
  /** The relay's time of the event. */
  readonly at: number;
  readonly requestId: string | null;
  readonly ref: string | null;
  readonly platformName: string | null;
  readonly step: 'ack' | 'action' | null;
  readonly deadline: number | null;
  readonly level: number | null;
  /** The people named at the new level, when the device knows them. */
  readonly names: readonly string[];
  readonly channel: NotificationChannel | null;
  readonly recipient: string | null;
  readonly attempts: number | null;
  readonly detail: string | null;
  readonly dismissedAt: number | null;
}

/** The notices of one profile, as kept in its local database. */
export interface NoticeBook {
  /** Relay time from which events notify: the log's history before the profile's first start does not. */
  readonly since: number;
  readonly notices: readonly Notice[];
}

/** Dismissed notices are kept this long so a replayed log cannot raise them again. */
export const KEEP_DISMISSED_MS = 30 * 86_400_000;
export const MAX_NOTICES = 300;

type Viewer = Pick<Actor, 'userId' | 'role' | 'platformId'>;

/** Whether an event concerns the viewer, and why; null when it does not. */
export function concernOf(event: DomainEvent, state: DomainState, viewer: Viewer): NoticeWhy | null {
  if (event.actor.userId === viewer.userId) return null;
  if (event.type === 'notification.attempted') {
    return event.payload.outcome === 'abandoned' && viewer.role === 'prefect' ? 'prefect' : null;
  }
  if (event.type !== 'request.deadlineMissed' && event.type !== 'request.escalated') return null;
  const request = state.requests.get(event.payload.requestId);
  if (!request) return null;
  if (event.type === 'request.escalated') {
    const people = contactsAt(state, request.platformId, event.payload.level).people;
    if (people.some((person) => person.userId === viewer.userId)) return 'named';
  }
  if (ownerOf(request, 'ministry') === viewer.userId) return 'owner';
  if (viewer.role === 'liaison' && viewer.platformId === request.platformId) return 'platform';
  if (viewer.role !== 'prefect') return null;
  if (event.type === 'request.deadlineMissed') return request.sla.label === 'P0' ? 'prefect' : null;
  return event.payload.level >= 3 ? 'prefect' : null;
}

const EMPTY = {
  step: null,
  deadline: null,
  level: null,
  names: [],
  channel: null,
  recipient: null,
  attempts: null,
  detail: null,
  dismissedAt: null,
} as const;

/** The notice an event gives the viewer, or null. */
export function noticeOf(event: DomainEvent, state: DomainState, viewer: Viewer): Notice | null {
  const why = concernOf(event, state, viewer);
  if (why === null) return null;
  const requestId = 'requestId' in event.payload && typeof event.payload.requestId === 'string' ? event.payload.requestId : null;
  const request = requestId === null ? undefined : state.requests.get(requestId);
  const platformId = request?.platformId ?? (event.type === 'notification.attempted' ? event.payload.platformId : null);
  const base = {
    ...EMPTY,
    id: String(event.seq),
    seq: event.seq,
    why,
    at: event.serverTime,
    requestId,
    ref: request?.ref ?? null,
    platformName: platformId === null ? null : (state.platforms.get(platformId)?.name ?? platformId),
  };
  switch (event.type) {
    case 'request.deadlineMissed':
      return { ...base, kind: 'deadlineMissed', step: event.payload.step, deadline: event.payload.deadline };
    case 'request.escalated': {
      const people = request ? contactsAt(state, request.platformId, event.payload.level).people : [];
      return { ...base, kind: 'escalated', level: event.payload.level, names: people.map((person) => person.name) };
    }
    case 'notification.attempted':
      return {
        ...base,
        kind: 'deliveryAbandoned',
        level: event.payload.level,
        channel: event.payload.channel,
        recipient: event.payload.recipientName ? `${event.payload.recipientName} <${event.payload.recipient}>` : event.payload.recipient,
        attempts: event.payload.attempt,
        detail: event.payload.detail,
      };
    default:
      return null;
  }
}

/**
 * Adds the notices of newly applied events: only events recorded since the book began, each
 * once (a notice already there, dismissed or not, is not raised again). Returns the book and
 * the notices that are new, for the desktop notifications.
 */
export function receiveEvents(
  book: NoticeBook,
  events: readonly DomainEvent[],
  state: DomainState,
  viewer: Viewer,
): { readonly book: NoticeBook; readonly added: readonly Notice[] } {
  const known = new Set(book.notices.map((notice) => notice.id));
  const added: Notice[] = [];
  for (const event of events) {
    if (event.serverTime < book.since || known.has(String(event.seq))) continue;
    const notice = noticeOf(event, state, viewer);
    if (notice === null) continue;
    known.add(notice.id);
    added.push(notice);
  }
  if (added.length === 0) return { book, added };
  return { book: { ...book, notices: [...book.notices, ...added] }, added };
}

export function dismissNotices(book: NoticeBook, ids: ReadonlySet<string> | 'all', at: number): NoticeBook {
  return {
    ...book,
    notices: book.notices.map((notice) =>
      notice.dismissedAt === null && (ids === 'all' || ids.has(notice.id)) ? { ...notice, dismissedAt: at } : notice,
    ),
  };
}

/** Drops dismissed notices past their keeping time, then the oldest beyond the cap. */
export function pruneNotices(book: NoticeBook, now: number): NoticeBook {
  const kept = book.notices.filter((notice) => notice.dismissedAt === null || now - notice.dismissedAt < KEEP_DISMISSED_MS);
  const capped = kept.length > MAX_NOTICES ? [...kept].sort((a, b) => a.seq - b.seq).slice(-MAX_NOTICES) : kept;
  return capped.length === book.notices.length ? book : { ...book, notices: capped };
}

/** The notices still standing, newest first. */
export function activeNotices(book: NoticeBook | null): Notice[] {
  return (book?.notices ?? []).filter((notice) => notice.dismissedAt === null).sort((a, b) => b.seq - a.seq);
}
