#!/usr/bin/env node
// Installs whatever is missing so that `npm test`, `npm run demo` and `npm run bench` work on a
// fresh machine with only Node 20+ and npm. Uses nothing but Node's standard library.
//
// 1. npm packages: `npm ci --ignore-scripts` when node_modules is missing or older than the lock
//    file. Lifecycle scripts are skipped on purpose: some (Electron's binary download) need hosts
//    that closed networks cannot reach; the native pieces are handled one by one below.
// 2. better-sqlite3: loaded once; when its native binding is missing or built for another Node,
//    it is rebuilt (a prebuilt download when reachable, otherwise a build from source).
// 3. Electron: its binary download is attempted when the package is installed and the binary is
//    not; when it cannot be fetched, the desktop app falls back to the web client.
// 4. With --with-browser (the test command): Chromium for the end-to-end tests, from the system's
//    packages (Debian/Ubuntu, as root) when it is missing; elsewhere set CHROMIUM_PATH.
// 5. With --with-postgres (the test and bench commands): PostgreSQL's server programs, from the
//    system's packages (Debian's `postgresql`, as root) when no initdb is found; the tests start
//    throwaway servers of their own with them (apps/relay/src/storage/pg/local-postgres.ts), never
//    the system's cluster. Elsewhere install PostgreSQL, or set CONTACT_DESK_PG_BIN to its bin folder.
// 6. With --with-nginx (the test command): nginx, from the system's packages (Debian's `nginx`, as
//    root) when it is missing, for the reverse-proxy test, which runs a throwaway nginx of its own
//    on a port of its own; the package's own service is not started. Elsewhere install nginx, or
//    set NGINX_PATH.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const stampPath = join(root, 'node_modules', '.contact-desk-bootstrap.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = process.env.CONTACT_DESK_BOOTSTRAP_QUIET === '1';

