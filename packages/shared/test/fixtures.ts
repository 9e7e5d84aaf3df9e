/**
 * A small in-memory relay for the tests: mutations go through the real `parseMutation`, `decide`
 * (against a `StateDraft`) and the reducer; events are stamped as the relay stamps them.
 */
import {
  actorOf,
  audienceOf,
  decide,
  dueDeadlineEvents,
  emptyState,
  parseMutation,
  StateDraft,
  SYSTEM_ACTOR,
  type Actor,
  type Decision,
  type DomainEvent,
  type DomainState,
  type EventDraft,
  type MutationInput,
  type MutationType,
  type ReadModel,
  type Request,
} from '../src/index.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** Monday 2 March 2026, 08:00 UTC. */
export const T0 = Date.UTC(2026, 2, 2, 8, 0, 0);

/** A valid, deterministic UUID (version 4 layout) for a number. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const IDS = {
  prefect: uuid(1),
  operator: uuid(2),
  observer: uuid(3),
  metaLiaison: uuid(4),
  metaBackup: uuid(5),
  tiktokLiaison: uuid(6),
} as const;

export const PREFECT: Actor = {
  userId: IDS.prefect,
  name: 'Claire Préfète',
  role: 'prefect',
  platformId: null,
  deviceId: null,
};

/** Stamps decided events as the relay does: seq, server time, actor, mutation, audience. */
export function stamp(
  drafts: readonly EventDraft[],
  read: ReadModel,
  meta: { lastSeq: number; serverTime: number; actor: Actor; mutationId: string | null; clientTime: number | null },
): DomainEvent[] {
  return drafts.map(
    (event, index) =>
      ({
        ...event,
        seq: meta.lastSeq + index + 1,
        serverTime: meta.serverTime,
        actor: meta.actor,
        mutationId: meta.mutationId,
        clientTime: meta.clientTime,
        audience: audienceOf(event, read),
      }) as DomainEvent,
  );
}

export interface Submitted {
  readonly decision: Decision;
  readonly events: readonly DomainEvent[];
  readonly mutationId: string;
}

export class Desk {
  state: DomainState = emptyState();
  readonly log: DomainEvent[] = [];
  now = T0;
  private nextId = 1000;

  freshId(): string {
    return uuid(this.nextId++);
  }

  tick(ms: number): this {
    this.now += ms;
    return this;
  }

  actor(userId: string): Actor {
    const user = this.state.users.get(userId);
    if (!user) throw new Error(`no user ${userId} in the fixture`);
    return actorOf(user, null);
  }

  request(id: string): Request {
    const request = this.state.requests.get(id);
    if (!request) throw new Error(`no request ${id} in the fixture`);
    return request;
  }

  /** Parses, decides and (when accepted) records one mutation at the desk's current time. */
  submit<T extends MutationType>(actor: Actor, type: T, args: MutationInput<T>, clientTime: number | null = null): Submitted {
    const mutationId = this.freshId();
    const parsed = parseMutation({ mutationId, type, args, clientTime });
    if (!parsed.ok) throw new Error(`the fixture built an invalid ${type}: ${parsed.error.message}`);
    const draft = new StateDraft(this.state);
    const decision = decide({ actor, now: this.now, clientTime, read: draft, head: this.head() }, parsed.value);
    if (!decision.ok) return { decision, events: [], mutationId };
    const events = this.commit(draft, decision.events, actor, mutationId, clientTime);
    return { decision, events, mutationId };
  }

  /** The log's head as the relay would give it (this desk does not chain: a stand-in hash per seq). */
  head(): { seq: number; hash: string } {
    return { seq: this.state.lastSeq, hash: this.state.lastSeq.toString(16).padStart(64, '0') };
  }

  /** Like `submit`, but the mutation must be accepted. */
  must<T extends MutationType>(actor: Actor, type: T, args: MutationInput<T>, clientTime: number | null = null) {
    const result = this.submit(actor, type, args, clientTime);
    if (!result.decision.ok) throw new Error(`${type} was rejected: ${result.decision.error.message}`);
    return result;
  }

  /** Events the relay records by itself (receipt, deadlines). */
  record(drafts: readonly EventDraft[]): DomainEvent[] {
    return this.commit(new StateDraft(this.state), drafts, SYSTEM_ACTOR, null, null);
  }

