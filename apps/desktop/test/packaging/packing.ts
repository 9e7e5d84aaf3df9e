import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { FUSES } from '../../packaging/fuses';

/**
 * Packing the app in tests: with the Electron binary npm installed where it could be downloaded,
 * else with a stand-in distribution (the binary cannot run here; a file carrying Electron 45's fuse
 * wire stands in for it, which is all packing and fuse flipping read).
 */
const run = promisify(execFile);

export const DESKTOP_ROOT = resolve(import.meta.dirname, '../..');

export type InstalledElectron = { readonly executable: string; readonly dist: string } | { readonly missing: string };

/** node_modules/electron/path.txt names the binary under dist/ once the download happened. */
export function installedElectron(): InstalledElectron {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: `the Electron binary is not installed (no ${pathFile}: its download is unreachable here)` };
  const dist = join(packageDir, 'dist');
  const executable = join(dist, readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return { missing: `the Electron binary named by ${pathFile} is absent (${executable})` };
  return { executable, dist };
}

/** The marker Electron compiles before its fuse wire (electron/build/fuses), then version 1, length 9. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's fuses as it ships them (build/fuses/fuses.json5), in wire order. */
export const ELECTRON_45_DEFAULT_WIRE = '101100011';

/** A Linux Electron distribution whose binary is a script carrying a fuse wire: enough to pack and flip. */
export async function standInElectron(directory: string, wire = ELECTRON_45_DEFAULT_WIRE): Promise<string> {
  await mkdir(directory, { recursive: true });
  const binary = join(directory, 'electron');
  const fuseWire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire)]);
  await writeFile(binary, Buffer.concat([Buffer.from('#!/bin/sh\necho "a stand-in for Electron"\n# '), fuseWire, Buffer.from('\n')]));
  await chmod(binary, 0o755);
  await writeFile(join(directory, 'version'), 'v45.5.0');
  await writeFile(join(directory, 'LICENSE'), 'MIT');
  return directory;
}

/** Builds out/ with electron-vite when it is not there (the desktop tests do not build first). */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(join(DESKTOP_ROOT, 'out/main/index.js')) && existsSync(join(DESKTOP_ROOT, 'out/renderer/index.html'))) return;
  await run('npx', ['electron-vite', 'build'], { cwd: DESKTOP_ROOT, timeout: 300_000 });
}

const withoutVitest = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST')));

/**
 * `electron-builder --dir` with the project's configuration, into `output`: the unpacked app
 * electron-builder makes before any installer (for Linux when `linux`, else for this system).
 * Returns what electron-builder printed (its log goes to stderr).
 */
export async function packDir(options: { dist: string; output: string; linux: boolean; env?: Record<string, string> }): Promise<string> {
  const args = ['electron-builder', '--config', 'electron-builder.config.ts', '--dir', '--publish', 'never'];
  if (options.linux) args.push('--linux');
  args.push(`-c.electronDist=${options.dist}`, `-c.directories.output=${options.output}`);
  const { stdout, stderr } = await run('npx', args, {
    cwd: DESKTOP_ROOT,
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
    // electron-builder prints nothing under Vitest (VITEST set): its log is part of what is checked.
    env: { ...withoutVitest(process.env), CSC_IDENTITY_AUTO_DISCOVERY: 'false', ...options.env },
  });
  return `${stdout}${stderr}`;
}

/** Every fuse of the wire @electron/fuses knows, by name (the enum's names, not its reverse numeric keys). */
export const FUSE_NAMES = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key))) as (keyof typeof FuseV1Options)[];

/** The fuse wire the settings give, by name, as getCurrentFuseWire reads it back. */
export function expectedWire(): Record<string, FuseState> {
  return Object.fromEntries(FUSE_NAMES.map((name) => [name, FUSES[FuseV1Options[name]] ? FuseState.ENABLE : FuseState.DISABLE]));
}

/** A binary's fuse wire, by name. */
export async function wireByName(binary: string): Promise<Record<string, FuseState>> {
  const wire = await getCurrentFuseWire(binary);
  return Object.fromEntries(FUSE_NAMES.map((name) => [name, wire[FuseV1Options[name]] as FuseState]));
}
