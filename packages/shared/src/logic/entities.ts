import type { Campaign } from '../domain/campaign.js';
import type { Comment } from '../domain/comment.js';
import type { Integration } from '../domain/integration.js';
import type { MeetingRecord } from '../domain/meeting.js';
import type { Platform } from '../domain/platform.js';
import type { Request } from '../domain/request.js';
import type { Device, User } from '../domain/user.js';

/** One kind of entity kept by id: the state's collection it lives in and the store's table. */
export interface EntityCollection<T extends { readonly id: string }> {
  readonly collection: string;
  readonly table: string;
  /** Never set: carries the entity's type for the types derived from this declaration. */
  readonly entity?: T;
}

const kept = <T extends { readonly id: string }, C extends string>(collection: C, table: string) =>
  ({ collection, table }) as EntityCollection<T> & { readonly collection: C };

/**
 * Every kind of entity the log folds into, by the kind its writes carry. The one list: the
 * state's collections, the entity writes, the draft's changes, the relay's copy and both stores'
 * tables derive from it, so a new kind of entity is added here (and to `evolve`) only.
 */
export const ENTITY_KINDS = {
  platform: kept<Platform, 'platforms'>('platforms', 'platforms'),
  user: kept<User, 'users'>('users', 'users'),
  device: kept<Device, 'devices'>('devices', 'devices'),
  request: kept<Request, 'requests'>('requests', 'requests'),
  comment: kept<Comment, 'comments'>('comments', 'comments'),
  /** Meetings, agenda items, decisions, action items and minutes. */
  meetingRecord: kept<MeetingRecord, 'meetingRecords'>('meetingRecords', 'meeting_records'),
  /** Webhooks and API keys (never their secrets). */
  integration: kept<Integration, 'integrations'>('integrations', 'integrations'),
  /** The ministry's campaigns. */
  campaign: kept<Campaign, 'campaigns'>('campaigns', 'campaigns'),
} as const;

export type EntityKind = keyof typeof ENTITY_KINDS;
/** The entity a kind names. */
export type EntityOfKind<K extends EntityKind> = NonNullable<(typeof ENTITY_KINDS)[K]['entity']>;
/** The state's collection of a kind. */
export type CollectionOf<K extends EntityKind> = (typeof ENTITY_KINDS)[K]['collection'];
export type CollectionName = CollectionOf<EntityKind>;
/** The kind a collection holds. */
type KindIn<C extends CollectionName> = { [K in EntityKind]: CollectionOf<K> extends C ? K : never }[EntityKind];

/** Each collection, read-only, by id. */
export type EntityMaps = { readonly [C in CollectionName]: ReadonlyMap<string, EntityOfKind<KindIn<C>>> };
/** Each collection, to be written, by id. */
export type WritableEntityMaps = { readonly [C in CollectionName]: Map<string, EntityOfKind<KindIn<C>>> };

export const ENTITY_KIND_NAMES = Object.keys(ENTITY_KINDS) as EntityKind[];
export const COLLECTION_NAMES: readonly CollectionName[] = ENTITY_KIND_NAMES.map((kind) => ENTITY_KINDS[kind].collection);

/** An empty map for each collection, or a copy of each of `from`'s. */
export function entityMaps(from?: EntityMaps): WritableEntityMaps {
  const copy = (name: CollectionName): Map<string, unknown> => new Map<string, unknown>(from?.[name]);
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, copy(name)])) as unknown as WritableEntityMaps;
}

/** A base for the classes that hold every collection as a member (a draft, the relay's copy). */
export const EntityMapsHolder = class {
  constructor(from?: EntityMaps) {
    Object.assign(this, entityMaps(from));
  }
} as new (from?: EntityMaps) => WritableEntityMaps;

/** The collection a kind's entities are kept in, on any holder of the collections. */
export function collectionOf<K extends EntityKind>(holder: WritableEntityMaps, kind: K): Map<string, EntityOfKind<K>> {
  return holder[ENTITY_KINDS[kind].collection] as unknown as Map<string, EntityOfKind<K>>;
}

/** The collections from each kind's stored documents (JSON text, one entity each), read by table. */
export function entityMapsFrom(documents: (table: string) => readonly string[]): EntityMaps {
  const maps = entityMaps();
  for (const kind of ENTITY_KIND_NAMES) {
    const collection = collectionOf(maps, kind) as Map<string, { readonly id: string }>;
    for (const doc of documents(ENTITY_KINDS[kind].table)) {
      const entity = JSON.parse(doc) as { readonly id: string };
      collection.set(entity.id, entity);
    }
  }
  return maps;
}
