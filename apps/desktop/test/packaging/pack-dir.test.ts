import { extractFile, listPackage } from '@electron/asar';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectedWire, installedElectron, packDir, standInElectron, wireByName } from './packing';

/**
 * `electron-builder --dir` with the project's configuration, into a temporary folder: here with
 * a stand-in Electron distribution (for Linux), and again with the real binary wherever npm could
 * install it, whose fuses are then read back from the packaged executable.
 */
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'contact-desk-pack-'));
  await ensureBuilt();
}, 600_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the unpacked app, packed around a stand-in Electron', () => {
  let app: string;
  let log: string;
  beforeAll(async () => {
    const dist = await standInElectron(join(scratch, 'stand-in'));
    const output = join(scratch, 'stand-in-out');
    log = await packDir({ dist, output, linux: true, env: { CONTACT_DESK_UPDATE_URL: 'https://maj.interieur.gouv.fr/contact-desk' } });
    app = join(output, 'linux-unpacked');
  }, 600_000);

  it('holds the built output and nothing else in its asar archive', () => {
    const asar = join(app, 'resources', 'app.asar');
    const tops = new Set(listPackage(asar, { isPack: false }).map((entry) => entry.split(/[\\/]/).filter(Boolean)[0]));
    expect([...tops].sort()).toEqual(['out', 'package.json']);
    const files = listPackage(asar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
    expect(files).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']));
    expect(files.filter((file) => file.includes('node_modules'))).toEqual([]);
    expect(existsSync(join(app, 'resources', 'app'))).toBe(false);
    const metadata = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(metadata).toMatchObject({ name: 'contact-desk', productName: 'Contact Desk', main: './out/main/index.js' });
    expect(metadata['scripts']).toBeUndefined();
  });

  it('names its executable and carries the update configuration the build was given', () => {
    expect(readdirSync(app)).toContain('contact-desk');
    expect(readFileSync(join(app, 'resources', 'app-update.yml'), 'utf8')).toBe(
      'provider: generic\nurl: https://maj.interieur.gouv.fr/contact-desk\nupdaterCacheDirName: contact-desk-updater\n',
    );
  });

  it('has its fuses flipped by the after-pack step', async () => {
    expect(log).toContain('fuses flipped');
    expect(await wireByName(join(app, 'contact-desk'))).toEqual(expectedWire());
  });
});

const electron = installedElectron();
if ('missing' in electron) console.info(`Packing with the real Electron binary: skipped here — ${electron.missing}.`);

describe('the unpacked app, packed around the installed Electron binary', () => {
  /** The packaged executable electron-builder made for this system, found in its output folder. */
  function packagedExecutable(output: string): string {
    if (process.platform === 'darwin') {
      const folder = readdirSync(output).find((name) => name.startsWith('mac'));
      return join(output, folder ?? 'mac', 'Contact Desk.app');
    }
    if (process.platform === 'win32') return join(output, 'win-unpacked', 'Contact Desk.exe');
    return join(output, 'linux-unpacked', 'contact-desk');
  }

  it.skipIf('missing' in electron)(
    'has the fuses of the settings, read back from the packaged binary',
    async () => {
      if ('missing' in electron) return;
      const output = join(scratch, 'electron-out');
      await packDir({ dist: electron.dist, output, linux: false });
      expect(await wireByName(packagedExecutable(output))).toEqual(expectedWire());
    },
    600_000,
  );
});
