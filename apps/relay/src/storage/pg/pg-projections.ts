import { DEFAULT_POLICY, type DomainState, type EntityWrite, type PriorityPolicy } from '@contact-desk/shared';
import type { Queryable } from './pg-connections.js';
import { columns, lastByKey, upsertRows, type Column } from './pg-rows.js';

type Write<K extends EntityWrite['kind']> = Extract<EntityWrite, { kind: K }>;

/** Where each kind of entity is projected: its table, key, columns, and the row of one write. */
interface Projection<K extends EntityWrite['kind']> {
  readonly table: string;
  readonly key: string;
  readonly written: readonly Column[];
  readonly row: (write: Write<K>) => unknown[];
}

const doc = (value: unknown) => JSON.stringify(value);

const PROJECTIONS: { readonly [K in Exclude<EntityWrite['kind'], 'meetingRecordRemoved'>]: Projection<K> } = {
  request: {
    table: 'requests',
    key: 'id',
    written: columns({
      id: 'text',
      ref: 'text',
      platform_id: 'text',
      status: 'text',
      priority: 'text',
      created_at: 'bigint',
      received_at: 'bigint',
      ack_at: 'bigint',
      answered_at: 'bigint',
      updated_at: 'bigint',
      doc: 'text',
    }),
    row: ({ value: r }) => [
      r.id,
      r.ref,
      r.platformId,
      r.status,
      r.sla.label,
      r.createdAt,
      r.receivedAt,
      r.ackAt,
      r.answeredAt,
      r.updatedAt,
      doc(r),
    ],
  },
  comment: {
    table: 'comments',
    key: 'id',
    written: columns({ id: 'text', request_id: 'text', created_at: 'bigint', doc: 'text' }),
    row: ({ value }) => [value.id, value.requestId, value.createdAt, doc(value)],
  },
  platform: { table: 'platforms', key: 'id', written: columns({ id: 'text', doc: 'text' }), row: ({ value }) => [value.id, doc(value)] },
  user: {
    table: 'users',
    key: 'id',
    written: columns({ id: 'text', role: 'text', platform_id: 'text', doc: 'text' }),
    row: ({ value }) => [value.id, value.role, value.platformId, doc(value)],
  },
  device: {
    table: 'devices',
    key: 'id',
    written: columns({ id: 'text', user_id: 'text', doc: 'text' }),
    row: ({ value }) => [value.id, value.userId, doc(value)],
  },
  meetingRecord: {
    table: 'meeting_records',
    key: 'id',
    written: columns({ id: 'text', type: 'text', meeting_id: 'text', doc: 'text' }),
    row: ({ value }) => [value.id, value.type, value.type === 'meeting' ? value.id : value.meetingId, doc(value)],
  },
  integration: {
    table: 'integrations',
    key: 'id',
    written: columns({ id: 'text', type: 'text', platform_id: 'text', doc: 'text' }),
    row: ({ value }) => [value.id, value.type, value.platformId, doc(value)],
  },
  campaign: {
    table: 'campaigns',
    key: 'id',
    written: columns({ id: 'text', status: 'text', doc: 'text' }),
    row: ({ value }) => [value.id, value.status, doc(value)],
  },
  refCounter: {
    table: 'ref_counters',
    key: 'year',
    written: columns({ year: 'integer', counter: 'integer' }),
    row: (write) => [write.year, write.value],
  },
  policy: { table: 'meta', key: 'key', written: columns({ key: 'text', value: 'text' }), row: ({ value }) => ['policy', doc(value)] },
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
    const projection = PROJECTIONS[kind] as Projection<typeof kind>;
    const rows = finals.filter((write): write is Write<typeof kind> => write.kind === kind).map((write) => projection.row(write));
    await upsertRows(db, projection.table, projection.key, projection.written, rows);
  }
}

async function byId<T extends { id: string }>(db: Queryable, table: string): Promise<Map<string, T>> {
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
    platforms: await byId(db, 'platforms'),
    users: await byId(db, 'users'),
    devices: await byId(db, 'devices'),
    requests: await byId(db, 'requests'),
    comments: await byId(db, 'comments'),
    refCounters: new Map(counters.map((row) => [row.year, row.counter])),
    meetingRecords: await byId(db, 'meeting_records'),
    integrations: await byId(db, 'integrations'),
    campaigns: await byId(db, 'campaigns'),
  };
}
