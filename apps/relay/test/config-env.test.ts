/**
 * Every setting of `relay serve` from the environment (systemd's EnvironmentFile=, docker run
 * --env-file), secrets from files (systemd credentials, Docker secrets), and the shipped example
 * file in step with what the relay reads.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSecretFile, configuredAdminSecret } from '../src/auth/admin-secret.js';
import { SECRET_SETTINGS, SettingError } from '../src/config-setting.js';
import { resolveConfig } from '../src/config.js';
import { DEFAULT_OUTREACH, resolveOutreach } from '../src/outreach/outreach-config.js';
import { relayDir, runCli, ServeProcess } from './serve-process.js';

const dir = mkdtempSync(join(tmpdir(), 'relay-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function secretFile(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content, { mode: 0o600 });
  return file;
}

describe('settings from the environment', () => {
  it('maps every serve setting, flags first', () => {
    const env = {
      CONTACT_DESK_HOST: '0.0.0.0',
      CONTACT_DESK_PORT: '4443',
      CONTACT_DESK_DATA_DIR: '/var/lib/contact-desk',
      CONTACT_DESK_CORS_ORIGIN: 'https://desk.interieur.example',
      CONTACT_DESK_DATABASE_URL: 'postgres://desk@db.example/desk',
      CONTACT_DESK_LOG_LEVEL: 'warn',
      LOG_LEVEL: 'debug',
      CONTACT_DESK_TLS_CERT: '/etc/contact-desk/tls/fullchain.pem',
      CONTACT_DESK_TLS_KEY: '/etc/contact-desk/tls/privkey.pem',
      CONTACT_DESK_TRUST_PROXY: 'loopback',
      CONTACT_DESK_DEADLINE_CHECK_MS: '500',
    };
    const config = resolveConfig({}, env);
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 4443,
      dataDir: '/var/lib/contact-desk',
      corsOrigin: 'https://desk.interieur.example',
      databaseUrl: 'postgres://desk@db.example/desk',
      logLevel: 'warn',
      tls: { certFile: '/etc/contact-desk/tls/fullchain.pem', keyFile: '/etc/contact-desk/tls/privkey.pem' },
      deadlineCheckMs: 500,
    });
    expect(config.trustProxy?.entries).toEqual(['loopback']);
    const flagged = resolveConfig({ host: '127.0.0.1', port: '4410', logLevel: 'error', trustProxy: '10.0.0.1' }, env);
    expect(flagged).toMatchObject({ host: '127.0.0.1', port: 4410, logLevel: 'error' });
    expect(flagged.trustProxy?.entries).toEqual(['10.0.0.1']);
    expect(resolveConfig({}, { LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('treats an empty variable as unset, as an EnvironmentFile line left blank', () => {
    const config = resolveConfig(
      {},
      { CONTACT_DESK_PORT: '', CONTACT_DESK_DATABASE_URL: ' ', CONTACT_DESK_TLS_CERT: '', CONTACT_DESK_TRUST_PROXY: '' },
    );
    expect(config).toMatchObject({ port: 4410, host: '127.0.0.1', dataDir: resolve('.data') });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.tls).toBeUndefined();
    expect(config.trustProxy).toBeUndefined();
  });

  it('refuses what it cannot use with a SettingError naming the setting', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ CONTACT_DESK_PORT: '70000' }, /invalid port/],
      [{ CONTACT_DESK_LOG_LEVEL: 'verbose' }, /invalid log level "verbose"/],
      [{ CONTACT_DESK_DEADLINE_CHECK_MS: 'often' }, /CONTACT_DESK_DEADLINE_CHECK_MS/],
      [{ CONTACT_DESK_DATABASE_URL: 'mysql://desk@db/desk' }, /must start with postgres:\/\//],
      [{ CONTACT_DESK_TLS_KEY: '/etc/key.pem' }, /a TLS key was given without its certificate/],
      [{ CONTACT_DESK_TRUST_PROXY: 'everyone' }, /CONTACT_DESK_TRUST_PROXY/],
      [{ CONTACT_DESK_MUTATION_BURST: '10' }, /one full push/],
    ];
    for (const [env, message] of cases) {
      expect(() => resolveConfig({}, env), JSON.stringify(env)).toThrow(SettingError);
      expect(() => resolveConfig({}, env), JSON.stringify(env)).toThrow(message);
    }
  });
});

describe('secrets from files', () => {
  it('reads NAME_FILE, drops the final newline, and counts an empty file as unset', () => {
    const url = secretFile('database-url', 'postgres://desk:s3cret@db.example/desk\n');
    expect(resolveConfig({}, { CONTACT_DESK_DATABASE_URL_FILE: url }).databaseUrl).toBe('postgres://desk:s3cret@db.example/desk');
    const smtp = secretFile('smtp-url', 'smtps://desk:s3cret@smtp.example:465\n');
    expect(resolveOutreach({ CONTACT_DESK_SMTP_URL_FILE: smtp }).smtpUrl).toBe('smtps://desk:s3cret@smtp.example:465');
    const empty = secretFile('empty', '\n');
    expect(resolveOutreach({ CONTACT_DESK_SMTP_URL_FILE: empty }).smtpUrl).toBeNull();
    expect(resolveOutreach({ CONTACT_DESK_SMTP_URL_FILE: secretFile('smtp-none', 'none') }).smtpUrl).toBeNull();
    expect(resolveConfig({}, { CONTACT_DESK_DATABASE_URL_FILE: empty }).databaseUrl).toBeUndefined();
    const admin = secretFile('admin-secret', `${'k'.repeat(40)}\n`);
    expect(configuredAdminSecret({ CONTACT_DESK_ADMIN_SECRET_FILE: admin })).toBe('k'.repeat(40));
  });

  it('refuses NAME and NAME_FILE together, a file it cannot read, a short admin secret; never repeating a secret', () => {
    const url = secretFile('database-url-2', 'postgres://desk:hunter2@db.example/desk');
    const both = { CONTACT_DESK_DATABASE_URL: 'postgres://desk:hunter2@db.example/desk', CONTACT_DESK_DATABASE_URL_FILE: url };
    expect(() => resolveConfig({}, both)).toThrow(/set CONTACT_DESK_DATABASE_URL or CONTACT_DESK_DATABASE_URL_FILE, not both/);
    expect(() => resolveConfig({}, { CONTACT_DESK_DATABASE_URL_FILE: join(dir, 'missing') })).toThrow(
      /missing, which cannot be read \(ENOENT\)/,
    );
    expect(() => resolveConfig({}, { CONTACT_DESK_DATABASE_URL_FILE: dir })).toThrow(/cannot be read \(EISDIR\)/);
    const badSmtp = secretFile('smtp-bad', 'http://desk:hunter2@mail.example');
    const messages: string[] = [];
    for (const attempt of [
      () => resolveOutreach({ CONTACT_DESK_SMTP_URL_FILE: badSmtp }),
      () => configuredAdminSecret({ CONTACT_DESK_ADMIN_SECRET: 'hunter2' }),
      () => resolveConfig({}, both),
    ]) {
      try {
        attempt();
        messages.push('accepted');
      } catch (error) {
        expect(error).toBeInstanceOf(SettingError);
        messages.push((error as Error).message);
      }
    }
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).not.toMatch(/hunter2|accepted/);
  });

  it('takes the outreach settings that were missing from the environment', () => {
    const outreach = resolveOutreach({
      CONTACT_DESK_MAIL_PRIORITIES: 'P0, P1, P2',
      CONTACT_DESK_DUTY_PRIORITIES: 'none',
      CONTACT_DESK_DEADLINE_SOON_MS: '600000',
      CONTACT_DESK_DELIVERY_PER_TARGET_CONCURRENCY: '4',
    });
    expect(outreach).toEqual({
      ...DEFAULT_OUTREACH,
      mailPriorities: ['P0', 'P1', 'P2'],
      dutyPriorities: [],
      deadlineSoonMs: 600_000,
      perTargetConcurrency: 4,
    });
    expect(() => resolveOutreach({ CONTACT_DESK_MAIL_PRIORITIES: 'P0,urgent' })).toThrow(/CONTACT_DESK_MAIL_PRIORITIES/);
  });
});

describe('resources/deploy/relay.env.example', () => {
  const example = readFileSync(join(relayDir, '..', '..', 'resources', 'deploy', 'relay.env.example'), 'utf8');
  /** Every CONTACT_DESK_* name the relay's sources mention. */
  function namesInSources(folder: string): Set<string> {
    const names = new Set<string>();
    for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      for (const name of readFileSync(join(entry.parentPath, entry.name), 'utf8').match(/CONTACT_DESK_[A-Z0-9_]+[A-Z0-9]/g) ?? [])
        names.add(name);
    }
    return names;
  }
  /** Given per command on the CLI's side, not a setting of the running relay. */
  const commandOnly = new Set(['CONTACT_DESK_WEBHOOK_KEY']);

  it('documents every variable the relay reads, and only those; every secret also as a file', () => {
    const read = namesInSources(join(relayDir, 'src'));
    for (const secret of SECRET_SETTINGS) read.add(`${secret}_FILE`);
    const documented = new Set(example.match(/CONTACT_DESK_[A-Z0-9_]+[A-Z0-9]/g));
    expect([...read].filter((name) => !commandOnly.has(name) && !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !read.has(name))).toEqual([]);
    for (const secret of SECRET_SETTINGS) expect(example).toMatch(new RegExp(`^#${secret}_FILE=/`, 'm'));
  });

  it('is read alike by systemd and Docker: VARIABLE=value lines without quotes or export, no secret set', () => {
    for (const line of example.split('\n')) {
      if (line === '' || line.startsWith('# ') || line === '#') continue;
      expect(line).toMatch(/^#?CONTACT_DESK_[A-Z0-9_]+=[^"'`]*$/);
    }
    expect(example).not.toMatch(/^CONTACT_DESK_(ADMIN_SECRET|DATABASE_URL|SMTP_URL)=/m);
  });
});

