import {
  audienceOf,
  decide,
  emptyState,
  ENTITY_KINDS,
  StateDraft,
  type Actor,
  type Campaign,
  type Comment,
  type Device,
  type DomainEvent,
  type DomainState,
  type EntityKind,
  type EntityWrite,
  type Integration,
  type MeetingRecord,
  type Mutation,
  type Platform,
  type PriorityPolicy,
  type ProtocolError,
  type Request,
  type User,
} from '@contact-desk/shared';

export interface OptimisticView {
  /** The confirmed state with the pending mutations applied on top. */
  readonly state: DomainState;
  /** Ids of requests, comments and other entities that pending mutations change. */
  readonly pendingIds: ReadonlySet<string>;
}

/**
 * Applies pending mutations to the confirmed state with the same decision the relay will make,
 * so the user sees their action at once. The relay's answer replaces it: accepted mutations come
 * back as events, rejected ones simply disappear from the overlay.
 */
export function optimisticView(confirmed: DomainState, pending: readonly Mutation[], actor: Actor, now: number): OptimisticView {
  if (pending.length === 0) return { state: confirmed, pendingIds: new Set() };
  const draft = new StateDraft(confirmed);
  let seq = confirmed.lastSeq;
  for (const mutation of pending) seq = stamped(draft, decided(draft, mutation, actor, now, seq), seq);
  return finished(draft, confirmed);
}

/** The events a pending mutation makes on the draft, numbered after `seq` (none when refused). */
function decided(draft: StateDraft, mutation: Mutation, actor: Actor, now: number, seq: number): DomainEvent[] {
  const decision = decide({ actor, now, clientTime: mutation.clientTime, read: draft }, mutation);
  if (!decision.ok) return [];
  return decision.events.map(
    (eventDraft, index) =>
      ({
        ...eventDraft,
        seq: seq + index + 1,
        serverTime: now,
        actor,
        mutationId: mutation.mutationId,
        clientTime: mutation.clientTime,
        audience: audienceOf(eventDraft, draft),
      }) as DomainEvent,
  );
}

/** Applies the events to the draft; returns the last seq used. */
function stamped(draft: StateDraft, events: readonly DomainEvent[], seq: number): number {
  draft.apply(events);
  return events.at(-1)?.seq ?? seq;
}

function finished(draft: StateDraft, confirmed: DomainState): OptimisticView {
  const pendingIds = new Set<string>();
  for (const write of draft.writes()) {
    if (write.kind === 'meetingRecordRemoved') pendingIds.add(write.id);
    else if (write.kind !== 'policy' && write.kind !== 'refCounter') pendingIds.add(write.value.id);
  }
  return { state: { ...draft.finish(), lastSeq: confirmed.lastSeq }, pendingIds };
}

/** An entity as a key (`request:<id>`, `policy`), or every entity of a kind (`request:*`). */
const key = (kind: string, id: string | number = ''): string => `${kind}:${id}`;
const EVERY = '*';
const kindOf = (entityKey: string): string => entityKey.slice(0, entityKey.indexOf(':'));

function writeKey(write: EntityWrite): string {
  if (write.kind === 'meetingRecordRemoved') return key('meetingRecord', write.id);
  if (write.kind === 'policy') return key('policy');
  if (write.kind === 'refCounter') return key('refCounter', write.year);
  return key(write.kind, write.value.id);
}

/** A draft that notes every entity read through it (by `decide`, the audience and the reducer alike). */
class ReadingDraft extends StateDraft {
  reads = new Set<string>();
  override policy(): PriorityPolicy {
    this.reads.add(key('policy'));
    return super.policy();
  }
  override platform(id: string): Platform | undefined {
    this.reads.add(key('platform', id));
    return super.platform(id);
  }
  override user(id: string): User | undefined {
    this.reads.add(key('user', id));
    return super.user(id);
  }
  override device(id: string): Device | undefined {
    this.reads.add(key('device', id));
    return super.device(id);
  }
  override request(id: string): Request | undefined {
    this.reads.add(key('request', id));
    return super.request(id);
  }
  override comment(id: string): Comment | undefined {
    this.reads.add(key('comment', id));
    return super.comment(id);
  }
  override refCounter(year: number): number {
    this.reads.add(key('refCounter', year));
    return super.refCounter(year);
  }
  override meetingRecord(id: string): MeetingRecord | undefined {
    this.reads.add(key('meetingRecord', id));
    return super.meetingRecord(id);
  }
  override integration(id: string): Integration | undefined {
    this.reads.add(key('integration', id));
    return super.integration(id);
  }
  override campaign(id: string): Campaign | undefined {
    this.reads.add(key('campaign', id));
    return super.campaign(id);
  }
  override allPlatforms(): Iterable<Platform> {
    this.reads.add(key('platform', EVERY));
    return super.allPlatforms();
  }
  override allRequests(): Iterable<Request> {
    this.reads.add(key('request', EVERY));
    return super.allRequests();
  }
  override allMeetingRecords(): Iterable<MeetingRecord> {
    this.reads.add(key('meetingRecord', EVERY));
    return super.allMeetingRecords();
  }
  override allCampaigns(): Iterable<Campaign> {
    this.reads.add(key('campaign', EVERY));
    return super.allCampaigns();
  }
}

/** One pending mutation as applied: its events, what it read and what it wrote. */
interface Applied {
  readonly mutation: Mutation;
  readonly events: readonly DomainEvent[];
  readonly reads: ReadonlySet<string>;
  readonly writes: readonly string[];
}