function say(message) {
  if (!quiet) process.stderr.write(`[bootstrap] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: options.capture ? 'pipe' : 'inherit',
    encoding: 'utf8',
    timeout: options.timeoutMs,
    env: { ...process.env, ...options.env },
  });
  return result;
}

function expectedStamp() {
  const lockPath = join(root, 'package-lock.json');
  const lock = existsSync(lockPath) ? readFileSync(lockPath) : Buffer.from('no-lock');
  return {
    lock: createHash('sha256').update(lock).digest('hex'),
    abi: process.versions.modules,
    platform: `${process.platform}-${process.arch}`,
  };
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampPath, 'utf8'));
  } catch {
    return undefined;
  }
}

function sameStamp(a, b) {
  return a !== undefined && a.lock === b.lock && a.abi === b.abi && a.platform === b.platform;
}

function installPackages() {
  // `npm install` rather than `npm ci`: with the lock file in sync it installs exactly the locked
  // tree, and it tolerates the platform-specific optional packages that npm 11 leaves out of the
  // lock file (turbo's and esbuild's binaries for other systems), which `npm ci` rejects.
  const args = ['install', '--ignore-scripts'];
  say(`installing npm packages (npm ${args.join(' ')})…`);
  const result = run(npm, [...args, '--no-audit', '--no-fund']);
  if (result.status !== 0) {
    throw new Error(`npm ${args[0]} failed with exit code ${result.status}`);
  }
}

function sqliteLoads() {
  const check = run(
    process.execPath,
    ['-e', "const D=require('better-sqlite3'); new D(':memory:').prepare('select 1').get()"],
    { capture: true, env: { NODE_PATH: '' } },
  );
  return check.status === 0;
}

function ensureSqlite() {
  const require = createRequire(join(root, 'apps', 'relay', 'package.json'));
  let packageDir;
  try {
    packageDir = dirname(require.resolve('better-sqlite3/package.json'));
  } catch {
    return; // not a dependency of this checkout
  }
  if (sqliteLoads()) return;
  say('building the better-sqlite3 native module (prebuilt if reachable, else from source)…');
  const result = spawnSync(npm, ['run', 'install', '--foreground-scripts'], {
    cwd: packageDir,
    stdio: 'inherit',
    env: process.env,
  });
  if (result.status !== 0 || !sqliteLoads()) {
    throw new Error(
      'better-sqlite3 could not be built: a C++ toolchain (python3, make, g++) is needed to build it from source',
    );
  }
}

/** Tries the Electron download once per lock file; returns whether the binary is there. */
function ensureElectron(previous, lock) {
  const packageDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'install.js'))) return false;
  if (existsSync(join(packageDir, 'path.txt'))) return true;
  if (previous?.electron === 'unavailable' && previous.lock === lock) return false;
  say('fetching the Electron binary…');
  const result = spawnSync(process.execPath, ['install.js'], {
    cwd: packageDir,
    stdio: 'pipe',
    timeout: 180_000,
    env: process.env,
  });
  if (result.status === 0) return true;
  say('the Electron binary could not be fetched here; the app will run as a web client instead.');
  return false;
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  const canApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (!canApt) {
    say(`Chromium is not at ${path}: the browser tests need it (install it, or set CHROMIUM_PATH).`);
    return;
  }
  say('installing Chromium for the browser tests (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core', 'fonts-liberation'], {
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) throw new Error('Chromium could not be installed with apt-get');
}

/** Where initdb is, looked for as the relay's LocalPostgres looks (server-binaries.ts); undefined when nowhere. */
function findInitdb() {
  const chosen = process.env.CONTACT_DESK_PG_BIN;
  if (chosen) return existsSync(join(chosen, 'initdb')) ? chosen : undefined;
  const debianRoot = '/usr/lib/postgresql';
  const versions = existsSync(debianRoot) ? readdirSync(debianRoot).filter((name) => /^\d+$/.test(name)) : [];
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    if (existsSync(join(debianRoot, version, 'bin', 'initdb'))) return join(debianRoot, version, 'bin');
  }
  const pgConfig = run('pg_config', ['--bindir'], { capture: true });
  const binDir = pgConfig.status === 0 ? pgConfig.stdout.trim() : '';
  return binDir && existsSync(join(binDir, 'initdb')) ? binDir : undefined;
}

function ensurePostgres() {
  if (findInitdb()) return;
  const canApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (!canApt) {
    say("PostgreSQL (initdb) was not found: the relay's PostgreSQL tests need it (install it, or set CONTACT_DESK_PG_BIN).");
    return;
  }
  say("installing PostgreSQL for the relay's storage tests (apt-get install postgresql)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
  if (result.status !== 0 || !findInitdb()) throw new Error('PostgreSQL could not be installed with apt-get');
}

function findNginx() {
  const chosen = process.env.NGINX_PATH;
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  return ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
}

function ensureNginx() {
  if (findNginx()) return;
  const canApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (!canApt) {
    say('nginx was not found: the reverse-proxy test needs it (install it, or set NGINX_PATH).');
    return;
  }
  say('installing nginx for the reverse-proxy test (apt-get install nginx)…');
  // RUNLEVEL=1: the package's scripts install the service without starting it on port 80.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], { stdio: 'inherit', env });
  if (result.status !== 0 || !findNginx()) throw new Error('nginx could not be installed with apt-get');
}

const wanted = expectedStamp();
const previous = readStamp();
if (!existsSync(join(root, 'node_modules')) || !sameStamp(previous, wanted)) {
  installPackages();
}
ensureSqlite();
const electron = ensureElectron(previous, wanted.lock) ? 'installed' : 'unavailable';
if (process.argv.includes('--with-browser')) ensureChromium();
if (process.argv.includes('--with-postgres')) ensurePostgres();
if (process.argv.includes('--with-nginx')) ensureNginx();
writeFileSync(stampPath, `${JSON.stringify({ ...wanted, electron })}\n`);
