/** The PostgreSQL storage engine, and a throwaway local server to run it against. */
export { LocalPostgres, type LocalPostgresOptions } from './local-postgres.js';
export { SchemaTooNewError } from './migrate.js';
export { SCHEMA_VERSION } from './migrations/migrations.js';
export { openPgStorage, PgStorage, type PgStorageOptions } from './pg-storage.js';
export { BatchOutOfOrderError, LOG_CHANNEL } from './pg-write.js';
