// The Node.js that runs Contact Desk's tools, tests, demo and relay: Node 24 LTS (docs/decisions/0021-node-24-runtime.md).
//
// When the Node that started the bootstrap is on the supported line it is used as it is. Otherwise the
// pinned release is brought from the npm registry, where the `node-<os>-<arch>` packages ship the
// official binaries and headers (npm checks the tarball against the registry's integrity hash), and
// unpacked into `.runtime/`. Uses nothing but Node's standard library: it runs on an older Node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The release brought when the machine's Node is not on the supported line. */
export const PINNED_NODE = '24.21.0';
/** The supported line: this major, from this minor on. */
export const SUPPORTED_NODE = { major: 24, minor: 11 };

/** Whether a Node version string ("24.21.0" or "v24.21.0") is on the supported line. */
export function isSupportedNode(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major === SUPPORTED_NODE.major && minor >= SUPPORTED_NODE.minor;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The registry package that ships the binary for this machine, or undefined when none does. */
function runtimePackage() {
  const os = { linux: 'linux', win32: 'win' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  return os && arch ? `node-${os}-${arch}` : undefined;
}

function versionOf(node) {
  const result = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Downloads `pkg@PINNED_NODE` with npm and unpacks it to `target` (renamed into place only once whole). */
function fetchRuntime(pkg, target, say) {
  say(`bringing Node ${PINNED_NODE} from the npm registry (${pkg}); this machine runs Node ${process.versions.node}…`);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const scratch = mkdtempSync(join(parent, '.fetch-'));
  try {
    const pack = spawnSync(npm, ['pack', `${pkg}@${PINNED_NODE}`, '--pack-destination', scratch, '--silent'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      shell: process.platform === 'win32',
    });
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
    if (pack.status !== 0 || !tarball) throw new Error(`npm pack ${pkg}@${PINNED_NODE} failed (exit code ${pack.status})`);
    const untar = spawnSync('tar', ['-xzf', tarball], { cwd: scratch, stdio: 'inherit' });
    if (untar.status !== 0) throw new Error(`could not unpack ${tarball} (tar exit code ${untar.status})`);
    renameSync(join(scratch, 'package'), target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Points `.runtime/current` at the unpacked release, so a shell can put `.runtime/current/bin` on its PATH. */
function linkCurrent(runtimeDir, release) {
  const current = join(runtimeDir, 'current');
  rmSync(current, { force: true, recursive: true });
  symlinkSync(process.platform === 'win32' ? release : basename(release), current, process.platform === 'win32' ? 'junction' : 'dir');
}

/**
 * The Node to run everything on: `{ node, binDir, version, headersDir? }`. `headersDir` is set for a fetched
 * release, whose own headers native modules must be built against (npm may be configured for the machine's).
 * CONTACT_DESK_NODE names a binary to use instead; it must be on the supported line too.
 */
export function ensureRuntime(root, say) {
  const chosen = process.env.CONTACT_DESK_NODE;
  if (chosen) {
    const version = versionOf(chosen);
    if (!version || !isSupportedNode(version)) {
      throw new Error(`CONTACT_DESK_NODE=${chosen} is ${version ?? 'not a Node binary'}; Node ${SUPPORTED_NODE.major} LTS is needed`);
    }
    return { node: chosen, binDir: dirname(chosen), version };
  }
  if (isSupportedNode(process.versions.node)) {
    return { node: process.execPath, binDir: dirname(process.execPath), version: process.version };
  }
  const pkg = runtimePackage();
  if (!pkg) {
    throw new Error(
      `Node ${process.versions.node} is not supported and the npm registry ships no Node ${SUPPORTED_NODE.major} for ` +
        `${process.platform}-${process.arch}: install Node ${SUPPORTED_NODE.major} LTS (https://nodejs.org), then run again`,
    );
  }
  const runtimeDir = join(root, '.runtime');
  const release = join(runtimeDir, `node-v${PINNED_NODE}-${process.platform}-${process.arch}`);
  const node = join(release, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(node)) fetchRuntime(pkg, release, say);
  const version = versionOf(node);
  if (version !== `v${PINNED_NODE}`) throw new Error(`${node} answered ${version ?? 'nothing'}, not v${PINNED_NODE}`);
  linkCurrent(runtimeDir, release);
  return { node, binDir: dirname(node), version, headersDir: release };
}
