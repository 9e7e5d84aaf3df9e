/**
 * The relay's Dockerfile and .dockerignore, checked without a Docker engine: parsed as the
 * builder parses them and held to the image's rules; the files it copies exist and reach the
 * build context; its health check run against a real relay process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/relay-process.js';
import { execForm, lintRelayDockerfile, parseDockerfile, stagesOf } from './dockerfile-lint.js';
import { isolatedEnv, LoggedRelay, repoRoot, run, tempDir } from './deploy-support.js';

const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
const expected = { dataDir: '/var/lib/contact-desk', port: 4410 };

/** A .dockerignore pattern as the builder matches it: against the path or any folder above it. */
function ignored(patterns: readonly string[], path: string): boolean {
  let result = false;
  for (const pattern of patterns) {
    const negate = pattern.startsWith('!');
    const glob = negate ? pattern.slice(1) : pattern;
    // `**/` spans any folders, `*` and `?` stay within one.
    const source = glob
      .split('**/')
      .map((part) =>
        part
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '[^/]*')
          .replace(/\?/g, '[^/]'),
      )
      .join('(.*/)?');
    const regex = new RegExp(`^${source}(/.*)?$`);
    if (regex.test(path)) result = !negate;
  }
  return result;
}

describe('the Dockerfile parser', () => {
  it('joins continuation lines, drops comments inside them, and honours the escape directive', () => {
    const parsed = parseDockerfile(
      '# escape=`\nFROM node:24-bookworm-slim\nRUN apt-get update `\n# a comment\n    && echo done\nCMD ["serve"]\n',
    );
    expect(parsed).toEqual([
      { keyword: 'FROM', args: 'node:24-bookworm-slim', line: 2 },
      { keyword: 'RUN', args: 'apt-get update && echo done', line: 3 },
      { keyword: 'CMD', args: '["serve"]', line: 6 },
    ]);
    expect(execForm('["node", "x"]')).toEqual(['node', 'x']);
    expect(execForm('node x')).toBeUndefined();
    expect(() => parseDockerfile('FROM a:1\nRUN echo \\')).toThrow(/ends with a continuation/);
  });
});

describe('the relay image', () => {
  it('follows every rule', () => {
    expect(lintRelayDockerfile(dockerfile, expected)).toEqual([]);
  });

  it('builds in one stage from the lock file with the bundle script, and runs the bundle alone on node:24-bookworm-slim', () => {
    const stages = stagesOf(parseDockerfile(dockerfile));
    const [build, runtime] = [stages[0], stages[stages.length - 1]];
    expect(build?.name).toBe('build');
    expect(runtime?.image).toBe('node:24-bookworm-slim');
    const buildRuns = build?.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args) ?? [];
    expect(buildRuns.some((args) => /^npm ci --ignore-scripts .*--workspace @contact-desk\/relay/.test(args))).toBe(true);
    expect(buildRuns.some((args) => args === 'node scripts/relay-bundle.mjs /opt/contact-desk/relay')).toBe(true);
    const copied = runtime?.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copied).toEqual(['--from=build /opt/contact-desk/relay /opt/contact-desk/relay']);
    const entrypoint = runtime?.instructions.find((i) => i.keyword === 'ENTRYPOINT');
    expect(execForm(entrypoint?.args ?? '')).toEqual(['node', '/opt/contact-desk/relay/bin/relay.mjs']);
  });

  it('each rule catches what it is for', () => {
    const broken = (from: string | RegExp, to: string) => lintRelayDockerfile(dockerfile.replace(from, to), expected);
    expect(broken(/^FROM node:24-bookworm-slim$/m, 'FROM node:latest')).toEqual([expect.stringMatching(/node:latest: pin the base image/)]);
    expect(broken('AS build', 'AS build\nFROM debian')).toContainEqual(expect.stringMatching(/debian: pin the base image/));
    expect(broken('USER 10001:10001', 'USER root')).toEqual([expect.stringMatching(/USER root: a numeric uid other than 0/)]);
    expect(broken('USER 10001:10001', '')).toEqual(['line 0: the running stage has no USER: it would run as root']);
    expect(broken('CMD ["serve"]', 'CMD serve')).toEqual([expect.stringMatching(/CMD in shell form/)]);
    expect(broken('CMD ["serve"]', 'CMD ["serve"]\nUSER 10002')).toEqual([
      'line 0: USER comes after CMD',
      'line 0: USER comes after ENTRYPOINT',
    ]);
    expect(broken(/HEALTHCHECK[^\n]*\n[^\n]*\n/, '')).toEqual(['line 0: no HEALTHCHECK']);
    expect(broken('CMD ["node", "/opt/contact-desk/relay/bin/healthcheck.mjs"]', 'CMD curl -f http://localhost:4410/healthz')).toEqual([
      expect.stringMatching(/HEALTHCHECK command in shell form/),
    ]);
    expect(broken('VOLUME ["/var/lib/contact-desk"]', 'VOLUME ["/data"]')).toEqual([
      'line 0: no VOLUME for the data folder /var/lib/contact-desk',
    ]);
    expect(broken('COPY tests/package.json tests/', 'ADD https://example.org/x.tgz /tmp/')).toEqual([
      expect.stringMatching(/ADD of a URL/),
    ]);
    expect(broken('npm ci --ignore-scripts', 'npm install --ignore-scripts')).toEqual([expect.stringMatching(/npm install: use npm ci/)]);
    const aptInstall = 'RUN apt-get update && apt-get install -y --no-install-recommends git';
    expect(broken('WORKDIR /src', `${aptInstall}\nWORKDIR /src`)).toEqual([expect.stringMatching(/apt lists left in the layer/)]);
    expect(broken('WORKDIR /src', `${aptInstall} && rm -rf /var/lib/apt/lists/*\nWORKDIR /src`)).toEqual([]);
    expect(broken('NODE_ENV=production', 'CONTACT_DESK_ADMIN_SECRET=hunter2')).toEqual([expect.stringMatching(/ENV names a secret/)]);
    expect(broken('STOPSIGNAL SIGTERM', 'STOPSIGNAL SIGKILL')).toEqual([expect.stringMatching(/STOPSIGNAL is not SIGTERM/)]);
  });
});