/**
 * A kind's entities in a state, as `key` names them: the entity kinds the shared declaration
 * lists (`ENTITY_KINDS`), and the reference counters, kept by year.
 */
function entitiesOf(kind: string, state: DomainState): ReadonlyMap<string | number, unknown> {
  if (kind === 'refCounter') return state.refCounters;
  if (!(kind in ENTITY_KINDS)) throw new Error(`no entities of kind ${kind}`);
  return state[ENTITY_KINDS[kind as EntityKind].collection];
}

/**
 * Whether the entity a read names differs between two states, by identity (states are never
 * changed in place); for every entity of a kind, whether that kind's map was replaced. Asked
 * of what the pending mutations read alone, so it costs nothing per entity in the state.
 */
function differs(read: string, before: DomainState, after: DomainState): boolean {
  const kind = kindOf(read);
  if (kind === 'policy') return before.policy !== after.policy;
  const [a, b] = [entitiesOf(kind, before), entitiesOf(kind, after)];
  if (a === b) return false;
  const id = read.slice(kind.length + 1);
  if (id === EVERY) return true;
  const entityId = kind === 'refCounter' ? Number(id) : id;
  return a.get(entityId) !== b.get(entityId);
}

/**
 * Whether a mutation that read `reads` may decide otherwise now: an entity it read differs
 * between the confirmed states, or was written by a mutation decided again or dropped.
 */
function touched(
  reads: ReadonlySet<string>,
  written: ReadonlySet<string>,
  writtenKinds: ReadonlySet<string>,
  before: DomainState,
  after: DomainState,
): boolean {
  for (const read of reads) {
    if (written.has(read) || differs(read, before, after)) return true;
    if (read.endsWith(`:${EVERY}`) && writtenKinds.has(kindOf(read))) return true;
  }
  return false;
}

/**
 * The optimistic view kept up to date incrementally; it always equals `optimisticView` of its
 * inputs, given the same `now`. A new pending mutation is decided on top of the current view
 * alone. When the confirmed state changes (or a pending mutation is answered), the view is
 * rebased: a pending mutation is decided again only if it read an entity that changed (or that
 * a mutation decided again or dropped wrote); the others' events are replayed as they were, at
 * the time they were first shown. Status-only changes (connection, clock offset, cursor) return
 * the same view, so the screens reading it do not render again.
 */
export function incrementalOptimisticView(): typeof optimisticView {
  let confirmed: DomainState | undefined;
  let actor: Actor | undefined;
  let applied: Applied[] = [];
  let draft = new ReadingDraft(emptyState());
  let seq = 0;
  let view: OptimisticView | undefined;

  /** Decides `mutation` on the draft (or replays the events it made when `replayed`) and notes what it read and wrote. */
  const apply = (mutation: Mutation, now: number, replayed?: Applied): Applied => {
    draft.reads = new Set();
    const before = draft.writes().length;
    const events = replayed
      ? replayed.events.map((event, index) => ({ ...event, seq: seq + index + 1 }) as DomainEvent)
      : decided(draft, mutation, actor!, now, seq);
    seq = stamped(draft, events, seq);
    // A replayed mutation still depends on what its decision read, not only on what its events read.
    const reads = replayed ? replayed.reads : draft.reads;
    return { mutation, events, reads, writes: draft.writes().slice(before).map(writeKey) };
  };

  const rebase = (next: DomainState, pending: readonly Mutation[], now: number, everything: boolean) => {
    const before = confirmed ?? next;
    const written = new Set<string>();
    const stillPending = new Set(pending.map((mutation) => mutation.mutationId));
    const previous = new Map(applied.map((entry) => [entry.mutation.mutationId, entry]));
    for (const entry of applied) if (!stillPending.has(entry.mutation.mutationId)) entry.writes.forEach((w) => written.add(w));
    const writtenKinds = new Set([...written].map(kindOf));
    draft = new ReadingDraft(next);
    seq = next.lastSeq;
    applied = pending.map((mutation) => {
      const earlier = previous.get(mutation.mutationId);
      const again = everything || !earlier || touched(earlier.reads, written, writtenKinds, before, next);
      const entry = apply(mutation, now, again ? undefined : earlier);
      if (again) {
        for (const write of [...entry.writes, ...(earlier?.writes ?? [])]) {
          written.add(write);
          writtenKinds.add(kindOf(write));
        }
      }
      return entry;
    });
  };

  return (next, pending, nextActor, now) => {
    const appended =
      view !== undefined &&
      next === confirmed &&
      nextActor === actor &&
      pending.length >= applied.length &&
      applied.every((entry, i) => entry.mutation.mutationId === pending[i]!.mutationId);
    if (appended && pending.length === applied.length) return view!;
    if (appended) {
      for (const mutation of pending.slice(applied.length)) applied.push(apply(mutation, now));
    } else {
      const everything = nextActor !== actor;
      actor = nextActor;
      rebase(next, pending, now, everything);
      confirmed = next;
    }
    view = applied.length === 0 ? { state: next, pendingIds: new Set() } : finished(draft, next);
    return view;
  };
}

/** What the relay would answer now, decided locally: lets the UI refuse at once. */
export function localCheck(state: DomainState, actor: Actor, mutation: Mutation, now: number): ProtocolError | null {
  const decision = decide({ actor, now, clientTime: mutation.clientTime, read: new StateDraft(state) }, mutation);
  return decision.ok ? null : decision.error;
}
