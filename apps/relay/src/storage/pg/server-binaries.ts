import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's `postgresql` packages put each major version's server programs. */
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** A set of PostgreSQL programs the relay runs, and what to install when they are missing. */
export interface PgPrograms {
  readonly names: readonly string[];
  readonly what: string;
  readonly debianPackage: string;
}

/** initdb and postgres: the throwaway servers of the tests and benchmarks. */
export const SERVER_PROGRAMS: PgPrograms = { names: ['initdb', 'postgres'], what: 'server programs', debianPackage: 'postgresql' };

/** pg_dump and pg_restore: `relay backup` and `relay restore` on PostgreSQL (of the server's major version or newer). */
export const CLIENT_PROGRAMS: PgPrograms = {
  names: ['pg_dump', 'pg_restore'],
  what: 'client programs',
  debianPackage: 'postgresql-client',
};

function notFound(programs: PgPrograms): string {
  const extra = programs === SERVER_PROGRAMS ? ', or run `node scripts/bootstrap.mjs --with-postgres` as root' : '';
  return (
    `PostgreSQL's ${programs.what} (${programs.names.join(', ')}) were not found. Install Debian's \`${programs.debianPackage}\` package ` +
    `(\`apt-get install ${programs.debianPackage}\`${extra}), or set CONTACT_DESK_PG_BIN to the folder that holds ${programs.names.join(' and ')}.`
  );
}

function holds(binDir: string, programs: PgPrograms): boolean {
  return programs.names.every((name) => existsSync(join(binDir, name)));
}

/** The folder of PostgreSQL's server programs (see `findPgPrograms`). */
export function findServerBinaries(env: NodeJS.ProcessEnv = process.env): string {
  return findPgPrograms(SERVER_PROGRAMS, env);
}

/**
 * The folder of some of PostgreSQL's programs: CONTACT_DESK_PG_BIN when set (and then nothing
 * else, so that a wrong setting is not papered over), else the newest major version Debian
 * installed, else what `pg_config --bindir` says (other systems' packages).
 */
export function findPgPrograms(programs: PgPrograms, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.CONTACT_DESK_PG_BIN;
  if (chosen) {
    if (!holds(chosen, programs)) {
      throw new Error(`CONTACT_DESK_PG_BIN is ${chosen}, which holds no ${programs.names.join(' and ')}. ${notFound(programs)}`);
    }
    return chosen;
  }
  const versions = existsSync(DEBIAN_ROOT) ? readdirSync(DEBIAN_ROOT).filter((name) => /^\d+$/.test(name)) : [];
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    const binDir = join(DEBIAN_ROOT, version, 'bin');
    if (holds(binDir, programs)) return binDir;
  }
  try {
    const binDir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (holds(binDir, programs)) return binDir;
  } catch {
    // No pg_config on the PATH: nothing else to try.
  }
  throw new Error(notFound(programs));
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
