#!/usr/bin/env node
// Installs whatever is missing so that `npm test`, `npm run demo` and `npm run bench` work on a
// fresh machine with only Node 20+ and npm, then runs the commands given with `--run` on the supported
// Node. Uses nothing but Node's standard library.
//
// 0. Node: Node 24 LTS runs everything. When the machine's Node is older, the pinned release is brought
//    from the npm registry into .runtime/ (scripts/node-runtime.mjs, docs/decisions/0021-node-24-runtime.md).
// 1. npm packages: `npm ci --ignore-scripts` when node_modules is missing or older than the lock
//    file. Lifecycle scripts are skipped on purpose: some (Electron's binary download) need hosts
//    that closed networks cannot reach; the native pieces are handled one by one below.
// 2. better-sqlite3: loaded once; when its native binding is missing or built for another Node,
//    it is rebuilt for the Node of step 0 (a prebuilt download when reachable, otherwise a build from
//    source against that Node's own headers).
// 3. Electron: its binary download is attempted when the package is installed and the binary is
//    not; when it cannot be fetched, the desktop app falls back to the web client.
// 4. With --with-browser (the test command): Chromium for the end-to-end tests, from the system's
//    packages (Debian/Ubuntu, as root) when it is missing; elsewhere set CHROMIUM_PATH.
// 5. With --with-postgres (the test and bench commands): PostgreSQL's server programs, from the
//    system's packages (Debian's `postgresql`, as root) when no initdb is found; the tests start
//    throwaway servers of their own with them (apps/relay/src/storage/pg/local-postgres.ts), never
//    the system's cluster. Elsewhere install PostgreSQL, or set CONTACT_DESK_PG_BIN to its bin folder.
// 6. With --with-proxies (the test command): nginx and Caddy, from the system's packages (as root), for
//    the reverse-proxy tests, which run throwaway servers of their own on ports of their own; the
//    packages' own services are not started. Elsewhere install them, or set NGINX_PATH and CADDY_PATH.
// 7. `--run "<command>"` (repeatable): each command in turn, through the shell, with the Node of step 0
//    first on PATH and node_modules/.bin next; the first failure stops the rest with its exit code. Any
//    arguments after the last command (`npm run demo -- --reset`) are appended to it.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRuntime } from './node-runtime.mjs';

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

function expectedStamp(runtime) {
  const lockPath = join(root, 'package-lock.json');
  const lock = existsSync(lockPath) ? readFileSync(lockPath) : Buffer.from('no-lock');
  return {
    lock: createHash('sha256').update(lock).digest('hex'),
    node: runtime.version,
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
  return a !== undefined && a.lock === b.lock && a.node === b.node && a.platform === b.platform;
}

function installPackages() {
  // `npm ci`: exactly the locked tree, and the lock file left as it is. The lock holds every
  // system's optional binaries (turbo's, esbuild's), so it is in sync on any of them. A lock out of
  // sync with a package.json (a dependency edited by hand) falls back to `npm install`, which
  // brings the lock up to date: commit it.
  say('installing npm packages (npm ci --ignore-scripts)…');
  const options = ['--ignore-scripts', '--no-audit', '--no-fund'];
  if (run(npm, ['ci', ...options]).status === 0) return;
  say('npm ci refused the lock file; installing with npm install, which updates package-lock.json…');
  const result = run(npm, ['install', ...options]);
  if (result.status !== 0) throw new Error(`npm install failed with exit code ${result.status}`);
}

function sqliteLoads(runtime) {
  const check = run(runtime.node, ['-e', "const D=require('better-sqlite3'); new D(':memory:').prepare('select 1').get()"], {
    capture: true,
    env: { NODE_PATH: '' },
  });
  return check.status === 0;
}

/** The environment a child runs in: the runtime's Node first on PATH, and native builds against its headers. */
function runtimeEnv(runtime) {
  const env = { ...process.env };
  const pathKey = Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
  env[pathKey] = [runtime.binDir, join(root, 'node_modules', '.bin'), env[pathKey]].filter(Boolean).join(delimiter);
  env.npm_node_execpath = runtime.node;
  env.NODE = runtime.node;
  if (runtime.headersDir) env.npm_config_nodedir = runtime.headersDir;
  return env;
}

function ensureSqlite(runtime) {
  const require = createRequire(join(root, 'apps', 'relay', 'package.json'));
  let packageDir;
  try {
    packageDir = dirname(require.resolve('better-sqlite3/package.json'));
  } catch {
    return; // not a dependency of this checkout
  }
  if (sqliteLoads(runtime)) return;
  say(`building the better-sqlite3 native module for Node ${runtime.version} (prebuilt if reachable, else from source)…`);
  const result = spawnSync(npm, ['run', 'install', '--foreground-scripts'], {
    cwd: packageDir,
    stdio: 'inherit',
    env: runtimeEnv(runtime),
    shell: process.platform === 'win32',
  });
  if (result.status !== 0 || !sqliteLoads(runtime)) {
    throw new Error('better-sqlite3 could not be built: a C++ toolchain (python3, make, g++) is needed to build it from source');
  }
}

/** Tries the Electron download once per lock file; returns whether the binary is there. */
function ensureElectron(runtime, previous, lock) {
  const packageDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'install.js'))) return false;
  if (existsSync(join(packageDir, 'path.txt'))) return true;
  if (previous?.electron === 'unavailable' && previous.lock === lock) return false;
  say('fetching the Electron binary…');
  const result = spawnSync(runtime.node, ['install.js'], {
    cwd: packageDir,
    stdio: 'pipe',
    timeout: 180_000,
    env: runtimeEnv(runtime),
  });
  if (result.status === 0) return true;
  say('the Electron binary could not be fetched here; the app will run as a web client instead.');
  return false;
}

