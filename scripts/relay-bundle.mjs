#!/usr/bin/env node
// Builds the relay as one self-contained folder: package.json, bin/, dist/, the production
// node_modules it needs (better-sqlite3's native binding and @contact-desk/shared included) and
// deploy/ (resources/deploy: the systemd unit, the settings example, the proxy examples), and
// nothing else: no sources, no dev tools, no other workspace. The Docker image copies this folder
// and the systemd installation puts it at /opt/contact-desk/relay (docs/deployment.md).
//
//   node scripts/relay-bundle.mjs <folder>
//
// It builds the relay and packages/shared first (turbo: nothing is rebuilt when nothing changed).
// The packages are copied from this checkout's node_modules, found the way Node resolves them,
// so the bundle needs no network and holds exactly the versions the lock file installed.
// better-sqlite3's binding is the Node-API binary its package ships for this system: build the
// bundle on the system (glibc or musl, architecture) that will run it, with Node 24 — `bundle.json`
// records both.
//
// Uses nothing but Node's standard library.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const relayDir = join(root, 'apps', 'relay');

/** Dependencies npm runs while installing, never the relay: better-sqlite3's download of a prebuilt binding. */
const INSTALL_ONLY = new Set(['prebuild-install']);
/**
 * What a package needs at run time, where it ships more: better-sqlite3 carries SQLite's sources and
 * Node-API binaries for every system; the bundle keeps this system's (and a binding built from
 * source here, when there is one).
 */
const KEEP_ONLY = {
  'better-sqlite3': [
    'package.json',
    'LICENSE',
    'lib',
    join('build', 'Release', 'better_sqlite3.node'),
    ...['x64', 'arm64']
      .flatMap((arch) => [`${process.platform}-${arch}`, `linuxmusl-${arch}`])
      .map((target) => join('prebuilds', `${target}.node`)),
  ],
};

function fail(message) {
  process.stderr.write(`relay-bundle: ${message}\n`);
  process.exit(1);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The folder of `name` as Node would find it from `fromDir`: the nearest node_modules up the tree. */
function findPackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/** The workspaces of this checkout, by folder: the relay is the bundle's root, the others go under node_modules by name. */
function workspaces() {
  const byDir = new Map();
  for (const pattern of readJson(join(root, 'package.json')).workspaces) {
    const base = join(root, pattern.replace(/\/\*$/, ''));
    const dirs = pattern.endsWith('/*') ? readdirSync(base).map((name) => join(base, name)) : [base];
    for (const dir of dirs) if (existsSync(join(dir, 'package.json'))) byDir.set(dir, readJson(join(dir, 'package.json')).name);
  }
  return byDir;
}

/**
 * Where a package found in the checkout goes in the bundle, keeping Node's resolution the same:
 * the relay and the repository root are the bundle's root (the relay resolves through both),
 * another workspace is node_modules/<its name>, and a package under some folder's node_modules
 * stays under that folder's place.
 */
function placeOf(dir, names) {
  if (dir === relayDir || dir === root) return '';
  const workspace = names.get(dir);
  if (workspace) return join('node_modules', workspace);
  const at = dir.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) fail(`${dir} is neither a workspace nor under a node_modules folder`);
  return join(placeOf(dir.slice(0, at), names), 'node_modules', dir.slice(at + '/node_modules/'.length));
}

/** Every package the relay needs at run time, from its dependencies down: place in the bundle → folder in the checkout. */
function productionPackages() {
  const names = workspaces();
  const places = new Map();
  const queue = [{ dir: relayDir, optional: false }];
  const seen = new Set();
  while (queue.length > 0) {
    const { dir } = queue.shift();
    if (seen.has(dir)) continue;
    seen.add(dir);
    const manifest = readJson(join(dir, 'package.json'));
    const wanted = [
      ...Object.keys(manifest.dependencies ?? {}).map((name) => [name, false]),
      ...Object.keys(manifest.optionalDependencies ?? {}).map((name) => [name, true]),
      ...Object.keys(manifest.peerDependencies ?? {}).map((name) => [name, true]),
    ];
    for (const [name, optional] of wanted) {
      if (INSTALL_ONLY.has(name)) continue;
      const found = findPackage(name, dir);
      if (!found) {
        if (optional) continue;
        fail(`${name}, a dependency of ${manifest.name}, is not installed: run npm ci (or npm run bootstrap) first`);
      }
      const place = placeOf(found, names);
      const other = places.get(place);
      if (other && other !== found) fail(`two versions of ${name} would share ${place}: ${other} and ${found}`);
      places.set(place, found);
      queue.push({ dir: found });
    }
  }
  return places;
}

