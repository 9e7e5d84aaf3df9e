import {
  DEFAULT_POLICY,
  ENTITY_KIND_NAMES,
  entityMapsFrom,
  type DomainState,
  type EntityKind,
  type EntityWrite,
  type PriorityPolicy,
} from '@contact-desk/shared';
import { ENTITY_TABLES, finalWrites, type EntityTable } from '../entity-projection.js';
import type { Queryable } from './pg-connections.js';
import { upsertRows, type Columns, type Row } from './pg-rows.js';

/** Where a kind of write is projected: its table and key, the columns written, the row of one write. */
interface Projection<W> {
  readonly table: string;
  readonly key: string;
  readonly written: Columns;
  readonly row: (write: W) => Row;
}

type KeptWrite = Extract<EntityWrite, { kind: EntityKind }>;

function entityProjection(kept: EntityTable): Projection<KeptWrite> {
  return {
    table: kept.table,
    key: 'id',
    written: Object.fromEntries(kept.columns.map((column) => [column.name, column.type])),
    row: ({ value }) => {
      const values = (kept.values as (value: KeptWrite['value']) => unknown[])(value);
      return Object.fromEntries(kept.columns.map((column, i) => [column.name, values[i]]));
    },
  };
}

const COUNTERS: Projection<Extract<EntityWrite, { kind: 'refCounter' }>> = {
  table: 'ref_counters',
  key: 'year',
  written: { year: 'integer', counter: 'integer' },
  row: (write) => ({ year: write.year, counter: write.value }),
};

const POLICY: Projection<Extract<EntityWrite, { kind: 'policy' }>> = {
  table: 'meta',
  key: 'key',
  written: { key: 'text', value: 'text' },
  row: (write) => ({ key: 'policy', value: JSON.stringify(write.value) }),
};

const ENTITY_PROJECTIONS = new Map(ENTITY_KIND_NAMES.map((kind) => [kind, entityProjection(ENTITY_TABLES[kind] as EntityTable)]));

/**
 * Applies a batch's entity writes: only each entity's last write counts (each holds the whole
 * entity), so every table takes one multi-row upsert, and removed meeting records one delete.
 */
export async function writeProjections(db: Queryable, writes: readonly EntityWrite[]): Promise<void> {
  const finals = finalWrites(writes);
  const removed = finals.flatMap((write) => (write.kind === 'meetingRecordRemoved' ? [write.id] : []));
  if (removed.length > 0) await db.query('DELETE FROM meeting_records WHERE id = ANY($1::text[])', [removed]);
  for (const [kind, projection] of ENTITY_PROJECTIONS) {
    const rows = finals.filter((write): write is KeptWrite => write.kind === kind).map((write) => projection.row(write));
    await upsertRows(db, projection.table, projection.key, projection.written, rows);
  }
  const counters = finals.flatMap((write) => (write.kind === 'refCounter' ? [COUNTERS.row(write)] : []));
  await upsertRows(db, COUNTERS.table, COUNTERS.key, COUNTERS.written, counters);
  const policies = finals.flatMap((write) => (write.kind === 'policy' ? [POLICY.row(write)] : []));
  await upsertRows(db, POLICY.table, POLICY.key, POLICY.written, policies);
}

/** The folded state as the projections hold it; read inside the caller's snapshot transaction. */
export async function loadState(db: Queryable, lastSeq: number): Promise<DomainState> {
  const policy = (await db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'policy'")).rows[0];
  const counters = (await db.query<{ year: number; counter: number }>('SELECT year, counter FROM ref_counters')).rows;
  const documents = new Map<string, string[]>();
  for (const kind of ENTITY_KIND_NAMES) {
    const { table } = ENTITY_TABLES[kind];
    documents.set(
      table,
      (await db.query<{ doc: string }>(`SELECT doc FROM ${table}`)).rows.map((row) => row.doc),
    );
  }
  return {
    ...entityMapsFrom((table) => documents.get(table) ?? []),
    lastSeq,
    policy: policy ? (JSON.parse(policy.value) as PriorityPolicy) : DEFAULT_POLICY,
    refCounters: new Map(counters.map((row) => [row.year, row.counter])),
  };
}
