import type Database from 'better-sqlite3';
import {
  DEFAULT_POLICY,
  ENTITY_KIND_NAMES,
  entityMapsFrom,
  type EntityKind,
  type EntityMaps,
  type EntityWrite,
  type PriorityPolicy,
} from '@contact-desk/shared';
import { ENTITY_TABLES, finalWrites, type EntityTable } from './entity-projection.js';

type KeptWrite = Extract<EntityWrite, { kind: EntityKind }>;

/** An upsert of one kind's rows: every column is replaced, as PostgreSQL's projections do. */
function upsertText({ table, columns }: EntityTable): string {
  const names = columns.map((column) => column.name);
  const replaced = names.filter((name) => name !== 'id').map((name) => `${name} = excluded.${name}`);
  return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})
    ON CONFLICT (id) DO UPDATE SET ${replaced.join(', ')}`;
}

/** The folded projections' tables on SQLite: written by each commit, read back whole at start. */
export class SqliteProjections {
  private readonly upserts: ReadonlyMap<
    EntityKind,
    { readonly statement: Database.Statement; readonly values: (value: KeptWrite['value']) => unknown[] }
  >;
  private readonly upsertCounter: Database.Statement;
  private readonly upsertMeta: Database.Statement;
  private readonly deleteMeetingRecord: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.upserts = new Map(
      ENTITY_KIND_NAMES.map((kind) => {
        const table = ENTITY_TABLES[kind] as EntityTable;
        return [kind, { statement: db.prepare(upsertText(table)), values: table.values as (value: KeptWrite['value']) => unknown[] }];
      }),
    );
    this.upsertCounter = db.prepare(
      'INSERT INTO ref_counters (year, counter) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET counter = excluded.counter',
    );
    this.upsertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.deleteMeetingRecord = db.prepare('DELETE FROM meeting_records WHERE id = ?');
  }

  /** A batch's writes, inside its transaction: each entity's last write only. */
  write(writes: readonly EntityWrite[]): void {
    for (const write of finalWrites(writes)) {
      switch (write.kind) {
        case 'refCounter':
          this.upsertCounter.run(write.year, write.value);
          break;
        case 'policy':
          this.upsertMeta.run('policy', JSON.stringify(write.value));
          break;
        case 'meetingRecordRemoved':
          this.deleteMeetingRecord.run(write.id);
          break;
        default: {
          const upsert = this.upserts.get(write.kind);
          if (!upsert) throw new Error(`no table for ${write.kind}`);
          upsert.statement.run(upsert.values(write.value));
        }
      }
    }
  }

  /** Every projection, read at once (inside the caller's transaction when it needs one). */
  load(): EntityMaps & { readonly policy: PriorityPolicy; readonly refCounters: ReadonlyMap<number, number> } {
    const documents = (table: string) => (this.db.prepare(`SELECT doc FROM ${table}`).all() as { doc: string }[]).map((row) => row.doc);
    const policyRow = this.db.prepare("SELECT value FROM meta WHERE key = 'policy'").get() as { value: string } | undefined;
    const counters = this.db.prepare('SELECT year, counter FROM ref_counters').all() as { year: number; counter: number }[];
    return {
      ...entityMapsFrom(documents),
      policy: policyRow ? (JSON.parse(policyRow.value) as PriorityPolicy) : DEFAULT_POLICY,
      refCounters: new Map(counters.map((row) => [row.year, row.counter])),
    };
  }
}
