import type Database from 'better-sqlite3';
import { requestIdOf } from '../commit-rows.js';
import { toEvent, type EventRow } from '../event-row.js';
import type { Queryable } from './pg-connections.js';
import type { Columns, ColumnType, Row } from './pg-rows.js';

/** Rows per INSERT (a few MB of a log's payloads): one statement and one round trip for each page. */
const PAGE = 2000;

/**
 * PostgreSQL's columns that SQLite does not have, and how each is filled: the request of an event
 * is read from its payload as a relay node does when it writes one; a delivery's planning order is
 * numbered by the sequence as rows go in, in SQLite's rowid order.
 */
const DERIVED: Readonly<Record<string, Readonly<Record<string, ((row: Row) => unknown) | 'serial'>>>> = {
  events: { request_id: (row) => requestIdOf(toEvent(row as unknown as EventRow)) },
  deliveries: { planned: 'serial' },
};

/** The order rows are copied in: the log by seq (its foreign keys point back), the outbox in planning order. */
const ORDER: Readonly<Record<string, string>> = { events: 'seq', deliveries: 'rowid' };

/** A table to copy: the columns read from SQLite, and those written to PostgreSQL with their types. */
export interface TablePlan {
  readonly table: string;
  readonly read: readonly string[];
  readonly written: Columns;
}

const TYPES: Readonly<Record<string, ColumnType>> = { text: 'text', bigint: 'bigint', integer: 'integer' };

/**
 * Every table of the SQLite file matched with PostgreSQL's, column by column, from both catalogs:
 * a table or a column on one side that the other has no place for (and that `DERIVED` does not
 * fill) stops the migration before anything is written, rather than leaving part of the record behind.
 */
export async function planTables(sqlite: Database.Database, pg: Queryable): Promise<TablePlan[]> {
  const { rows } = await pg.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> 'schema_migrations' ORDER BY table_name, ordinal_position`,
  );
  const target = new Map<string, Map<string, string>>();
  for (const row of rows) target.set(row.table_name, (target.get(row.table_name) ?? new Map()).set(row.column_name, row.data_type));
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
  }[];
  const plans = tables.map(({ name }) => {
    const columns = target.get(name);
    if (!columns) throw new Error(`the SQLite table ${name} has no counterpart in PostgreSQL's schema`);
    const read = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]).map((column) => column.name);
    const missing = read.find((column) => !columns.has(column));
    if (missing) throw new Error(`the column ${name}.${missing} has no counterpart in PostgreSQL's schema`);
    const written: Record<string, ColumnType> = {};
    for (const [column, dataType] of columns) {
      const derived = DERIVED[name]?.[column];
      if (derived === 'serial') continue;
      if (!read.includes(column) && !derived) throw new Error(`nothing in the SQLite file fills ${name}.${column}`);
      const type = TYPES[dataType];
      if (!type) throw new Error(`${name}.${column} has the type ${dataType}, which the migration does not copy`);
      written[column] = type;
    }
    return { table: name, read, written };
  });
  const unmatched = [...target.keys()].filter((name) => !plans.some((plan) => plan.table === name));
  if (unmatched.length > 0) throw new Error(`PostgreSQL's tables ${unmatched.join(', ')} have no counterpart in the SQLite file`);
  // The log first: event_platforms refers to it.
  return plans.sort((a, b) => Number(b.table === 'events') - Number(a.table === 'events'));
}

/**
 * One page of rows in one statement, sent as a single JSON document: PostgreSQL parses it faster
 * than node-postgres escapes the same values into array literals (`insertRows`), a gap that only
 * shows at a whole record's size. Rows go in in the order given (a delivery's `planned`).
 */
async function insertPage(pg: Queryable, plan: TablePlan, page: readonly Row[]): Promise<number> {
  const names = Object.keys(plan.written);
  const typed = Object.entries(plan.written).map(([name, type]) => `${name} ${type}`);
  const result = await pg.query(
    `INSERT INTO ${plan.table} (${names.join(', ')}) SELECT ${names.join(', ')}
     FROM ROWS FROM (json_to_recordset($1::json) AS (${typed.join(', ')})) WITH ORDINALITY AS r (${names.join(', ')}, n) ORDER BY n`,
    [JSON.stringify(page)],
  );
  return result.rowCount ?? 0;
}

/**
 * Copies one table's rows page by page; resolves to the number copied. Stored text (payloads,
 * hashes, documents) goes in as it is. The next page is read while the server writes the last one.
 */
export async function copyTable(sqlite: Database.Database, pg: Queryable, plan: TablePlan): Promise<number> {
  const order = ORDER[plan.table];
  const select = sqlite.prepare(`SELECT ${plan.read.join(', ')} FROM ${plan.table}${order ? ` ORDER BY ${order}` : ''}`);
  const derived = Object.entries(DERIVED[plan.table] ?? {}).filter(
    (entry): entry is [string, (row: Row) => unknown] => entry[1] !== 'serial',
  );
  let copied = 0;
  let writing: Promise<number> = Promise.resolve(0);
  let page: Row[] = [];
  const send = async () => {
    copied += await writing;
    writing = insertPage(pg, plan, page);
    // Heard at the next page, or by the caller; until then a failure must not go unhandled.
    writing.catch(() => undefined);
    page = [];
  };
  for (const row of select.iterate() as IterableIterator<Record<string, unknown>>) {
    for (const [column, fill] of derived) row[column] = fill(row);
    page.push(row);
    if (page.length >= PAGE) await send();
  }
  if (page.length > 0) await send();
  return copied + (await writing);
}

/** The tables of a plan that already hold rows. */
export async function tablesWithRows(pg: Queryable, plans: readonly TablePlan[]): Promise<string[]> {
  const held: string[] = [];
  for (const { table } of plans) if ((await pg.query(`SELECT 1 FROM ${table} LIMIT 1`)).rowCount) held.push(table);
  return held;
}
