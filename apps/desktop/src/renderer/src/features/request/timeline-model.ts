import { contactsAt, type DomainEvent, type DomainState, type EventOf, type Mutation, type Request } from '@contact-desk/shared';
import type { Translate } from '../common/refusal-wording';
import { formatDateTime } from '../common/format';
import { stepOf } from './action-model';
import { nameOf, type NameBook } from './owners-model';

export type EntryKind = 'plain' | 'late' | 'ministry' | 'comment' | 'delivered' | 'undelivered';

/** One line of the timeline, in the user's words. Times are the relay's, to the second. */
export interface EntryView {
  readonly title: string;
  readonly body: string | null;
  readonly who: string;
  readonly when: string;
  /** The action was done offline: the device's time and the relay's differ by over a minute. */
  readonly offline: boolean;
  readonly kind: EntryKind;
}

export interface EntryContext {
  readonly request: Request;
  readonly state: DomainState;
  readonly book: NameBook;
  readonly t: Translate;
  readonly lang: string;
}

const T = 'request:timeline';

function itemLabel(request: Request, itemId: string): string {
  const index = request.items.findIndex((item) => item.id === itemId);
  return index >= 0 ? `#${index + 1}` : itemId;
}

function answeredBody(event: EventOf<'request.answered'>, { request, t }: EntryContext): string {
  return event.payload.items
    .map((item) => {
      const parts = [`${itemLabel(request, item.itemId)} ${t(`common:outcome.${item.outcome}`)}`];
      if (item.ground) parts.push(t(`common:ground.${item.ground}`));
      if (item.reason) parts.push(item.reason);
      return parts.join(' — ');
    })
    .join('\n');
}

function assignedTitle(event: EventOf<'request.assigned'>, ctx: EntryContext): string {
  const { side, assigneeId } = event.payload;
  const sideWord = ctx.t(`${T}.side.${side}`);
  if (assigneeId === null) return ctx.t(`${T}.assign.released`, { side: sideWord });
  if (assigneeId === event.actor.userId) return ctx.t(`${T}.assign.taken`, { side: sideWord });
  const name = nameOf(ctx.book, assigneeId) ?? ctx.t(`${T}.assign.colleague`);
  return ctx.t(`${T}.assign.handed`, { side: sideWord, name });
}

function escalatedTitle(event: EventOf<'request.escalated'>, { request, state, t }: EntryContext): string {
  const { level, target, automatic } = event.payload;
  const names = contactsAt(state, request.platformId, level).people.map((person) => person.name);
  const params = { level, target: t(`common:escalation.${target}`), names: names.join(', ') };
  const base = t(names.length > 0 ? `${T}.events.request_escalatedNamed` : `${T}.events.request_escalated`, params);
  return automatic ? `${base} (${t(`${T}.automatic`)})` : base;
}

function deliveryEntry(event: EventOf<'notification.attempted'>, { t, lang }: EntryContext): Pick<EntryView, 'title' | 'body' | 'kind'> {
  const attempt = event.payload;
  const to = attempt.recipientName ? `${attempt.recipientName} <${attempt.recipient}>` : attempt.recipient;
  const channel = t(`${T}.delivery.channel.${attempt.channel}`);
  const facts = [
    t(`${T}.delivery.attempt`, { n: attempt.attempt }),
    t(`${T}.delivery.trigger.${attempt.trigger}`),
    attempt.level === null ? null : t(`${T}.delivery.level`, { level: attempt.level }),
  ].filter((fact): fact is string => fact !== null);
  const lines = [facts.join(' · ')];
  if (attempt.detail) lines.push(t(`${T}.delivery.answer`, { detail: attempt.detail }));
  if (attempt.outcome === 'failed' && attempt.nextAttemptAt !== null) {
    lines.push(t(`${T}.delivery.next`, { time: formatDateTime(attempt.nextAttemptAt, lang, false, true) }));
  }
  return {
    title: t(`${T}.delivery.${attempt.outcome}`, { channel, to }),
    body: lines.join('\n'),
    kind: attempt.outcome === 'delivered' ? 'delivered' : 'undelivered',
  };
}

