import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's `postgresql` packages put each major version's server programs. */
const DEBIAN_ROOT = '/usr/lib/postgresql';

const NOT_FOUND =
  "PostgreSQL's server programs (initdb, postgres) were not found. Install Debian's `postgresql` package " +
  '(`apt-get install postgresql`, or run `node scripts/bootstrap.mjs --with-postgres` as root), ' +
  'or set CONTACT_DESK_PG_BIN to the folder that holds initdb and postgres.';

function hasServer(binDir: string): boolean {
  return existsSync(join(binDir, 'initdb')) && existsSync(join(binDir, 'postgres'));
}

/**
 * The folder of PostgreSQL's server programs: CONTACT_DESK_PG_BIN when set (and then nothing
 * else, so that a wrong setting is not papered over), else the newest major version Debian
 * installed, else what `pg_config --bindir` says (other systems' packages).
 */
export function findServerBinaries(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.CONTACT_DESK_PG_BIN;
  if (chosen) {
    if (!hasServer(chosen)) throw new Error(`CONTACT_DESK_PG_BIN is ${chosen}, which holds no initdb and postgres. ${NOT_FOUND}`);
    return chosen;
  }
  const versions = existsSync(DEBIAN_ROOT) ? readdirSync(DEBIAN_ROOT).filter((name) => /^\d+$/.test(name)) : [];
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    const binDir = join(DEBIAN_ROOT, version, 'bin');
    if (hasServer(binDir)) return binDir;
  }
  try {
    const binDir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (hasServer(binDir)) return binDir;
  } catch {
    // No pg_config on the PATH: nothing else to try.
  }
  throw new Error(NOT_FOUND);
}

/** The user and group a process runs as (see `serverAccount`). */
export interface Account {
  readonly uid: number;
  readonly gid: number;
}

/**
 * Who runs the server. PostgreSQL refuses to run as root: as root, initdb and postgres run as
 * the `postgres` system account that Debian's package creates; as anyone else, as themselves
 * (undefined). They are started with Node's `uid`/`gid` spawn options rather than through
 * `runuser`, so that the child's pid is the postmaster's own (what `kill()` must signal).
 */
export function serverAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error("running as root, PostgreSQL needs a `postgres` system account to run as: install Debian's `postgresql` package");
  }
}
