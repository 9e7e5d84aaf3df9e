import {
  applyWrite,
  type Campaign,
  PENDING_STATUSES,
  type Comment,
  type Device,
  type DomainState,
  type EntityWrite,
  type Integration,
  type MeetingRecord,
  type Platform,
  type PriorityPolicy,
  type Request,
  type User,
  type WritableCollections,
} from '@contact-desk/shared';

/**
 * The relay's in-memory copy of its projections: read by every decision, changed only by
 * absorbing the writes of a committed batch (so it never runs ahead of the file).
 */
export class RelayState implements DomainState, WritableCollections {
  lastSeq: number;
  policy: PriorityPolicy;
  readonly platforms: Map<string, Platform>;
  readonly users: Map<string, User>;
  readonly devices: Map<string, Device>;
  readonly requests: Map<string, Request>;
  readonly comments: Map<string, Comment>;
  readonly refCounters: Map<number, number>;
  readonly meetingRecords: Map<string, MeetingRecord>;
  readonly integrations: Map<string, Integration>;
  readonly campaigns: Map<string, Campaign>;
  /** Requests on which the platform still owes a step: what the deadline watcher looks at. */
  readonly pendingRequestIds = new Set<string>();

  constructor(loaded: DomainState) {
    this.lastSeq = loaded.lastSeq;
    this.policy = loaded.policy;
    this.platforms = new Map(loaded.platforms);
    this.users = new Map(loaded.users);
    this.devices = new Map(loaded.devices);
    this.requests = new Map(loaded.requests);
    this.comments = new Map(loaded.comments);
    this.refCounters = new Map(loaded.refCounters);
    this.meetingRecords = new Map(loaded.meetingRecords);
    this.integrations = new Map(loaded.integrations);
    this.campaigns = new Map(loaded.campaigns);
    for (const request of this.requests.values()) this.trackPending(request);
  }

  absorb(writes: readonly EntityWrite[], lastSeq: number): void {
    for (const write of writes) {
      applyWrite(this, write);
      if (write.kind === 'request') this.trackPending(write.value);
    }
    this.lastSeq = lastSeq;
  }

  removeMeetingRecord(id: string): void {
    this.meetingRecords.delete(id);
  }

  setPolicy(policy: PriorityPolicy): void {
    this.policy = policy;
  }

  private trackPending(request: Request): void {
    if (PENDING_STATUSES.includes(request.status)) this.pendingRequestIds.add(request.id);
    else this.pendingRequestIds.delete(request.id);
  }
}
