import { ENTITY_KIND_NAMES, ENTITY_KINDS, type EntityKind, type EntityOfKind, type EntityWrite } from '@contact-desk/shared';

/** The SQL type of a projection column (PostgreSQL casts its array parameters to it). */
export type ColumnType = 'text' | 'bigint' | 'integer';

/** A column beside an entity's document, and how it is read from the entity. */
export interface Beside<V> {
  readonly type: ColumnType;
  readonly of: (value: V) => unknown;
}

const text = <V>(of: (value: V) => unknown): Beside<V> => ({ type: 'text', of });
const bigint = <V>(of: (value: V) => unknown): Beside<V> => ({ type: 'bigint', of });

/**
 * The columns each kind of entity has beside its id and its whole JSON document (what the state
 * is read back from), for the indexes and for people reading the database; both engines'
 * projections are written from this.
 */
const BESIDE: { readonly [K in EntityKind]: Readonly<Record<string, Beside<EntityOfKind<K>>>> } = {
  request: {
    ref: text((r) => r.ref),
    platform_id: text((r) => r.platformId),
    status: text((r) => r.status),
    priority: text((r) => r.sla.label),
    created_at: bigint((r) => r.createdAt),
    received_at: bigint((r) => r.receivedAt),
    ack_at: bigint((r) => r.ackAt),
    answered_at: bigint((r) => r.answeredAt),
    updated_at: bigint((r) => r.updatedAt),
  },
  comment: { request_id: text((c) => c.requestId), created_at: bigint((c) => c.createdAt) },
  platform: {},
  user: { role: text((u) => u.role), platform_id: text((u) => u.platformId) },
  device: { user_id: text((d) => d.userId) },
  meetingRecord: { type: text((r) => r.type), meeting_id: text((r) => (r.type === 'meeting' ? r.id : r.meetingId)) },
  integration: { type: text((i) => i.type), platform_id: text((i) => i.platformId) },
  campaign: { status: text((c) => c.status) },
};

/** Where an entity of a kind is projected: its table, its columns in order, and their values for one entity. */
export interface EntityTable<K extends EntityKind = EntityKind> {
  readonly table: string;
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
  readonly values: (value: EntityOfKind<K>) => unknown[];
}

function entityTable<K extends EntityKind>(kind: K): EntityTable<K> {
  const columns: [string, Beside<EntityOfKind<K>>][] = [
    ['id', text((value) => value.id)],
    ...Object.entries(BESIDE[kind] as Readonly<Record<string, Beside<EntityOfKind<K>>>>),
    ['doc', text((value) => JSON.stringify(value))],
  ];
  return {
    table: ENTITY_KINDS[kind].table,
    columns: columns.map(([name, column]) => ({ name, type: column.type })),
    values: (value) => columns.map(([, column]) => column.of(value)),
  };
}

/** Every kind's table, in the order of `ENTITY_KINDS`. */
export const ENTITY_TABLES = Object.fromEntries(ENTITY_KIND_NAMES.map((kind) => [kind, entityTable(kind)])) as {
  readonly [K in EntityKind]: EntityTable<K>;
};

/** The entity a write lands on: a later write of the same entity in the batch replaces it (a removal too). */
function entityOf(write: EntityWrite): string {
  switch (write.kind) {
    case 'meetingRecordRemoved':
      return `meetingRecord:${write.id}`;
    case 'refCounter':
      return `refCounter:${write.year}`;
    case 'policy':
      return 'policy';
    default:
      return `${write.kind}:${write.value.id}`;
  }
}

/**
 * A batch's entity writes as the projections need them: only each entity's last write (each
 * holds the whole entity), in the order entities were first written.
 */
export function finalWrites(writes: readonly EntityWrite[]): EntityWrite[] {
  const last = new Map<string, EntityWrite>();
  for (const write of writes) last.set(entityOf(write), write);
  return [...last.values()];
}
