import type { Command } from 'commander';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { databaseFile } from '../config.js';
import { backupDataFile, BackupError, restoreDataFile, type DataFileReport } from '../storage/backup.js';
import { DataLock } from './data-lock.js';
import { databaseUrlOption, dataDirOption } from './data-dir-option.js';
import { cliDatabaseUrl } from './open-core.js';
import { maskingErrors, maskUrl } from '../storage/pg/pg-url.js';

function describe(report: DataFileReport): string {
  return `${report.events} events, head ${report.headSeq} ${report.headHash}, ${report.bytes} bytes, integrity ok, chain ok`;
}

/**
 * Takes the data folder's lock for `work`, refusing while a relay or another command holds it:
 * a serving relay keeps its state in memory, and would go on from a record that is no longer there.
 */
export async function withDataFolder<T>(dataDir: string, doing: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  const lock = new DataLock(dataDir);
  const holder = lock.holder();
  if (holder !== undefined) {
    const serving = holder.url ? `a relay serving ${holder.url}` : 'another relay command';
    throw new BackupError(`${serving} (pid ${holder.pid}) is using ${dataDir}; stop it before ${doing}`);
  }
  lock.acquire();
  try {
    return await work();
  } finally {
    lock.release();
  }
}

interface BackupOptions {
  dataDir: string;
  databaseUrl?: string;
}

/** `relay backup`: the data file copied online, or the PostgreSQL database dumped; verified either way. */
async function backup(file: string, opts: BackupOptions, out: (text: string) => void): Promise<void> {
  const databaseUrl = cliDatabaseUrl(opts.databaseUrl);
  if (!databaseUrl) {
    const report = await backupDataFile(databaseFile({ dataDir: resolve(opts.dataDir) }), resolve(file));
    return out(`backup ${report.file}: ${describe(report)}`);
  }
  const { backupDatabase } = await import('../storage/pg/pg-backup.js');
  const report = await maskingErrors(databaseUrl, () => backupDatabase(databaseUrl, resolve(file)));
  out(
    `backup ${report.file}: ${report.events} events, head ${report.headSeq} ${report.headHash}, ${report.bytes} bytes, ` +
      `restored into a scratch database and checked there: chain ok, projections ok (${report.entities} entities); ` +
      `dump ${report.dumpMs} ms, check ${report.verifyMs} ms`,
  );
}

interface RestoreOptions extends BackupOptions {
  nodesStopped?: boolean;
}

/** `relay restore`: the data file replaced by a backup, or the PostgreSQL database by a dump; the replaced one kept aside. */
async function restore(file: string, opts: RestoreOptions, out: (text: string) => void): Promise<void> {
  const dataDir = resolve(opts.dataDir);
  const databaseUrl = cliDatabaseUrl(opts.databaseUrl);
  if (!databaseUrl) {
    const { restored, replacedBy } = await withDataFolder(dataDir, 'restoring', () =>
      restoreDataFile(resolve(file), databaseFile({ dataDir })),
    );
    out(`restored ${restored.file}: ${describe(restored)}`);
    if (replacedBy) out(`the replaced data file is kept as ${replacedBy}`);
    return;
  }
  if (!opts.nodesStopped) {
    throw new BackupError(
      'stop every relay node sharing the database, then run again with --nodes-stopped: each node serves the state it holds in memory, ' +
        'and would go on writing after a head the restored log no longer has',
    );
  }
  const { restoreDatabase } = await import('../storage/pg/pg-backup.js');
  const report = await withDataFolder(dataDir, 'restoring', () =>
    maskingErrors(databaseUrl, () => restoreDatabase(databaseUrl, resolve(file))),
  );
  const { restored } = report;
  out(
    `restored ${resolve(file)} into ${maskUrl(databaseUrl)}: ${restored.events} events, head ${restored.headSeq} ${restored.headHash}, ` +
      `chain ok, projections ok (${restored.entities} entities), ${report.restoreMs} ms`,
  );
  if (report.replacedBy) out(`the replaced database is kept as ${report.replacedBy}`);
  out('devices that hold events recorded after this backup resynchronise from the restored log when they next connect');
}

/** `relay backup` and `relay restore`: an online, verified copy of the record, and its return. */
export function backupCommands(program: Command, out: (text: string) => void): void {
  program
    .command('backup <file>')
    .description('copy the record to <file> (also while relays serve), then verify the copy; with a database URL, a pg_dump of it')
    .addOption(databaseUrlOption())
    .addOption(dataDirOption())
    .action((file: string, opts: BackupOptions) => backup(file, opts, out));
  program
    .command('restore <file>')
    .description('replace the record with a verified backup; relays must be stopped; the replaced file or database is kept aside')
    .option('--nodes-stopped', 'with a database URL: confirms that every relay node sharing the database is stopped')
    .addOption(databaseUrlOption())
    .addOption(dataDirOption())
    .action((file: string, opts: RestoreOptions) => restore(file, opts, out));
}
