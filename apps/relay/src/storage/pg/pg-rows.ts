import type { Queryable } from './pg-connections.js';

/** A column written through `insertRows`, with the SQL type of its array parameter. */
export interface Column {
  readonly name: string;
  readonly type: 'text' | 'bigint' | 'integer';
}

export function columns(types: Record<string, Column['type']>): Column[] {
  return Object.entries(types).map(([name, type]) => ({ name, type }));
}

/**
 * `INSERT … SELECT FROM unnest(…)`: any number of rows in one statement and one round trip, one
 * array parameter per column (a statement's text does not grow with its rows, so the server
 * parses the same few texts again and again). Rows go in in the order given (`planned` counters).
 * `then` follows the select: an ON CONFLICT clause. Resolves to the rows written.
 */
export async function insertRows(
  db: Queryable,
  table: string,
  written: readonly Column[],
  rows: readonly (readonly unknown[])[],
  then = '',
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = written.map((column) => column.name).join(', ');
  const arrays = written.map((column, i) => `$${i + 1}::${column.type}[]`).join(', ');
  const values = written.map((_, i) => rows.map((row) => row[i] ?? null));
  const result = await db.query(
    `INSERT INTO ${table} (${names}) SELECT ${names} FROM unnest(${arrays}) WITH ORDINALITY AS r (${names}, n) ORDER BY n ${then}`,
    values,
  );
  return result.rowCount ?? 0;
}

/** `insertRows` that replaces the rows already stored under the same key, column by column. */
export function upsertRows(db: Queryable, table: string, key: string, written: readonly Column[], rows: readonly (readonly unknown[])[]) {
  const replaced = written.filter((column) => column.name !== key).map((column) => `${column.name} = excluded.${column.name}`);
  return insertRows(db, table, written, rows, `ON CONFLICT (${key}) DO UPDATE SET ${replaced.join(', ')}`);
}

/** The last value given for each key, in the order keys were first given: what applying them one by one leaves. */
export function lastByKey<T>(items: Iterable<T>, keyOf: (item: T) => string): T[] {
  const last = new Map<string, T>();
  for (const item of items) last.set(keyOf(item), item);
  return [...last.values()];
}
