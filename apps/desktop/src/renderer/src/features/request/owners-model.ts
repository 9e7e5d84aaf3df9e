import {
  ALLOWED_FROM,
  mutationsFor,
  ownerOf,
  REQUEST_SIDES,
  viewerSide,
  type Actor,
  type DomainEvent,
  type Request,
  type RequestSide,
  type User,
} from '@contact-desk/shared';

/**
 * Names of people this device may not have in its user list (a liaison does not see the
 * ministry's users): the actors of the request's events, who signed what they did.
 */
export function namesFromEvents(events: readonly DomainEvent[]): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const event of events) if (event.actor.role !== 'system') names.set(event.actor.userId, event.actor.name);
  return names;
}

export interface NameBook {
  readonly users: ReadonlyMap<string, User>;
  readonly fromEvents: ReadonlyMap<string, string>;
}

/** A person's name from the users this device sees, else from the log; null when unknown. */
export function nameOf(book: NameBook, userId: string | null): string | null {
  if (userId === null) return null;
  return book.users.get(userId)?.name ?? book.fromEvents.get(userId) ?? null;
}

export interface OwnerLine {
  readonly side: RequestSide;
  readonly ownerId: string | null;
  /** Null when nobody handles it, or when this device cannot know the name. */
  readonly name: string | null;
  readonly isMe: boolean;
}

/** Who handles the request on each side, the platform's side first. */
export function ownerLines(request: Request, book: NameBook, me: string | null): OwnerLine[] {
  return [...REQUEST_SIDES].reverse().map((side) => {
    const ownerId = ownerOf(request, side);
    return { side, ownerId, name: nameOf(book, ownerId), isMe: ownerId !== null && ownerId === me };
  });
}

export interface Colleague {
  readonly id: string;
  readonly name: string;
}

/** What the viewer may do about who handles the request on their side. */
export interface OwnerChoices {
  /** The viewer's side, when they may assign on this request now. */
  readonly side: RequestSide | null;
  readonly canTake: boolean;
  readonly canLetGo: boolean;
  /** Active colleagues of the viewer's side it can be handed to (not the viewer, not the owner). */
  readonly handOverTo: readonly Colleague[];
}

const NO_CHOICES: OwnerChoices = { side: null, canTake: false, canLetGo: false, handOverTo: [] };

function onSide(user: User, side: RequestSide, request: Request): boolean {
  if (user.revokedAt !== null) return false;
  return side === 'platform'
    ? user.role === 'liaison' && user.platformId === request.platformId
    : user.role === 'prefect' || user.role === 'operator';
}

/** The same rules the relay applies to `request.assign`, read to offer only what it accepts. */
export function ownerChoices(request: Request, users: ReadonlyMap<string, User>, actor: Actor | null): OwnerChoices {
  if (!actor || actor.role === 'system' || !mutationsFor(actor.role).includes('request.assign')) return NO_CHOICES;
  const side = viewerSide(actor);
  if (side === null || !ALLOWED_FROM.assign.includes(request.status)) return NO_CHOICES;
  if (side === 'platform' && actor.platformId !== request.platformId) return NO_CHOICES;
  const owner = ownerOf(request, side);
  const handOverTo = [...users.values()]
    .filter((user) => user.id !== actor.userId && user.id !== owner && onSide(user, side, request))
    .map((user) => ({ id: user.id, name: user.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { side, canTake: owner !== actor.userId, canLetGo: owner === actor.userId, handOverTo };
}
