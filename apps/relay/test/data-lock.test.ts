import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataLock } from '../src/cli/data-lock.js';

const children: { kill(): boolean }[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'relay-lock-'));
}

function lockFile(dir: string): { pid: number; url: string | null } {
  return JSON.parse(readFileSync(join(dir, 'relay.lock'), 'utf8')) as { pid: number; url: string | null };
}

describe('the data folder lock', () => {
  it('is refused while another live process holds it, and taken over from a dead one', () => {
    const dir = folder();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    children.push(other);
    writeFileSync(join(dir, 'relay.lock'), JSON.stringify({ pid: other.pid, url: 'http://127.0.0.1:4410' }));
    expect(() => new DataLock(dir).acquire()).toThrow(`another process (pid ${other.pid}) is using this data folder`);
    expect(new DataLock(dir).holder()).toEqual({ pid: other.pid, url: 'http://127.0.0.1:4410' });

    writeFileSync(join(dir, 'relay.lock'), JSON.stringify({ pid: 2 ** 22 + 12_345, url: null }));
    new DataLock(dir).acquire();
    expect(lockFile(dir)).toEqual({ pid: process.pid, url: null });
  });

  it('announces the serving address without letting go, and is released only by its owner', () => {
    const dir = folder();
    const lock = new DataLock(dir);
    lock.acquire();
    lock.announce('http://127.0.0.1:4410');
    expect(lockFile(dir)).toEqual({ pid: process.pid, url: 'http://127.0.0.1:4410' });
    lock.release();
    expect(existsSync(join(dir, 'relay.lock'))).toBe(false);

    writeFileSync(join(dir, 'relay.lock'), JSON.stringify({ pid: 1, url: null }));
    lock.release();
    lock.announce('http://elsewhere');
    expect(lockFile(dir)).toEqual({ pid: 1, url: null });
  });
});
