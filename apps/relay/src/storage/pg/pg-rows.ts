import type { ColumnType } from '../entity-projection.js';
import type { Queryable } from './pg-connections.js';

export type { ColumnType } from '../entity-projection.js';

/** The columns a statement writes, by name, with their types. */
export type Columns = Readonly<Record<string, ColumnType>>;

/** A row to write: a value for each column (a missing one is NULL). */
export type Row = Readonly<Record<string, unknown>>;

/**
 * `INSERT … SELECT FROM unnest(…)`: any number of rows in one statement and one round trip, one
 * array parameter per column (a statement's text does not grow with its rows, so the server
 * parses the same few texts again and again). Rows go in in the order given (`planned` counters).
 * `then` follows the select: an ON CONFLICT clause. Resolves to the rows written.
 */
export async function insertRows(db: Queryable, table: string, written: Columns, rows: readonly Row[], then = ''): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.entries(written);
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const values = columns.map(([name]) => rows.map((row) => row[name] ?? null));
  const result = await db.query(
    `INSERT INTO ${table} (${names}) SELECT ${names} FROM unnest(${arrays}) WITH ORDINALITY AS r (${names}, n) ORDER BY n ${then}`,
    values,
  );
  return result.rowCount ?? 0;
}

/** `insertRows` that replaces the rows already stored under the same key, column by column. */
export function upsertRows(db: Queryable, table: string, key: string, written: Columns, rows: readonly Row[]) {
  const replaced = Object.keys(written)
    .filter((name) => name !== key)
    .map((name) => `${name} = excluded.${name}`);
  return insertRows(db, table, written, rows, `ON CONFLICT (${key}) DO UPDATE SET ${replaced.join(', ')}`);
}

/** The last value given for each key, in the order keys were first given: what applying them one by one leaves. */
export function lastByKey<T>(items: Iterable<T>, keyOf: (item: T) => string): T[] {
  const last = new Map<string, T>();
  for (const item of items) last.set(keyOf(item), item);
  return [...last.values()];
}
