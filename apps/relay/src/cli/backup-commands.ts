import type { Command } from 'commander';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { databaseFile } from '../config.js';
import { backupDataFile, BackupError, restoreDataFile, type DataFileReport } from '../storage/backup.js';
import { DataLock } from './data-lock.js';
import { dataDirOption } from './options.js';

function describe(report: DataFileReport): string {
  return `${report.events} events, head ${report.headSeq} ${report.headHash}, ${report.bytes} bytes, integrity ok, chain ok`;
}

/** `relay backup` and `relay restore`: an online, verified copy of the data file, and its return. */
export function backupCommands(program: Command, out: (text: string) => void): void {
  program
    .command('backup <file>')
    .description('copy the data file to <file> (also while the relay serves), then verify the copy')
    .addOption(dataDirOption())
    .action(async (file: string, opts: { dataDir: string }) => {
      const report = await backupDataFile(databaseFile({ dataDir: resolve(opts.dataDir) }), resolve(file));
      out(`backup ${report.file}: ${describe(report)}`);
    });
  program
    .command('restore <file>')
    .description('replace the data file with a verified backup; the relay must be stopped; the old file is kept aside')
    .addOption(dataDirOption())
    .action(async (file: string, opts: { dataDir: string }) => {
      const dataDir = resolve(opts.dataDir);
      mkdirSync(dataDir, { recursive: true });
      const lock = new DataLock(dataDir);
      const holder = lock.holder();
      if (holder !== undefined) {
        const serving = holder.url ? `a relay serving ${holder.url}` : 'another relay command';
        throw new BackupError(`${serving} (pid ${holder.pid}) is using ${dataDir}; stop it before restoring`);
      }
      lock.acquire();
      try {
        const { restored, replacedBy } = await restoreDataFile(resolve(file), databaseFile({ dataDir }));
        out(`restored ${restored.file}: ${describe(restored)}`);
        if (replacedBy) out(`the replaced data file is kept as ${replacedBy}`);
      } finally {
        lock.release();
      }
    });
}