describe('a relay configured by its environment alone', { timeout: 60_000 }, () => {
  it('serves with the admin secret from a file, writes none to the data folder, and the CLI needs the same file', async () => {
    const dataDir = join(dir, 'env-only');
    const admin = secretFile('admin-secret-serve', `${'s'.repeat(44)}\n`);
    const env = {
      CONTACT_DESK_DATA_DIR: dataDir,
      CONTACT_DESK_PORT: '0',
      CONTACT_DESK_HOST: '127.0.0.1',
      CONTACT_DESK_ADMIN_SECRET_FILE: admin,
    };
    const relay = await ServeProcess.start([], env);
    try {
      expect(relay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
      expect(existsSync(adminSecretFile(dataDir))).toBe(false);
      const added = await runCli(['platform', 'add', 'meta', '--name', 'Meta'], env);
      expect(added.stdout).toContain('added platform meta');
      const without = await runCli(['platform', 'add', 'x', '--name', 'X'], { CONTACT_DESK_DATA_DIR: dataDir });
      expect(without.code).toBe(1);
      expect(without.stderr).toMatch(
        /^relay: .*admin\.secret cannot be read: run the CLI as the relay's user, or with the CONTACT_DESK_ADMIN_SECRET\(_FILE\)/,
      );
    } finally {
      expect((await relay.stop()).code).toBe(0);
    }
  });
});
