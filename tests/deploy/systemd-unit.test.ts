/**
 * resources/deploy/systemd/contact-desk-relay.service: its hardening, `systemd-analyze verify`
 * on it, and its own command lines (ExecStart=, ExecReload=, the stop signal and timeout) run
 * against the relay bundle as systemd would run them, with only the install paths moved into a
 * temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/relay-process.js';
import { buildBundle, isolatedEnv, LoggedRelay, repoRoot, run, tempDir } from './deploy-support.js';
import { commandLine, environmentAssignments, environmentFile, parseUnit, setting, settings } from './systemd-unit.js';

const unitPath = join(repoRoot, 'resources', 'deploy', 'systemd', 'contact-desk-relay.service');
const unitText = readFileSync(unitPath, 'utf8');
const unit = parseUnit(unitText);
const service = (key: string) => setting(unit, 'Service', key);

const INSTALL = '/opt/contact-desk/relay';
const DATA = '/var/lib/contact-desk';
const NODE = '/usr/bin/node';

function systemdAnalyze(): string | undefined {
  for (const path of ['/usr/bin/systemd-analyze', '/bin/systemd-analyze']) if (existsSync(path)) return path;
  return undefined;
}

describe('the unit', () => {
  it('runs the bundle as its own user, hardened, with the data folder as the only writable place', () => {
    expect(service('User')).toBe('contact-desk');
    expect(service('StateDirectory')).toBe('contact-desk');
    expect(service('ReadWritePaths')).toBeUndefined(); // StateDirectory= alone opens the data folder
    const expected: Record<string, string> = {
      Type: 'simple',
      ProtectSystem: 'strict',
      ProtectHome: 'yes',
      PrivateTmp: 'yes',
      PrivateDevices: 'yes',
      NoNewPrivileges: 'yes',
      CapabilityBoundingSet: '',
      AmbientCapabilities: '',
      RestrictAddressFamilies: 'AF_INET AF_INET6 AF_UNIX',
      SystemCallFilter: '@system-service',
      LockPersonality: 'yes',
      ProtectKernelTunables: 'yes',
      ProtectKernelModules: 'yes',
      ProtectKernelLogs: 'yes',
      ProtectControlGroups: 'yes',
      RestrictNamespaces: 'yes',
      RestrictSUIDSGID: 'yes',
      UMask: '0077',
      Restart: 'on-failure',
      KillSignal: 'SIGTERM',
      EnvironmentFile: '/etc/contact-desk/relay.env',
    };
    for (const [key, value] of Object.entries(expected)) expect(service(key), key).toBe(value);
    // V8's JIT writes machine code: W^X memory would kill the relay at its first compiled function.
    expect(service('MemoryDenyWriteExecute')).toBeUndefined();
    expect(unitText).not.toMatch(/^MemoryDenyWriteExecute=/m);
  });

  it('takes secrets as credentials, never on its command line or in its environment', () => {
    expect(settings(unit, 'Service', 'LoadCredential')).toContain('smtp-url:/etc/contact-desk/credentials/smtp-url');
    expect(service('SetCredential')).toBe('smtp-url:none');
    expect(environmentAssignments(settings(unit, 'Service', 'Environment'))).toEqual({
      CONTACT_DESK_DATA_DIR: DATA,
      CONTACT_DESK_SMTP_URL_FILE: '%d/smtp-url',
    });
    expect(commandLine(service('ExecStart') ?? '')).toEqual([NODE, `${INSTALL}/bin/relay.mjs`, 'serve']);
  });

  it('passes systemd-analyze verify without a warning, which does catch a broken unit', async (context) => {
    const analyze = systemdAnalyze();
    if (!analyze) {
      process.stdout.write('skipped: systemd-analyze is not installed here (Debian: apt-get install systemd)\n');
      context.skip();
      return;
    }
    const dir = tempDir('systemd-verify');
    try {
      // verify checks that ExecStart='s program exists: point it at this machine's node.
      const copy = join(dir, 'contact-desk-relay.service');
      writeFileSync(copy, unitText.replaceAll(`ExecStart=${NODE} `, `ExecStart=${process.execPath} `));
      const verified = await run(analyze, ['verify', copy]);
      expect({ code: verified.code, output: verified.stdout + verified.stderr }).toEqual({ code: 0, output: '' });

      const broken = join(dir, 'broken.service');
      writeFileSync(
        broken,
        unitText.replace('ProtectSystem=strict', 'ProtectSystem=mostly').replace(`ExecStart=${NODE} `, 'ExecStart=/usr/bin/no-such-node '),
      );
      const refused = await run(analyze, ['verify', broken]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/broken.service:\d+: Failed to parse protect system value, ignoring: mostly/);
      expect(refused.stderr).toMatch(/no-such-node is not executable/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the unit's command lines, run as systemd runs them", { timeout: 120_000 }, () => {
  let bundle: string;
  const root = tempDir('systemd-run');
  const dataDir = join(root, 'var-lib-contact-desk');
  const credentials = join(root, 'credentials');

  /** The unit's paths, moved: the install prefix to the test's bundle, the data folder and credentials to temp folders. */
  const moved = (word: string) =>
    word
      .replace(NODE, process.execPath)
      .replace(INSTALL, bundle)
      .replace(DATA, dataDir)
      .replace('%d', credentials)
      .replace('$MAINPID', '%MAINPID%');

  beforeAll(async () => {
    ({ dir: bundle } = await buildBundle());
    mkdirSync(dataDir, { mode: 0o700 });
    // What systemd puts in $CREDENTIALS_DIRECTORY with no file at the LoadCredential= path: the SetCredential= default.
    mkdirSync(credentials, { mode: 0o700 });
    const [id = '', value = ''] = (service('SetCredential') ?? '').split(':');
    writeFileSync(join(credentials, id), value, { mode: 0o400 });
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    if (bundle) rmSync(dirname(bundle), { recursive: true, force: true });
  });

  it('ExecStart= serves /healthz, ExecReload= keeps it serving, SIGTERM stops it within TimeoutStopSec=', async () => {
    const port = await freePort();
    // The operator's /etc/contact-desk/relay.env: the example with the port uncommented.
    const example = readFileSync(join(repoRoot, 'resources', 'deploy', 'relay.env.example'), 'utf8');
    const envFile = environmentFile(example.replace('#CONTACT_DESK_PORT=4410', `CONTACT_DESK_PORT=${port}`));
    expect(envFile).toEqual({ CONTACT_DESK_PORT: String(port) });
    const fromUnit = Object.fromEntries(
      Object.entries(environmentAssignments(settings(unit, 'Service', 'Environment'))).map(([k, v]) => [k, moved(v)]),
    );
    const env = isolatedEnv({ ...fromUnit, ...envFile, CREDENTIALS_DIRECTORY: credentials });
    const [program = '', ...args] = commandLine(service('ExecStart') ?? '').map(moved);
    const relay = await LoggedRelay.start(program, args, { cwd: moved(service('WorkingDirectory') ?? ''), env });

    expect(relay.url).toBe(`http://127.0.0.1:${port}`);
    expect(relay.lines.find((line) => line.msg === 'relay listening')).toMatchObject({ dataDir, outreach: 'webhooks (no SMTP server)' });
    expect(await (await fetch(`${relay.url}/healthz`)).json()).toMatchObject({ ok: true });
    expect(existsSync(join(dataDir, 'contact-desk.sqlite'))).toBe(true);

    const reload = commandLine(service('ExecReload') ?? '').map((word) => moved(word).replace('%MAINPID%', String(relay.child.pid)));
    const before = relay.lines.length;
    expect(execFileSync(reload[0] ?? '', reload.slice(1)).toString()).toBe('');
    await expect
      .poll(() => relay.lines.slice(before).map((line) => line.msg))
      .toContain('SIGHUP: the relay serves plain HTTP, there is no certificate to reload');
    expect(relay.child.exitCode).toBeNull();
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);

    const timeoutMs = Number(/^(\d+)s$/.exec(service('TimeoutStopSec') ?? '')?.[1]) * 1000;
    expect(timeoutMs).toBeGreaterThanOrEqual(10_000);
    const stopped = await relay.stop((service('KillSignal') ?? 'SIGTERM') as NodeJS.Signals);
    process.stdout.write(`relay stopped on SIGTERM in ${stopped.ms} ms (TimeoutStopSec=${timeoutMs / 1000}s)\n`);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(timeoutMs);
    expect(existsSync(join(dataDir, 'relay.lock'))).toBe(false);
  });
});
