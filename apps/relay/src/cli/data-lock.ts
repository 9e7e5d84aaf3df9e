import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LockHolder {
  readonly pid: number;
  /** Where the serving relay listens, for the CLI's admin requests. */
  readonly url: string | null;
  /** SHA-256 of the certificate a relay serving HTTPS presents, which the CLI pins (absent: plain HTTP). */
  readonly certificate?: string | null;
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

  /**
   * Takes the lock, or throws when a live process holds it. The file is created exclusively, so
   * of two processes starting at once exactly one gets it; a lock left by a dead process is
   * cleared first.
   */
  acquire(url: string | null = null): void {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        writeFileSync(this.file, this.content(url), { flag: 'wx' });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = this.holder();
      if (holder !== undefined) throw new Error(`another process (pid ${holder.pid}) is using this data folder`);
      rmSync(this.file, { force: true });
    }
    throw new Error('another process took this data folder at the same moment');
  }

  /**
   * Records the address of the relay holding the lock (and the fingerprint of the certificate it
   * serves, again after each reload), without ever letting go of it.
   */
  announce(url: string, certificate: string | null = null): void {
    if (this.ownedByMe()) writeFileSync(this.file, this.content(url, certificate));
  }

  private content(url: string | null, certificate: string | null = null): string {
    return `${JSON.stringify({ pid: process.pid, url, ...(certificate ? { certificate } : {}) })}\n`;
  }

  private ownedByMe(): boolean {
    try {
      return (JSON.parse(readFileSync(this.file, 'utf8')) as LockHolder).pid === process.pid;
    } catch {
      return false;
    }
  }

  release(): void {
    if (this.ownedByMe()) rmSync(this.file, { force: true });
  }
}
