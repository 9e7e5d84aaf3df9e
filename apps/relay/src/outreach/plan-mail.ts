import { contactsAt } from '@contact-desk/shared';
import type { NewDelivery } from '../storage/outbox-store.js';
import { requestMail } from './mail-content.js';
import type { Occasion } from './occasion.js';
import { deliveryOf, requestLink, type PlanContext } from './plan-context.js';

/**
 * The mails an occasion calls for, to the named people of the request's current escalation
 * level: a new request of `mailPriorities` (its platform's liaisons), a deadline near or missed
 * (the current level), an escalation step (the new level's people); and the duty address on a
 * missed deadline of `dutyPriorities`. A level nobody with an address was named for gets nothing.
 */
export function planMails(occasion: Occasion, ctx: PlanContext, out: NewDelivery[], dedup: string | null): void {
  const { settings } = ctx;
  const { request } = occasion;
  const label = request.sla.label;
  switch (occasion.trigger) {
    case 'created':
      if (settings.mailPriorities.includes(label)) mailLevel(occasion, ctx, out, dedup);
      return;
    case 'deadline_missed':
      mailLevel(occasion, ctx, out, dedup);
      if (settings.dutyEmail !== null && settings.dutyPriorities.includes(label)) {
        const body = JSON.stringify(requestMail(occasion, 'duty', requestLink(settings, request.id)));
        const address = settings.dutyEmail;
        out.push(mail(occasion, ctx, { target: address, targetName: null, platformId: null, level: null, body }, dedup));
      }
      return;
    case 'deadline_soon':
    case 'escalated':
      mailLevel(occasion, ctx, out, dedup);
      return;
    default:
      return;
  }
}

function mailLevel(occasion: Occasion, ctx: PlanContext, out: NewDelivery[], dedup: string | null): void {
  const { request } = occasion;
  const contacts = contactsAt(ctx.directory(), request.platformId, occasion.level);
  // The prefects are the ministry's own: their mails are on the ministry's record only.
  const platformId = contacts.target === 'prefect' ? null : request.platformId;
  const seen = new Set<string>();
  let body: string | undefined;
  for (const person of contacts.people) {
    const address = person.email?.trim();
    if (!address || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    body ??= JSON.stringify(requestMail(occasion, contacts.level, requestLink(ctx.settings, request.id)));
    out.push(mail(occasion, ctx, { target: address, targetName: person.name, platformId, level: contacts.level, body }, dedup));
  }
}

function mail(
  occasion: Occasion,
  ctx: PlanContext,
  fields: Pick<NewDelivery, 'target' | 'targetName' | 'platformId' | 'level' | 'body'>,
  dedup: string | null,
): NewDelivery {
  const dedupKey = dedup === null ? null : `${dedup}:mail:${fields.target.toLowerCase()}`;
  return deliveryOf(occasion, ctx, { ...fields, channel: 'email', trigger: occasion.trigger, topic: null, dedupKey });
}