/**
 * Installs Debian packages when `found()` says the program is missing: with apt-get as root on Debian or
 * Ubuntu, otherwise by saying what to install. RUNLEVEL=1 keeps the packages' services from starting.
 */
function ensureSystemPackages({ found, packages, purpose, elsewhere }) {
  if (found()) return;
  const canApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (!canApt) {
    say(`${purpose} need ${packages[0]}, which was not found: ${elsewhere}.`);
    return;
  }
  say(`installing ${packages.join(', ')}: ${purpose} need it (apt-get install)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  if (result.status !== 0 || !found()) throw new Error(`${packages.join(', ')} could not be installed with apt-get`);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

/** A program at the path its variable names, else at the first of the usual places that exists. */
function findProgram(variable, places) {
  const chosen = process.env[variable];
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  return places.find((path) => existsSync(path));
}

const SYSTEM_NEEDS = {
  '--with-browser': {
    found: () => existsSync(chromium),
    packages: ['chromium', 'fonts-dejavu-core', 'fonts-liberation'],
    purpose: 'the browser tests',
    elsewhere: 'install it, or set CHROMIUM_PATH',
  },
  '--with-postgres': {
    found: findInitdb,
    packages: ['postgresql'],
    purpose: "the relay's PostgreSQL tests and bench",
    elsewhere: 'install PostgreSQL, or set CONTACT_DESK_PG_BIN to its bin folder',
  },
  '--with-proxies': {
    found: () =>
      findProgram('NGINX_PATH', ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) &&
      findProgram('CADDY_PATH', ['/usr/bin/caddy', '/usr/local/bin/caddy']),
    packages: ['nginx', 'caddy'],
    purpose: 'the reverse-proxy tests',
    elsewhere: 'install nginx and Caddy, or set NGINX_PATH and CADDY_PATH',
  },
};

/** `--run` commands, with any arguments after the last one appended to it, shell-quoted. */
function commandsToRun(argv) {
  const commands = [];
  let last = -1;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] !== '--run') continue;
    if (argv[i + 1] === undefined) throw new Error('--run needs a command');
    commands.push(argv[i + 1]);
    last = i + 1;
  }
  const extra = last < 0 ? [] : argv.slice(last + 1);
  if (extra.length > 0) commands[commands.length - 1] += ` ${extra.map(quoteArgument).join(' ')}`;
  return commands;
}

function quoteArgument(argument) {
  if (/^[\w@%+=:,./-]+$/.test(argument)) return argument;
  return process.platform === 'win32' ? `"${argument.replace(/"/g, '""')}"` : `'${argument.replace(/'/g, "'\\''")}'`;
}

/** Runs one command on the runtime; resolves with its exit code, passing SIGINT/SIGTERM on to it. */
function runOnRuntime(runtime, command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: 'inherit', env: runtimeEnv(runtime) });
    const pass = (signal) => child.kill(signal);
    process.on('SIGINT', pass).on('SIGTERM', pass);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', pass).off('SIGTERM', pass);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 143));
    });
  });
}

const runtime = ensureRuntime(root, say);
const wanted = expectedStamp(runtime);
const previous = readStamp();
if (!existsSync(join(root, 'node_modules')) || !sameStamp(previous, wanted)) {
  installPackages();
}
ensureSqlite(runtime);
const electron = ensureElectron(runtime, previous, wanted.lock) ? 'installed' : 'unavailable';
for (const [flag, need] of Object.entries(SYSTEM_NEEDS)) {
  if (process.argv.includes(flag)) ensureSystemPackages(need);
}
writeFileSync(stampPath, `${JSON.stringify({ ...wanted, electron })}\n`);
for (const command of commandsToRun(process.argv.slice(2))) {
  const code = await runOnRuntime(runtime, command);
  if (code !== 0) process.exit(code);
}