/** Title, body and kind of an event, before who and when. */
function describe(event: DomainEvent, ctx: EntryContext): Pick<EntryView, 'title' | 'body' | 'kind'> {
  const { t, lang } = ctx;
  const title = t(`${T}.events.${event.type.replace('.', '_')}`, { defaultValue: event.type });
  switch (event.type) {
    case 'request.acknowledged':
      return { title: event.payload.implicit ? `${title} ${t(`${T}.implicit`)}` : title, body: null, kind: 'plain' };
    case 'request.infoRequested':
      return { title, body: event.payload.question, kind: 'plain' };
    case 'request.infoProvided':
      return { title, body: event.payload.answer, kind: 'plain' };
    case 'request.answered':
      return {
        title: event.payload.complete ? title : t(`${T}.events.request_answeredPartial`),
        body: answeredBody(event, ctx),
        kind: 'plain',
      };
    case 'request.contested':
    case 'request.withdrawn':
    case 'request.reopened':
      return { title, body: event.payload.reason, kind: 'plain' };
    case 'request.closed':
      return { title, body: event.payload.note, kind: 'plain' };
    case 'request.escalated':
      return { title: escalatedTitle(event, ctx), body: event.payload.note, kind: 'plain' };
    case 'request.deadlineMissed': {
      const step = t(event.payload.step === 'ack' ? 'request:sla.ack' : 'request:sla.action');
      return {
        title: t(`${T}.events.request_deadlineMissed`, { step, time: formatDateTime(event.payload.deadline, lang) }),
        body: null,
        kind: 'late',
      };
    }
    case 'request.assigned':
      return { title: assignedTitle(event, ctx), body: null, kind: 'plain' };
    case 'notification.attempted':
      return deliveryEntry(event, ctx);
    case 'request.edited': {
      const { addItems, ...fields } = event.payload.patch;
      const lines: string[] = [];
      const names = Object.keys(fields);
      if (names.length > 0) lines.push(t(`${T}.fieldsChanged`, { fields: names.join(', ') }));
      if (addItems && addItems.length > 0) lines.push(t(`${T}.itemsAdded`, { count: addItems.length }));
      return { title, body: lines.join('\n') || null, kind: 'plain' };
    }
    case 'comment.added': {
      const ministry = event.payload.comment.visibility === 'ministry';
      return {
        title: t(ministry ? `${T}.ministryOnly` : `${T}.shared`),
        body: event.payload.comment.body,
        kind: ministry ? 'ministry' : 'comment',
      };
    }
    default:
      return { title, body: null, kind: 'plain' };
  }
}

export function entryView(event: DomainEvent, ctx: EntryContext): EntryView {
  const { t, lang } = ctx;
  const relay = formatDateTime(event.serverTime, lang, true, true);
  const offline = event.clientTime !== null && Math.abs(event.clientTime - event.serverTime) > 60_000;
  const who =
    event.actor.role === 'system'
      ? t('common:role.system')
      : t(`${T}.by`, { name: event.actor.name, role: t(`common:role.${event.actor.role}`) });
  return {
    ...describe(event, ctx),
    who,
    when: offline ? t(`${T}.offline`, { client: formatDateTime(event.clientTime ?? 0, lang, false, true), relay }) : relay,
    offline,
  };
}

/** A change of the user's still on this device: what it is, and that the relay will time it. */
export function pendingEntryView(mutation: Mutation, t: Translate, lang: string): { readonly title: string; readonly when: string } {
  const step = stepOf(mutation.type);
  const title = t(`${T}.pendingStep.${step ?? mutation.type.replace('.', '_')}`, { defaultValue: t(`${T}.pendingStep.other`) });
  const done = mutation.clientTime === null ? null : formatDateTime(mutation.clientTime, lang, false, true);
  return { title, when: done === null ? t(`${T}.pendingNoTime`) : t(`${T}.pendingAt`, { time: done }) };
}
