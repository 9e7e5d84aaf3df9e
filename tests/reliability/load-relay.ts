import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RelayProcess } from '../support/relay-process';

/** Load tests push far faster than a person: the per-device rate limit is raised out of the way. */
export const LOAD_ENV = {
  CONTACT_DESK_MUTATIONS_PER_SECOND: '100000',
  CONTACT_DESK_MUTATION_BURST: '100000',
};

/** A real `relay serve` process for load tests, on a fixed port so clients find it after a restart. */
export function loadRelay(dataDir: string, port: number): RelayProcess {
  return new RelayProcess(dataDir, port, LOAD_ENV);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