/** A package's files, without its own node_modules (what it needs is placed on its own) and without what runs nothing. */
function copyPackage(from, to, name) {
  const keep = KEEP_ONLY[name];
  if (keep) {
    for (const part of keep)
      if (existsSync(join(from, part))) cpSync(join(from, part), join(to, part), { recursive: true, dereference: true });
    return;
  }
  const skip = (path) => {
    const inside = relative(from, path);
    return inside.split(sep).includes('node_modules') || /\.(d\.[cm]?ts|map)$/.test(inside);
  };
  cpSync(from, to, { recursive: true, dereference: true, filter: (path) => !skip(path) });
}

function build() {
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  const result = spawnSync(turbo, ['run', 'build', '--filter=@contact-desk/relay...', '--output-logs=errors-only'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) fail('the build failed');
  for (const dir of [join(relayDir, 'dist', 'src'), join(root, 'packages', 'shared', 'dist')]) {
    if (!existsSync(dir)) fail(`the build wrote no ${dir}`);
  }
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null; // a source tree without its history (the Docker build context)
  }
}

/** The bundle's own package.json: what runs it, without the scripts and tools of development. */
function manifestOf(relay) {
  const { name, version, description, type, bin, dependencies } = relay;
  return {
    name,
    version,
    description,
    private: true,
    type,
    bin,
    engines: { node: `>=${process.versions.node.split('.')[0]}` },
    dependencies,
  };
}

const [target, ...extra] = process.argv.slice(2);
if (extra.length > 0) fail(`unexpected ${extra.join(' ')}`);
if (!target) fail('usage: node scripts/relay-bundle.mjs <folder>');
const out = resolve(target);
if (existsSync(out) && readdirSync(out).length > 0) fail(`${out} is not empty: bundle into a new folder`);
const started = Date.now();
build();

mkdirSync(out, { recursive: true });
const relay = readJson(join(relayDir, 'package.json'));
writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifestOf(relay), null, 2)}\n`);
cpSync(join(relayDir, 'bin'), join(out, 'bin'), { recursive: true });
// The systemd unit, the settings example and the proxy examples travel with the code they go with.
cpSync(join(root, 'resources', 'deploy'), join(out, 'deploy'), { recursive: true });
copyPackage(join(relayDir, 'dist', 'src'), join(out, 'dist', 'src'), relay.name);
const places = productionPackages();
for (const [place, from] of places) {
  if (place === '') continue;
  const manifest = readJson(join(from, 'package.json'));
  if (from.startsWith(join(root, 'packages') + sep)) {
    // A workspace package: its manifest and built output only.
    mkdirSync(join(out, place), { recursive: true });
    writeFileSync(
      join(out, place, 'package.json'),
      `${JSON.stringify({ ...manifest, scripts: undefined, devDependencies: undefined }, null, 2)}\n`,
    );
    copyPackage(join(from, 'dist'), join(out, place, 'dist'), manifest.name);
  } else {
    copyPackage(from, join(out, place), manifest.name);
  }
}
const bundle = {
  relay: relay.version,
  commit: gitCommit(),
  node: process.version,
  abi: process.versions.modules,
  platform: `${process.platform}-${process.arch}`,
  packages: places.size - 1,
  builtAt: new Date().toISOString(),
};
writeFileSync(join(out, 'bundle.json'), `${JSON.stringify(bundle, null, 2)}\n`);

// The bundle must load on its own: the native binding from its own node_modules, nothing from this checkout.
const check = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], {
  cwd: out,
  encoding: 'utf8',
  env: { ...process.env, NODE_PATH: '' },
});
if (check.status !== 0) fail(`the bundle's better-sqlite3 does not load: ${check.stderr.trim().split('\n').slice(0, 3).join(' ')}`);
process.stdout.write(
  `relay bundle ${out}: ${bundle.packages} packages, Node ${bundle.node} (ABI ${bundle.abi}, ${bundle.platform}), ${Date.now() - started} ms\n`,
);
