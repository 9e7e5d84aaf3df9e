import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LockHolder {
  readonly pid: number;
  /** Where the serving relay listens, for the CLI's admin requests. */
  readonly url: string | null;
}

/**
 * One writer per data file: the serving relay keeps its state in memory, so a CLI command must
 * not write to the file behind its back. The lock names the owner's pid and, for a serving
 * relay, its address, so the CLI can send its changes through the relay instead.
 */
export class DataLock {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'relay.lock');
  }

  holder(): LockHolder | undefined {
    if (!existsSync(this.file)) return undefined;
    let holder: LockHolder;
    try {
      holder = JSON.parse(readFileSync(this.file, 'utf8')) as LockHolder;
    } catch {
      return undefined;
    }
    if (!Number.isInteger(holder.pid) || holder.pid <= 0 || holder.pid === process.pid) return undefined;
    try {
      process.kill(holder.pid, 0);
      return holder;
    } catch {
      return undefined;
    }
  }

  acquire(url: string | null = null): void {
    const holder = this.holder();
    if (holder !== undefined) throw new Error(`another process (pid ${holder.pid}) is using this data folder`);
    writeFileSync(this.file, `${JSON.stringify({ pid: process.pid, url })}\n`);
  }

  release(): void {
    if (!existsSync(this.file)) return;
    try {
      if ((JSON.parse(readFileSync(this.file, 'utf8')) as LockHolder).pid === process.pid) rmSync(this.file);
    } catch {
      // not ours
    }
  }
}
