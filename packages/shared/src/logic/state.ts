import type { Campaign } from '../domain/campaign.js';
import type { Comment } from '../domain/comment.js';
import type { Integration } from '../domain/integration.js';
import type { MeetingRecord } from '../domain/meeting.js';
import type { Platform } from '../domain/platform.js';
import { DEFAULT_POLICY, type PriorityPolicy } from '../domain/policy.js';
import type { Request } from '../domain/request.js';
import type { Device, User } from '../domain/user.js';

/** Everything the log says, folded: what the relay projects and what a client displays. */
export interface DomainState {
  readonly lastSeq: number;
  readonly policy: PriorityPolicy;
  readonly platforms: ReadonlyMap<string, Platform>;
  readonly users: ReadonlyMap<string, User>;
  readonly devices: ReadonlyMap<string, Device>;
  readonly requests: ReadonlyMap<string, Request>;
  readonly comments: ReadonlyMap<string, Comment>;
  /** Last request counter used per year, for the relay's `CD-YYYY-NNNNNN` references. */
  readonly refCounters: ReadonlyMap<number, number>;
  /** Meetings, agenda items, decisions and action items, by id. */
  readonly meetingRecords: ReadonlyMap<string, MeetingRecord>;
  /** Webhooks and API keys, by id (never their secrets). */
  readonly integrations: ReadonlyMap<string, Integration>;
  /** The ministry's campaigns, by id. */
  readonly campaigns: ReadonlyMap<string, Campaign>;
}

export function emptyState(): DomainState {
  return {
    lastSeq: 0,
    policy: DEFAULT_POLICY,
    platforms: new Map(),
    users: new Map(),
    devices: new Map(),
    requests: new Map(),
    comments: new Map(),
    refCounters: new Map(),
    meetingRecords: new Map(),
    integrations: new Map(),
    campaigns: new Map(),
  };
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

/** One entity written by an event. */
export type EntityWrite =
  | { readonly kind: 'policy'; readonly value: PriorityPolicy }
  | { readonly kind: 'platform'; readonly value: Platform }
  | { readonly kind: 'user'; readonly value: User }
  | { readonly kind: 'device'; readonly value: Device }
  | { readonly kind: 'request'; readonly value: Request }
  | { readonly kind: 'comment'; readonly value: Comment }
  | { readonly kind: 'refCounter'; readonly year: number; readonly value: number }
  | { readonly kind: 'meetingRecord'; readonly value: MeetingRecord }
  | { readonly kind: 'meetingRecordRemoved'; readonly id: string }
  | { readonly kind: 'integration'; readonly value: Integration }
  | { readonly kind: 'campaign'; readonly value: Campaign };

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
export interface WritableCollections {
  readonly platforms: Map<string, Platform>;
  readonly users: Map<string, User>;
  readonly devices: Map<string, Device>;
  readonly requests: Map<string, Request>;
  readonly comments: Map<string, Comment>;
  readonly refCounters: Map<number, number>;
  readonly meetingRecords: Map<string, MeetingRecord>;
  readonly integrations: Map<string, Integration>;
  readonly campaigns: Map<string, Campaign>;
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
    case 'platform':
      target.platforms.set(write.value.id, write.value);
      break;
    case 'user':
      target.users.set(write.value.id, write.value);
      break;
    case 'device':
      target.devices.set(write.value.id, write.value);
      break;
    case 'request':
      target.requests.set(write.value.id, write.value);
      break;
    case 'comment':
      target.comments.set(write.value.id, write.value);
      break;
    case 'refCounter':
      target.refCounters.set(write.year, write.value);
      break;
    case 'meetingRecord':
      target.meetingRecords.set(write.value.id, write.value);
      break;
    case 'meetingRecordRemoved':
      target.removeMeetingRecord(write.id);
      break;
    case 'integration':
      target.integrations.set(write.value.id, write.value);
      break;
    case 'campaign':
      target.campaigns.set(write.value.id, write.value);
      break;
  }
}