  receive(requestId: string, deviceId = uuid(900)): DomainEvent[] {
    return this.record([{ type: 'request.received', payload: { requestId, deviceId } }]);
  }

  /** What the deadline watcher records at the current time, for every request. */
  watch(): DomainEvent[] {
    const due = [...this.state.requests.values()].flatMap((request) => dueDeadlineEvents(request, this.now));
    return due.length === 0 ? [] : this.record(due);
  }

  private commit(
    draft: StateDraft,
    drafts: readonly EventDraft[],
    actor: Actor,
    mutationId: string | null,
    clientTime: number | null,
  ): DomainEvent[] {
    const events = stamp(drafts, draft, {
      lastSeq: this.state.lastSeq,
      serverTime: this.now,
      actor,
      mutationId,
      clientTime,
    });
    this.state = draft.apply(events).finish();
    this.log.push(...events);
    return events;
  }
}

export interface Seeded {
  readonly desk: Desk;
  readonly prefect: Actor;
  readonly operator: Actor;
  readonly observer: Actor;
  readonly metaLiaison: Actor;
  readonly metaBackup: Actor;
  readonly tiktokLiaison: Actor;
}

/** Two platforms (`meta` with a backup liaison and a manager contact, `tiktok`) and one user per role. */
export function seeded(): Seeded {
  const desk = new Desk();
  desk.must(PREFECT, 'user.create', { userId: IDS.prefect, name: PREFECT.name, role: 'prefect' });
  desk.must(PREFECT, 'platform.create', { platformId: 'meta', name: 'Meta', kind: 'platform' });
  desk.must(PREFECT, 'platform.create', { platformId: 'tiktok', name: 'TikTok', kind: 'platform' });
  desk.must(PREFECT, 'user.create', { userId: IDS.operator, name: 'Olivier Pharos', role: 'operator', team: 'PHAROS' });
  desk.must(PREFECT, 'user.create', { userId: IDS.observer, name: 'Anne Arcom', role: 'observer' });
  desk.must(PREFECT, 'user.create', {
    userId: IDS.metaLiaison,
    name: 'Lina Meta',
    role: 'liaison',
    platformId: 'meta',
  });
  desk.must(PREFECT, 'user.create', {
    userId: IDS.metaBackup,
    name: 'Bruno Meta',
    role: 'liaison',
    platformId: 'meta',
  });
  desk.must(PREFECT, 'user.create', {
    userId: IDS.tiktokLiaison,
    name: 'Tom Tok',
    role: 'liaison',
    platformId: 'tiktok',
  });
  desk.must(PREFECT, 'platform.update', {
    platformId: 'meta',
    patch: { backupLiaisonId: IDS.metaBackup, escalationContact: { name: 'Maud Manager' } },
  });
  return {
    desk,
    prefect: desk.actor(IDS.prefect),
    operator: desk.actor(IDS.operator),
    observer: desk.actor(IDS.observer),
    metaLiaison: desk.actor(IDS.metaLiaison),
    metaBackup: desk.actor(IDS.metaBackup),
    tiktokLiaison: desk.actor(IDS.tiktokLiaison),
  };
}

/** The operator creates a removal request; returns its id. */
export function createRequest(
  desk: Desk,
  operator: Actor,
  options: {
    platformId?: string;
    priority?: string;
    items?: string[];
    kind?: MutationInput<'request.create'>['kind'];
  } = {},
): string {
  const requestId = desk.freshId();
  desk.must(operator, 'request.create', {
    requestId,
    platformId: options.platformId ?? 'meta',
    kind: options.kind ?? 'removal',
    priority: options.priority ?? 'P1',
    items: options.items ?? ['https://www.facebook.com/posts/1', 'https://www.facebook.com/posts/2'],
    category: 'terrorism_apology',
    grounds: 'Apology of a terrorist attack (art. 421-2-5 du code pénal).',
  });
  return requestId;
}

/** The id of the n-th item (0-based) of a request. */
export function itemOf(desk: Desk, requestId: string, index: number): string {
  const item = desk.request(requestId).items[index];
  if (!item) throw new Error(`request ${requestId} has no item ${index}`);
  return item.id;
}
