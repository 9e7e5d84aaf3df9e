import type { Campaign } from '../domain/campaign.js';
import type { Comment } from '../domain/comment.js';
import type { Integration } from '../domain/integration.js';
import type { MeetingRecord } from '../domain/meeting.js';
import type { Platform } from '../domain/platform.js';
import type { PriorityPolicy } from '../domain/policy.js';
import type { Request } from '../domain/request.js';
import type { Device, User } from '../domain/user.js';
import type { DomainEvent } from '../protocol/events.js';
import { COLLECTION_NAMES, EntityMapsHolder, type CollectionName, type EntityMaps } from './entities.js';
import { evolve } from './evolve.js';
import { canSee, recordAudience, type Viewer } from './permissions.js';
import { applyWrite, type DomainState, type EntityWrite, type ReadModel, type WritableCollections } from './state.js';

/**
 * Pending changes over a base state: reads fall through to the base, writes stay in the draft.
 * The relay decides a batch of mutations against a draft and folds it into its state only after
 * the batch is committed; a client folds a pulled page the same way in one step.
 */
export class StateDraft extends EntityMapsHolder implements ReadModel, WritableCollections {
  readonly refCounters = new Map<number, number>();
  private readonly removedRecords = new Set<string>();
  private policyOverride: PriorityPolicy | undefined;
  private lastSeq: number;
  private readonly written: EntityWrite[] = [];

  /**
   * `holder`: whose copy this is, for a client's copy. The relay's copy (no holder) keeps every
   * meeting; a platform's copy drops a meeting, and every record of it, once the platform is no
   * longer invited (`meeting.updated` reaches the platforms invited before and after).
   */
  constructor(
    private readonly base: DomainState,
    private readonly holder?: Viewer,
  ) {
    super();
    this.lastSeq = base.lastSeq;
  }

  policy(): PriorityPolicy {
    return this.policyOverride ?? this.base.policy;
  }
  platform(id: string): Platform | undefined {
    return this.platforms.get(id) ?? this.base.platforms.get(id);
  }
  user(id: string): User | undefined {
    return this.users.get(id) ?? this.base.users.get(id);
  }
  device(id: string): Device | undefined {
    return this.devices.get(id) ?? this.base.devices.get(id);
  }
  request(id: string): Request | undefined {
    return this.requests.get(id) ?? this.base.requests.get(id);
  }
  comment(id: string): Comment | undefined {
    return this.comments.get(id) ?? this.base.comments.get(id);
  }
  refCounter(year: number): number {
    return this.refCounters.get(year) ?? this.base.refCounters.get(year) ?? 0;
  }
  meetingRecord(id: string): MeetingRecord | undefined {
    if (this.removedRecords.has(id)) return undefined;
    return this.meetingRecords.get(id) ?? this.base.meetingRecords.get(id);
  }

  integration(id: string): Integration | undefined {
    return this.integrations.get(id) ?? this.base.integrations.get(id);
  }
  campaign(id: string): Campaign | undefined {
    return this.campaigns.get(id) ?? this.base.campaigns.get(id);
  }
  *allCampaigns(): Iterable<Campaign> {
    for (const [id, campaign] of this.base.campaigns) if (!this.campaigns.has(id)) yield campaign;
    yield* this.campaigns.values();
  }
  *allPlatforms(): Iterable<Platform> {
    for (const [id, platform] of this.base.platforms) if (!this.platforms.has(id)) yield platform;
    yield* this.platforms.values();
  }
  *allRequests(): Iterable<Request> {
    for (const [id, request] of this.base.requests) if (!this.requests.has(id)) yield request;
    yield* this.requests.values();
  }
  *allMeetingRecords(): Iterable<MeetingRecord> {
    for (const [id, record] of this.base.meetingRecords) {
      if (!this.meetingRecords.has(id) && !this.removedRecords.has(id)) yield record;
    }
    for (const [id, record] of this.meetingRecords) if (!this.removedRecords.has(id)) yield record;
  }

  /** Applies events in seq order; events at or before the state's last seq are skipped. */
  apply(events: Iterable<DomainEvent>): this {
    for (const event of events) {
      if (event.seq <= this.lastSeq) continue;
      for (const write of evolve(this, event)) this.write(write);
      if (event.type === 'meeting.updated') this.forgetIfUninvited(event.payload.meeting.id);
      this.lastSeq = event.seq;
    }
    return this;
  }

  /** In a holder's copy, removes a meeting the holder may no longer see, with its records. */
  private forgetIfUninvited(meetingId: string): void {
    const meeting = this.meetingRecord(meetingId);
    if (!this.holder || !meeting || canSee(this.holder, recordAudience(this, meeting))) return;
    const ids = new Set([...this.base.meetingRecords.keys(), ...this.meetingRecords.keys()]);
    for (const id of ids) {
      const record = this.meetingRecord(id);
      if (record && record.type !== 'meeting' && record.meetingId === meetingId) this.write({ kind: 'meetingRecordRemoved', id });
    }
    this.write({ kind: 'meetingRecordRemoved', id: meetingId });
  }

  /** Every entity written so far, last write last (what a store must persist). */
  writes(): readonly EntityWrite[] {
    return this.written;
  }

  /** A new state: the base with the draft's changes. Copies each changed collection once. */
  finish(): DomainState {
    const merge = <K, V>(original: ReadonlyMap<K, V>, changes: Map<K, V>, removed?: ReadonlySet<K>): ReadonlyMap<K, V> => {
      if (changes.size === 0 && (removed?.size ?? 0) === 0) return original;
      const merged = new Map(original);
      for (const [key, value] of changes) merged.set(key, value);
      for (const key of removed ?? []) merged.delete(key);
      return merged;
    };
    const collections = Object.fromEntries(
      COLLECTION_NAMES.map((name: CollectionName) => [
        name,
        merge<string, unknown>(this.base[name], this[name], name === 'meetingRecords' ? this.removedRecords : undefined),
      ]),
    ) as unknown as EntityMaps;
    return {
      ...collections,
      lastSeq: this.lastSeq,
      policy: this.policy(),
      refCounters: merge(this.base.refCounters, this.refCounters),
    };
  }

  private write(write: EntityWrite): void {
    this.written.push(write);
    // A record written again after its removal (a meeting a platform is invited to again) is back.
    if (write.kind === 'meetingRecord') this.removedRecords.delete(write.value.id);
    applyWrite(this, write);
  }

  /** Used by `applyWrite` for a removed meeting record. */
  removeMeetingRecord(id: string): void {
    this.meetingRecords.delete(id);
    this.removedRecords.add(id);
  }

  /** Used by `applyWrite` for a policy write. */
  setPolicy(policy: PriorityPolicy): void {
    this.policyOverride = policy;
  }
}

/** The pure reducer over a whole state: `(state, events) → state`; `holder` as for `StateDraft`. */
export function reduce(state: DomainState, events: DomainEvent | Iterable<DomainEvent>, holder?: Viewer): DomainState {
  const list = Symbol.iterator in Object(events) ? (events as Iterable<DomainEvent>) : [events as DomainEvent];
  return new StateDraft(state, holder).apply(list).finish();
}