describe('the build context', () => {
  const patterns = readFileSync(join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it('holds every file the Dockerfile copies', () => {
    const sources = parseDockerfile(dockerfile)
      .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(8);
    for (const source of sources) {
      expect(existsSync(join(repoRoot, source)), source).toBe(true);
      expect(ignored(patterns, source.replace(/\/$/, '')), source).toBe(false);
    }
    for (const needed of [
      'apps/relay/src/server.ts',
      'apps/relay/bin/relay.mjs',
      'apps/relay/bin/healthcheck.mjs',
      'packages/shared/src/index.ts',
    ]) {
      expect(ignored(patterns, needed), needed).toBe(false);
    }
  });

  it('leaves out installed packages, build output, data and anything secret', () => {
    for (const path of [
      'node_modules/pino/package.json',
      'apps/relay/node_modules/ajv',
      'apps/relay/dist/src/server.js',
      'packages/shared/dist/index.js',
      '.git/HEAD',
      '.data/demo/contact-desk.sqlite',
      'relay.env',
      'deploy/tls/privkey.pem',
      'apps/relay/.env',
      'backup/contact-desk-2026-11-23.sqlite',
      '.turbo/cache',
    ]) {
      expect(ignored(patterns, path), path).toBe(true);
    }
  });
});

describe('the image health check', { timeout: 120_000 }, () => {
  it('exits 0 while the relay answers /healthz and 1 once it is gone', async () => {
    const dir = tempDir('healthcheck');
    const port = await freePort();
    const settings = { CONTACT_DESK_HOST: '0.0.0.0', CONTACT_DESK_PORT: String(port), CONTACT_DESK_DATA_DIR: join(dir, 'data') };
    const healthcheck = join(repoRoot, 'apps', 'relay', 'bin', 'healthcheck.mjs');
    const relay = await LoggedRelay.start(process.execPath, [join(repoRoot, 'apps', 'relay', 'bin', 'relay.mjs'), 'serve'], {
      cwd: dir,
      env: isolatedEnv(settings),
    });
    try {
      expect((await run(process.execPath, [healthcheck], { env: isolatedEnv(settings) })).code).toBe(0);
    } finally {
      expect((await relay.stop()).code).toBe(0);
    }
    const after = await run(process.execPath, [healthcheck], { env: isolatedEnv(settings) });
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/ECONNREFUSED/);
  });
});
