import { DEFAULT_POLICY, type DomainState, type EntityWrite, type PriorityPolicy } from '@contact-desk/shared';
import type { Queryable } from './pg-connections.js';
import { lastByKey, upsertRows, type Columns, type ColumnType, type Row } from './pg-rows.js';

type Write<K extends EntityWrite['kind']> = Extract<EntityWrite, { kind: K }>;
/** The entity a kind of write carries. */
type Entity<K extends EntityWrite['kind']> = Extract<Write<K>, { value: unknown }>['value'];

/** Where a kind of entity is projected: its table and key, the columns written, the row of one write. */
interface Projection<W> {
  readonly table: string;
  readonly key: string;
  readonly written: Columns;
  readonly row: (write: W) => Row;
}

/** A column beside an entity's document, and how it is read from the entity. */
interface Beside<V> {
  readonly type: ColumnType;
  readonly of: (value: V) => unknown;
}

const text = <V>(of: (value: V) => unknown): Beside<V> => ({ type: 'text', of });
const bigint = <V>(of: (value: V) => unknown): Beside<V> => ({ type: 'bigint', of });

/**
 * An entity kept by id as its whole JSON document (what the state is read back from), with
 * columns beside it for the indexes and for people reading the database.
 */
function entity<V extends { id: string }>(table: string, beside: Readonly<Record<string, Beside<V>>>): Projection<{ readonly value: V }> {
  const columns: [string, Beside<V>][] = [
    ['id', text((value) => value.id)],
    ...Object.entries(beside),
    ['doc', text((value) => JSON.stringify(value))],
  ];
  return {
    table,
    key: 'id',
    written: Object.fromEntries(columns.map(([name, column]) => [name, column.type])),
    row: ({ value }) => Object.fromEntries(columns.map(([name, column]) => [name, column.of(value)])),
  };
}

const PROJECTIONS: { readonly [K in Exclude<EntityWrite['kind'], 'meetingRecordRemoved'>]: Projection<Write<K>> } = {
  request: entity<Entity<'request'>>('requests', {
    ref: text((r) => r.ref),
    platform_id: text((r) => r.platformId),
    status: text((r) => r.status),
    priority: text((r) => r.sla.label),
    created_at: bigint((r) => r.createdAt),
    received_at: bigint((r) => r.receivedAt),
    ack_at: bigint((r) => r.ackAt),
    answered_at: bigint((r) => r.answeredAt),
    updated_at: bigint((r) => r.updatedAt),
  }),
  comment: entity<Entity<'comment'>>('comments', { request_id: text((c) => c.requestId), created_at: bigint((c) => c.createdAt) }),
  platform: entity<Entity<'platform'>>('platforms', {}),
  user: entity<Entity<'user'>>('users', { role: text((u) => u.role), platform_id: text((u) => u.platformId) }),
  device: entity<Entity<'device'>>('devices', { user_id: text((d) => d.userId) }),
  meetingRecord: entity<Entity<'meetingRecord'>>('meeting_records', {
    type: text((r) => r.type),
    meeting_id: text((r) => (r.type === 'meeting' ? r.id : r.meetingId)),
  }),
  integration: entity<Entity<'integration'>>('integrations', { type: text((i) => i.type), platform_id: text((i) => i.platformId) }),
  campaign: entity<Entity<'campaign'>>('campaigns', { status: text((c) => c.status) }),
  refCounter: {
    table: 'ref_counters',
    key: 'year',
    written: { year: 'integer', counter: 'integer' },
    row: (write) => ({ year: write.year, counter: write.value }),
  },
  policy: {
    table: 'meta',
    key: 'key',
    written: { key: 'text', value: 'text' },
    row: (write) => ({ key: 'policy', value: JSON.stringify(write.value) }),
  },
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
 * Applies a batch's entity writes: only each entity's last write counts (each holds the whole
 * entity), so every table takes one multi-row upsert, and removed meeting records one delete.
 */
export async function writeProjections(db: Queryable, writes: readonly EntityWrite[]): Promise<void> {
  const finals = lastByKey(writes, entityOf);
  const removed = finals.flatMap((write) => (write.kind === 'meetingRecordRemoved' ? [write.id] : []));
  if (removed.length > 0) await db.query('DELETE FROM meeting_records WHERE id = ANY($1::text[])', [removed]);
  for (const kind of Object.keys(PROJECTIONS) as (keyof typeof PROJECTIONS)[]) {
    const projection = PROJECTIONS[kind] as Projection<Write<typeof kind>>;
    const rows = finals.filter((write): write is Write<typeof kind> => write.kind === kind).map((write) => projection.row(write));
    await upsertRows(db, projection.table, projection.key, projection.written, rows);
  }
}

async function documents<T extends { id: string }>(db: Queryable, table: string): Promise<Map<string, T>> {
  const { rows } = await db.query<{ doc: string }>(`SELECT doc FROM ${table}`);
  return new Map(rows.map((row) => JSON.parse(row.doc) as T).map((item) => [item.id, item]));
}

/** The folded state as the projections hold it; read inside the caller's snapshot transaction. */
export async function loadState(db: Queryable, lastSeq: number): Promise<DomainState> {
  const policy = (await db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'policy'")).rows[0];
  const counters = (await db.query<{ year: number; counter: number }>('SELECT year, counter FROM ref_counters')).rows;
  return {
    lastSeq,
    policy: policy ? (JSON.parse(policy.value) as PriorityPolicy) : DEFAULT_POLICY,
    platforms: await documents(db, 'platforms'),
    users: await documents(db, 'users'),
    devices: await documents(db, 'devices'),
    requests: await documents(db, 'requests'),
    comments: await documents(db, 'comments'),
    refCounters: new Map(counters.map((row) => [row.year, row.counter])),
    meetingRecords: await documents(db, 'meeting_records'),
    integrations: await documents(db, 'integrations'),
    campaigns: await documents(db, 'campaigns'),
  };
}
