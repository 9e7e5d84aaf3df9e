/**
 * The relay bundle (scripts/relay-bundle.mjs), which the Docker image copies and the systemd
 * installation puts at /opt/contact-desk/relay: built into a fresh folder and run from there as a
 * real process, away from this checkout.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, connectAndPull, enroll, enrollmentCode, isolatedEnv, LoggedRelay, repoRoot, run, tempDir } from './deploy-support.js';

describe('the relay bundle', () => {
  let bundle: string;
  let buildMs: number;
  const work = tempDir('bundle-run');

  beforeAll(async () => {
    ({ dir: bundle, ms: buildMs } = await buildBundle());
    process.stdout.write(`relay bundle built in ${buildMs} ms\n`);
  });

  afterAll(() => {
    rmSync(dirname(bundle), { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('holds the built relay and its production packages, and nothing of development', () => {
    const manifest = JSON.parse(readFileSync(join(bundle, 'bundle.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      node: process.version,
      abi: process.versions.modules,
      platform: `${process.platform}-${process.arch}`,
    });
    const modules = readdirSync(join(bundle, 'node_modules'));
    for (const needed of ['better-sqlite3', 'socket.io', 'pino', 'pg', 'zod', 'commander', 'nodemailer']) expect(modules).toContain(needed);
    expect(readdirSync(join(bundle, 'node_modules', '@contact-desk'))).toEqual(['shared']);
    // better-sqlite3's Node-API binary for this system, and none for another system or from SQLite's sources.
    const sqlite = join(bundle, 'node_modules', 'better-sqlite3');
    expect(existsSync(join(sqlite, 'prebuilds', `${process.platform}-${process.arch}.node`))).toBe(true);
    expect(readdirSync(join(sqlite, 'prebuilds')).every((file) => file.startsWith(process.platform) || file.startsWith('linuxmusl'))).toBe(
      true,
    );
    expect(existsSync(join(sqlite, 'deps'))).toBe(false);
    for (const devOnly of [
      'typescript',
      'vitest',
      'tsx',
      'turbo',
      'socket.io-client',
      'fast-check',
      'selfsigned',
      'electron',
      'prebuild-install',
    ]) {
      expect(modules, devOnly).not.toContain(devOnly);
    }
    expect(existsSync(join(bundle, 'src'))).toBe(false);
    for (const shipped of ['relay.env.example', 'systemd/contact-desk-relay.service', 'nginx/contact-desk-relay.conf', 'caddy/Caddyfile']) {
      expect(readFileSync(join(bundle, 'deploy', shipped), 'utf8'), shipped).toBe(
        readFileSync(join(repoRoot, 'resources', 'deploy', shipped), 'utf8'),
      );
    }
    expect(existsSync(join(bundle, 'node_modules', 'better-sqlite3', 'deps'))).toBe(false);
    const relayManifest = JSON.parse(readFileSync(join(bundle, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(relayManifest.devDependencies).toBeUndefined();
    expect(relayManifest.scripts).toBeUndefined();
  });

  it('refuses a folder that is not empty', async () => {
    const refused = await run(process.execPath, [join(repoRoot, 'scripts', 'relay-bundle.mjs'), bundle]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^relay-bundle: .* is not empty: bundle into a new folder\n$/);
  });

  it('serves from its own folder: /healthz answers, the CLI adds a user, a device enrolls and syncs, SIGTERM stops it cleanly', async () => {
    const dataDir = join(work, 'data');
    const relayBin = join(bundle, 'bin', 'relay.mjs');
    const env = isolatedEnv({ CONTACT_DESK_DATA_DIR: dataDir, CONTACT_DESK_PORT: '0' });
    const relay = await LoggedRelay.start(process.execPath, [relayBin, 'serve'], { cwd: work, env });
    try {
      const health = (await (await fetch(`${relay.url}/healthz`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ ok: true, headSeq: 0 });
      expect((await run(process.execPath, [relayBin, 'platform', 'add', 'meta', '--name', 'Meta'], { cwd: work, env })).code).toBe(0);
      const added = await run(
        process.execPath,
        [relayBin, 'user', 'add', '--role', 'liaison', '--platform', 'meta', '--name', 'Sophie Laurent'],
        {
          cwd: work,
          env,
        },
      );
      const token = await enroll(relay.url, enrollmentCode(added.stdout));
      expect(await connectAndPull(relay.url, token)).toMatchObject({ ok: true });
    } finally {
      const stopped = await relay.stop('SIGTERM');
      expect(stopped.code).toBe(0);
    }
    expect(existsSync(join(dataDir, 'relay.lock'))).toBe(false);
  });
});
