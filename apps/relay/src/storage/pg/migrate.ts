import type pg from 'pg';
import { advisoryKey, inTransaction } from './pg-connections.js';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/migrations.js';

/** The database was brought to a newer schema by a newer relay: this one must not write to it. */
export class SchemaTooNewError extends Error {
  constructor(readonly databaseVersion: number) {
    super(`this database has schema version ${databaseVersion}; this relay knows up to ${SCHEMA_VERSION}: run the newer relay`);
    this.name = 'SchemaTooNewError';
  }
}

const MIGRATION_LOCK = advisoryKey('schema-migrations');

/**
 * Brings the database to the current schema: every missing step in one transaction, under an
 * advisory lock so that nodes starting together apply each step once (the others wait, then find
 * nothing to do). Resolves to the version the database had before.
 */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  return inTransaction(pool, 'BEGIN', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version     INTEGER     PRIMARY KEY,
      name        TEXT        NOT NULL,
      applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    const current = rows[0]?.version ?? 0;
    if (current > latest) throw new SchemaTooNewError(current);
    for (const migration of migrations.filter((step) => step.version > current)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    return current;
  });
}
