import {
  contactsAt,
  MAX_ESCALATION_LEVEL,
  mutationsFor,
  nextManualLevel,
  type Actor,
  type ContactPerson,
  type DomainState,
  type EscalationTarget,
  type Mutation,
  type ProtocolError,
  type Request,
} from '@contact-desk/shared';
import { localCheck } from '@contact-desk/sync';

/** One level of a platform's escalation chain, as the request's screen shows it. */
export interface ChainLevel {
  readonly level: number;
  readonly target: EscalationTarget | 'liaisons';
  readonly people: readonly ContactPerson[];
  /** The level the request is at now. */
  readonly current: boolean;
  /** The request went through (or is at) this level. */
  readonly reached: boolean;
  /**
   * Nobody named that this device can see, although someone is: the ministry's prefects are
   * not in a liaison's user list. Not the same as a level nobody was named for.
   */
  readonly hiddenFromViewer: boolean;
}

/** The whole chain, from the platform's liaisons (0) to the ministry's prefects (3). */
export function escalationChain(state: DomainState, request: Request, viewer: Actor | null): ChainLevel[] {
  const levels: ChainLevel[] = [];
  for (let level = 0; level <= MAX_ESCALATION_LEVEL; level += 1) {
    const contacts = contactsAt(state, request.platformId, level);
    levels.push({
      level,
      target: contacts.target,
      people: contacts.people,
      current: level === request.escalationLevel,
      reached: level <= request.escalationLevel,
      hiddenFromViewer: contacts.target === 'prefect' && contacts.people.length === 0 && viewer?.role === 'liaison',
    });
  }
  return levels;
}

/**
 * Where the "Escalate" button would take the request, or why it cannot: the same decision the
 * relay makes (nobody named above, the chain's end, a status that does not allow it). Null when
 * the viewer's role never escalates (the button is not shown at all).
 */
export type NextEscalation =
  | { readonly ok: true; readonly level: number; readonly target: EscalationTarget | 'liaisons'; readonly people: readonly ContactPerson[] }
  | { readonly ok: false; readonly refusal: ProtocolError };

export function nextEscalation(state: DomainState, request: Request, actor: Actor | null, now: number): NextEscalation | null {
  if (!actor || actor.role === 'system' || !mutationsFor(actor.role).includes('request.escalate')) return null;
  const probe = {
    mutationId: 'escalation-probe',
    type: 'request.escalate',
    args: { requestId: request.id, note: '—' },
    clientTime: null,
  } as Mutation;
  const refusal = localCheck(state, actor, probe, now);
  if (refusal) return { ok: false, refusal };
  const platform = state.platforms.get(request.platformId);
  const level = platform ? nextManualLevel(platform, { user: (id) => state.users.get(id) }, request.escalationLevel) : undefined;
  if (level === undefined) return null;
  const contacts = contactsAt(state, request.platformId, level);
  return { ok: true, level, target: contacts.target, people: contacts.people };
}

/** A `mailto:` or `tel:` link for a contact's address or number, or null when it has none. */
export function contactHref(kind: 'email' | 'phone', value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  return kind === 'email' ? `mailto:${encodeURIComponent(value.trim()).replace(/%40/g, '@')}` : `tel:${value.replace(/[^+0-9]/g, '')}`;
}
