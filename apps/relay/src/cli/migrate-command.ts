import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { databaseFile } from '../config.js';
import { secretKeyFile } from '../outreach/secret-box.js';
import { verifyDataFile } from '../storage/backup.js';
import { SCHEMA_VERSION } from '../storage/sqlite-schema.js';
import { withDataFolder } from './backup-commands.js';
import { cliDatabaseUrl } from './open-core.js';
import { databaseUrlOption, dataDirOption } from './data-dir-option.js';

/**
 * `relay migrate`: the data folder's SQLite record copied into an empty PostgreSQL database —
 * every event with its stored text and hashes, every projection, credential and outbox row — in
 * one transaction, then checked there as `relay audit verify` would. The folder stays as it was.
 */
async function migrate(opts: { dataDir: string; databaseUrl?: string }, out: (text: string) => void): Promise<void> {
  const url = cliDatabaseUrl(opts.databaseUrl);
  if (!url) throw new Error('give the database to migrate into: --database-url postgres://… (or CONTACT_DESK_DATABASE_URL)');
  const dataDir = resolve(opts.dataDir);
  const file = databaseFile({ dataDir });
  if (!existsSync(file)) throw new Error(`no data file at ${file}`);
  const { copyFromSqlite, MigrationError } = await import('../storage/pg/copy-from-sqlite.js');
  const { verifyDatabase } = await import('../storage/pg/pg-verify.js');
  const { maskUrl, maskingErrors } = await import('../storage/pg/pg-url.js');
  await withDataFolder(dataDir, 'migrating', () =>
    maskingErrors(url, async () => {
      const started = Date.now();
      const source = verifyDataFile(file);
      if (source.schemaVersion < SCHEMA_VERSION) {
        throw new MigrationError(
          `${file} has schema version ${source.schemaVersion}: start the relay on it once to bring it up to date, stop it, then migrate`,
        );
      }
      const sourceHead = { seq: source.headSeq, hash: source.headHash };
      const copy = await copyFromSqlite(file, url, sourceHead);
      const check = await verifyDatabase(url).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(
          `the copy was written but fails its check on PostgreSQL: ${reason}; drop that database before migrating again`,
        );
      });
      if (check.headSeq !== source.headSeq || check.headHash !== source.headHash) {
        throw new MigrationError(
          `the database's log ends at ${check.headSeq}:${check.headHash}, not at the data file's head: did a relay node write to it?`,
        );
      }
      out(`migrated ${file} into ${maskUrl(url)} in ${Date.now() - started} ms (copy ${copy.copyMs} ms, check ${check.verifyMs} ms)`);
      out(`  log: ${check.events} events, head ${check.headSeq}:${check.headHash}, the same as the data file's`);
      out(`  rows: ${[...copy.counts].map(([table, n]) => `${table} ${n}`).join(', ')} (each table's count equal to the data file's)`);
      out(`  checked on PostgreSQL: chain ok, projections ok (${check.entities} entities match the log)`);
      out(
        `  webhook secrets: ${copy.counts.get('webhook_secrets') ?? 0} copied still sealed with ${secretKeyFile(dataDir)}; ` +
          'every relay node needs a copy of that key file in its own data folder to sign and send webhooks',
      );
    }),
  );
}

export function migrateCommand(program: Command, out: (text: string) => void): void {
  program
    .command('migrate')
    .description("copy the data folder's SQLite record (hashes and all) into an empty PostgreSQL database, then verify it there")
    .addOption(databaseUrlOption())
    .addOption(dataDirOption())
    .action((opts: { dataDir: string; databaseUrl?: string }) => migrate(opts, out));
}
