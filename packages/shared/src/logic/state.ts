import type { Campaign } from '../domain/campaign.js';
import type { Comment } from '../domain/comment.js';
import type { Integration } from '../domain/integration.js';
import type { MeetingRecord } from '../domain/meeting.js';
import type { Platform } from '../domain/platform.js';
import { DEFAULT_POLICY, type PriorityPolicy } from '../domain/policy.js';
import type { Request } from '../domain/request.js';
import type { Device, User } from '../domain/user.js';
import { collectionOf, entityMaps, type EntityKind, type EntityMaps, type EntityOfKind, type WritableEntityMaps } from './entities.js';

/**
 * Everything the log says, folded: what the relay projects and what a client displays. Its
 * entity collections are those of `ENTITY_KINDS`.
 */
export interface DomainState extends EntityMaps {
  readonly lastSeq: number;
  readonly policy: PriorityPolicy;
  /** Last request counter used per year, for the relay's `CD-YYYY-NNNNNN` references. */
  readonly refCounters: ReadonlyMap<number, number>;
}

export function emptyState(): DomainState {
  return { lastSeq: 0, policy: DEFAULT_POLICY, refCounters: new Map(), ...entityMaps() };
}

/** Read access to entities, whatever holds them (a state, a draft over a state, a database). */
export interface ReadModel {
  policy(): PriorityPolicy;
  platform(id: string): Platform | undefined;
  user(id: string): User | undefined;
  device(id: string): Device | undefined;
  request(id: string): Request | undefined;
  comment(id: string): Comment | undefined;
  refCounter(year: number): number;
  meetingRecord(id: string): MeetingRecord | undefined;
  integration(id: string): Integration | undefined;
  campaign(id: string): Campaign | undefined;
  /** Every platform held. */
  allPlatforms(): Iterable<Platform>;
  /** Every request held (what the minutes' figures are computed from). */
  allRequests(): Iterable<Request>;
  /** Every meeting record held. */
  allMeetingRecords(): Iterable<MeetingRecord>;
  /** Every campaign held. */
  allCampaigns(): Iterable<Campaign>;
}

/** The write of one entity kept by id: the whole entity, as it is after the event. */
type KeptEntityWrite = { readonly [K in EntityKind]: { readonly kind: K; readonly value: EntityOfKind<K> } }[EntityKind];

/** One entity written by an event. */
export type EntityWrite =
  | { readonly kind: 'policy'; readonly value: PriorityPolicy }
  | { readonly kind: 'refCounter'; readonly year: number; readonly value: number }
  | { readonly kind: 'meetingRecordRemoved'; readonly id: string }
  | KeptEntityWrite;

export function readState(state: DomainState): ReadModel {
  return {
    policy: () => state.policy,
    platform: (id) => state.platforms.get(id),
    user: (id) => state.users.get(id),
    device: (id) => state.devices.get(id),
    request: (id) => state.requests.get(id),
    comment: (id) => state.comments.get(id),
    refCounter: (year) => state.refCounters.get(year) ?? 0,
    meetingRecord: (id) => state.meetingRecords.get(id),
    allPlatforms: () => state.platforms.values(),
    integration: (id) => state.integrations.get(id),
    allRequests: () => state.requests.values(),
    allMeetingRecords: () => state.meetingRecords.values(),
    campaign: (id) => state.campaigns.get(id),
    allCampaigns: () => state.campaigns.values(),
  };
}

/** Collections an entity write lands in: a draft's pending changes, or the relay's live state. */
export interface WritableCollections extends WritableEntityMaps {
  readonly refCounters: Map<number, number>;
  /** Records removed (agenda items); a draft must remember removals to hide base entries. */
  removeMeetingRecord(id: string): void;
  setPolicy(policy: PriorityPolicy): void;
}

/** Puts one entity write into its collection. */
export function applyWrite(target: WritableCollections, write: EntityWrite): void {
  switch (write.kind) {
    case 'policy':
      target.setPolicy(write.value);
      break;
    case 'refCounter':
      target.refCounters.set(write.year, write.value);
      break;
    case 'meetingRecordRemoved':
      target.removeMeetingRecord(write.id);
      break;
    default:
      collectionOf(target, write.kind).set(write.value.id, write.value);
  }
}
