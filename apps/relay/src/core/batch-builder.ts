import {
  audienceOf,
  StateDraft,
  type Actor,
  type DomainEvent,
  type DomainState,
  type EventDraft,
  type LogPosition,
  type LoggedEvent,
} from '@contact-desk/shared';
import { linkEvent } from '../audit/event-hash.js';
import type { DeliveryUpdate, NewDelivery, SealedSecret } from '../storage/outbox-store.js';
import type { CommitBatch, StoredMutationResult } from '../storage/storage.js';

/**
 * Collects everything one group commit will write: events stamped with consecutive seqs and the
 * batch's relay time, the projections they touch, mutation results and credentials. Decisions
 * made later in the batch see the effects of earlier ones through the draft.
 */
export class BatchBuilder {
  readonly draft: StateDraft;
  readonly events: LoggedEvent[] = [];
  readonly mutationResults = new Map<string, StoredMutationResult & { receivedAt: number }>();
  readonly enrollmentCodes: { codeHash: string; userId: string; expiresAt: number }[] = [];
  readonly deviceTokens: { tokenHash: string; deviceId: string }[] = [];
  readonly usedEnrollmentCodes: { codeHash: string; usedAt: number }[] = [];
  readonly apiKeys: { apiKeyId: string; keyHash: string }[] = [];
  readonly revokedUsers: string[] = [];
  readonly revokedDevices: string[] = [];
  /** The outbox's part of the transaction (docs/decisions/0008). */
  readonly deliveries: NewDelivery[] = [];
  readonly deliveryUpdates: DeliveryUpdate[] = [];
  readonly webhookSecrets: SealedSecret[] = [];
  private seq: number;
  private hash: string;

  constructor(
    state: DomainState,
    head: LogPosition,
    /** The relay time of every event of this batch. */
    readonly now: number,
  ) {
    this.draft = new StateDraft(state);
    this.seq = head.seq;
    this.hash = head.hash;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** The log's head once this batch is committed. */
  get head(): LogPosition {
    return { seq: this.seq, hash: this.hash };
  }

  /** Stamps drafts as events of the log and applies them to the draft state. */
  append(drafts: readonly EventDraft[], actor: Actor, mutationId: string | null, clientTime: number | null): LoggedEvent[] {
    return drafts.map((eventDraft) => {
      const audience = audienceOf(eventDraft, this.draft);
      this.seq += 1;
      const unlinked = {
        ...eventDraft,
        seq: this.seq,
        serverTime: this.now,
        actor,
        mutationId,
        clientTime,
        audience,
      } as DomainEvent;
      const event = linkEvent(this.hash, unlinked);
      this.hash = event.hash;
      this.draft.apply([event]);
      this.events.push(event);
      if (event.type === 'user.revoked') this.revokedUsers.push(event.payload.userId);
      if (event.type === 'device.revoked') this.revokedDevices.push(event.payload.deviceId);
      return event;
    });
  }

  /** Whether the batch has anything to write. */
  get isEmpty(): boolean {
    return this.events.length === 0 && this.mutationResults.size === 0 && this.deliveries.length === 0 && this.deliveryUpdates.length === 0;
  }

  toCommit(): CommitBatch {
    const outbox = { deliveries: this.deliveries, deliveryUpdates: this.deliveryUpdates, webhookSecrets: this.webhookSecrets };
    return {
      outbox,
      events: this.events,
      writes: this.draft.writes(),
      mutationResults: this.mutationResults,
      enrollmentCodes: this.enrollmentCodes,
      deviceTokens: this.deviceTokens,
      usedEnrollmentCodes: this.usedEnrollmentCodes,
      apiKeys: this.apiKeys,
    };
  }
}
