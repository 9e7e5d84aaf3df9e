import {
  applyWrite,
  EntityMapsHolder,
  PENDING_STATUSES,
  type DomainState,
  type EntityWrite,
  type PriorityPolicy,
  type Request,
  type WritableCollections,
} from '@contact-desk/shared';

/**
 * The relay's in-memory copy of its projections: read by every decision, changed only by
 * absorbing the writes of a committed batch (so it never runs ahead of the file).
 */
export class RelayState extends EntityMapsHolder implements DomainState, WritableCollections {
  lastSeq: number;
  policy: PriorityPolicy;
  readonly refCounters: Map<number, number>;
  /** Requests on which the platform still owes a step: what the deadline watcher looks at. */
  readonly pendingRequestIds = new Set<string>();

  constructor(loaded: DomainState) {
    super(loaded);
    this.lastSeq = loaded.lastSeq;
    this.policy = loaded.policy;
    this.refCounters = new Map(loaded.refCounters);
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
