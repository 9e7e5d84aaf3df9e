import { Dexie, type EntityTable } from 'dexie';
import type { Comment, DomainEvent, Mutation, Request } from '@contact-desk/shared';

/** An event of the log as kept on the device, indexed by the request it concerns. */
export interface StoredEvent {
  readonly seq: number;
  /** The request the event concerns, for the timeline; '' when none. */
  readonly requestId: string;
  readonly event: DomainEvent;
}

/** Platforms, users, devices, meeting records, integrations, campaigns, the policy and ref counters, by kind and id. */
export interface StoredEntity {
  readonly kind: 'platform' | 'user' | 'device' | 'policy' | 'refCounter' | 'meetingRecord' | 'integration' | 'campaign';
  readonly id: string;
  readonly value: unknown;
}

/** A mutation waiting for the relay's answer, in the order the user made it. */
export interface OutboxEntry {
  readonly order?: number;
  readonly mutationId: string;
  readonly mutation: Mutation;
  readonly queuedAt: number;
  readonly attempts: number;
}

export interface MetaEntry {
  readonly key: string;
  readonly value: unknown;
}

/** The device's copy of what the user may see, plus their pending changes. One per profile. */
export class LocalDb extends Dexie {
  events!: EntityTable<StoredEvent, 'seq'>;
  requests!: EntityTable<Request, 'id'>;
  comments!: EntityTable<Comment, 'id'>;
  entities!: Dexie.Table<StoredEntity, [string, string]>;
  outbox!: EntityTable<OutboxEntry, 'order'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(profile: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(`contact-desk-${profile}`, options);
    this.version(1).stores({
      events: 'seq, requestId',
      requests: 'id, platformId, status, createdAt',
      comments: 'id, requestId',
      entities: '[kind+id]',
      outbox: '++order, &mutationId',
      meta: 'key',
    });
  }
}

export function requestIdOf(event: DomainEvent): string {
  switch (event.type) {
    case 'request.created':
      return event.payload.request.id;
    case 'comment.added':
      return event.payload.comment.requestId;
    default:
      return 'requestId' in event.payload ? (event.payload.requestId ?? '') : '';
  }
}
