import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One writer per data file: the serving relay keeps its state in memory, so a CLI command that
 * wrote to the file behind its back would break the sequence. The lock names the owner's pid.
 */
export class DataLock {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'relay.lock');
  }

  holder(): number | undefined {
    if (!existsSync(this.file)) return undefined;
    const pid = Number(readFileSync(this.file, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
    try {
      process.kill(pid, 0);
      return pid;
    } catch {
      return undefined;
    }
  }

  acquire(): void {
    const holder = this.holder();
    if (holder !== undefined) {
      throw new Error(
        `the relay (pid ${holder}) is using this data folder; stop it first, or make this change from the app's administration screen`,
      );
    }
    writeFileSync(this.file, `${process.pid}\n`);
  }

  release(): void {
    if (existsSync(this.file) && Number(readFileSync(this.file, 'utf8').trim()) === process.pid) rmSync(this.file);
  }
}
