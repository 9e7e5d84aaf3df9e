/**
 * The shipped reverse-proxy examples (resources/deploy/nginx, resources/deploy/caddy) run for
 * real in front of a real relay process: each file templated only for the test's ports and
 * certificate, a proxy of the test's own (its prefix, pid file and logs in a temporary folder),
 * the relay trusting the proxy on loopback as the deployment guide says.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../apps/relay/test/wait-for.js';
import { freePort, newDataDir, RelayProcess, relayCliOk } from '../support/relay-process.js';
import { connectAndPull, enrollmentCode, repoRoot, tempDir } from './deploy-support.js';

function findProgram(variable: string, candidates: readonly string[]): string | undefined {
  const chosen = process.env[variable];
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  return candidates.find((path) => existsSync(path));
}

const nginx = findProgram('NGINX_PATH', ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']);
const caddy = findProgram('CADDY_PATH', ['/usr/bin/caddy', '/usr/local/bin/caddy']);
const openssl = findProgram('OPENSSL_PATH', ['/usr/bin/openssl', '/usr/local/bin/openssl']);
if (!nginx)
  process.stdout.write(
    'reverse proxy: nginx tests skipped: nginx is not installed (npm test installs it on Debian as root; or set NGINX_PATH)\n',
  );
if (!caddy)
  process.stdout.write('reverse proxy: Caddy tests skipped: caddy is not installed (Debian: apt-get install caddy; or set CADDY_PATH)\n');
if (!openssl) process.stdout.write('reverse proxy: nginx tests skipped: openssl is not installed to make their certificate\n');

/** The example with each `[from, to]` replaced; a `from` that is not there fails the test (the example changed shape). */
function templated(file: string, replacements: readonly [string | RegExp, string][]): string {
  let text = readFileSync(join(repoRoot, 'resources', 'deploy', file), 'utf8');
  for (const [from, to] of replacements) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${file}: "${String(from)}" is no longer in the example`);
    text = next;
  }
  return text;
}

/** Resolves once something accepts TCP connections on the port (the proxy has bound it), or rejects after 20 s. */
async function listening(port: number, child: ChildProcess, log: () => string): Promise<void> {
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`the proxy exited with ${child.exitCode}: ${log()}`);
      return new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
    },
    () => `something to listen on ${port}: ${log()}`,
    20_000,
    100,
  );
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** An HTTPS request through the proxy from a chosen loopback address, trusting the proxy's CA only. */
function through(
  proxy: Proxy,
  method: string,
  path: string,
  options: { body?: string | Buffer; from?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port: proxy.port,
        method,
        path,
        ca: proxy.ca,
        localAddress: options.from ?? '127.0.0.1',
        headers: { 'content-type': 'application/json', ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    sent.once('error', reject);
    sent.end(options.body);
  });
}

interface Proxy {
  readonly name: string;
  readonly port: number;
  readonly ca: string;
  /** The port of its plain-HTTP redirect to HTTPS, where it has one. */
  readonly redirectPort?: number;
  /** Its answers to a body over its limit (each a refusal: the relay never gets the body whole). */
  readonly tooLarge: readonly number[];
  stop(): Promise<void>;
}

function stopper(child: ChildProcess, signal: NodeJS.Signals): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
}

async function startNginx(relayPort: number, dir: string): Promise<Proxy> {
  const [port, redirectPort] = [await freePort(), await freePort()];
  const made = spawnSync(openssl ?? 'openssl', [
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'],
    ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    ...['-keyout', join(dir, 'proxy.key'), '-out', join(dir, 'proxy.crt')],
  ]);
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr.toString()}`);
  const site = templated('nginx/contact-desk-relay.conf', [
    ['    listen 80;\n    listen [::]:80;', `    listen 127.0.0.1:${redirectPort};`],
    ['    listen 443 ssl;\n    listen [::]:443 ssl;', `    listen 127.0.0.1:${port} ssl;`],
    ['/etc/ssl/contact-desk/fullchain.pem', join(dir, 'proxy.crt')],
    ['/etc/ssl/contact-desk/privkey.pem', join(dir, 'proxy.key')],
    ['return 301 https://$host$request_uri;', `return 301 https://$host:${port}$request_uri;`],
    ['proxy_pass http://127.0.0.1:4410;', `proxy_pass http://127.0.0.1:${relayPort};`],
  ]);
  writeFileSync(join(dir, 'contact-desk-relay.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${join(dir, kind)};`).join('\n');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;\nworker_processes 1;\npid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')} info;\n` +
      `events { worker_connections 256; }\nhttp {\n    access_log ${join(dir, 'access.log')};\n${temp}\n    include ${join(dir, 'contact-desk-relay.conf')};\n}\n`,
  );
  const args = ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')];
  const checked = spawnSync(nginx ?? 'nginx', ['-t', ...args], { encoding: 'utf8' });
  expect(checked.stderr).toMatch(/test is successful/);
  const child = spawn(nginx ?? 'nginx', args, { stdio: 'ignore' });
  const log = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
  await listening(port, child, log);
  expect(existsSync(join(dir, 'nginx.pid'))).toBe(true);
  return {
    name: 'nginx',
    port,
    redirectPort,
    // nginx reads Content-Length before passing anything on: always its own 413.
    tooLarge: [413],
    ca: readFileSync(join(dir, 'proxy.crt'), 'utf8'),
    stop: stopper(child, 'SIGQUIT'),
  };
}

async function startCaddy(relayPort: number, dir: string): Promise<Proxy> {
  const port = await freePort();
  const site = templated('caddy/Caddyfile', [
    [
      'contact-desk.interieur.example {',
      `{\n\tadmin off\n\tauto_https disable_redirects\n\tdefault_sni 127.0.0.1\n\tskip_install_trust\n\tstorage file_system ${join(dir, 'storage')}\n}\n\nhttps://127.0.0.1:${port} {`,
    ],
    ['\t\tprotocols tls1.2 tls1.3', '\t\tprotocols tls1.2 tls1.3\n\t\tissuer internal'],
    ['reverse_proxy 127.0.0.1:4410 {', `reverse_proxy 127.0.0.1:${relayPort} {`],
  ]);
  writeFileSync(join(dir, 'Caddyfile'), site);
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') };
  let output = '';
  const child = spawn(caddy ?? 'caddy', ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await listening(port, child, () => output);
  // Caddy's own CA for `issuer internal`, made at its first start.
  const root = join(dir, 'storage', 'pki', 'authorities', 'local', 'root.crt');
  // Caddy 2.6 (Debian 12) streams the body and cuts it at the limit, answering 502, not 413. The
  // relay may answer first: a request without an API key is refused (401) before its body is read.
  // Either way the relay never gets the body whole, and the head below shows nothing was recorded.
  return { name: 'Caddy', port, tooLarge: [502, 401], ca: readFileSync(root, 'utf8'), stop: stopper(child, 'SIGTERM') };
}

const guess = (n: number) => JSON.stringify({ code: `GGGG-GGGG-${String(n).padStart(4, '0')}`, deviceLabel: 'laptop' });

function behind(name: string, available: boolean, start: (relayPort: number, dir: string) => Promise<Proxy>): void {
  describe.skipIf(!available)(`the relay behind ${name}`, { timeout: 120_000 }, () => {
    const dir = tempDir(`proxy-${name.toLowerCase()}`);
    const dataDir = newDataDir();
    let relay: RelayProcess;
    let proxy: Proxy;

    beforeAll(async () => {
      relay = new RelayProcess(dataDir, await freePort(), { CONTACT_DESK_TRUST_PROXY: 'loopback' });
      await relay.start();
      const started = Date.now();
      proxy = await start(relay.port, dir);
      process.stdout.write(`${name} started in ${Date.now() - started} ms\n`);
    }, 120_000);

    afterAll(async () => {
      await proxy?.stop();
      await relay?.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('answers /healthz over HTTPS with HSTS, and sends plain HTTP to HTTPS', async () => {
      const health = await through(proxy, 'GET', '/healthz');
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ ok: true });
      expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
      if (proxy.redirectPort) {
        const redirected = await fetch(`http://127.0.0.1:${proxy.redirectPort}/healthz`, { redirect: 'manual' });
        expect(redirected.status).toBe(301);
        expect(redirected.headers.get('location')).toBe(`https://127.0.0.1:${proxy.port}/healthz`);
      }
    });

    it('enrolls a device and connects it over WSS through the proxy', async () => {
      await relayCliOk(dataDir, ['platform', 'add', 'meta', '--name', 'Meta']);
      const code = enrollmentCode(
        await relayCliOk(dataDir, ['user', 'add', '--role', 'liaison', '--platform', 'meta', '--name', 'Sophie Laurent']),
      );
      const enrolled = await through(proxy, 'POST', '/enroll', { body: JSON.stringify({ code, deviceLabel: 'laptop' }) });
      expect(enrolled.status).toBe(200);
      const { token } = JSON.parse(enrolled.body) as { token: string };
      expect(await connectAndPull(`https://127.0.0.1:${proxy.port}`, token, { ca: proxy.ca })).toMatchObject({ ok: true });
    });

    it('gives the relay the client address, so the limit on refused codes is per client, and a forged header changes nothing', async () => {
      for (let i = 0; i < 10; i += 1)
        expect((await through(proxy, 'POST', '/enroll', { body: guess(i), from: '127.0.0.2' })).status).toBe(401);
      expect((await through(proxy, 'POST', '/enroll', { body: guess(10), from: '127.0.0.2' })).status).toBe(429);
      const forged = await through(proxy, 'POST', '/enroll', {
        body: guess(11),
        from: '127.0.0.2',
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      expect(forged.status).toBe(429);
      expect((await through(proxy, 'POST', '/enroll', { body: guess(12), from: '127.0.0.3' })).status).toBe(401);
    });

    it('keeps the administration endpoint and bodies over the limit away from the relay', async () => {
      const before = (JSON.parse((await through(proxy, 'GET', '/healthz')).body) as { headSeq: number }).headSeq;
      const admin = await through(proxy, 'POST', '/admin/perform', {
        body: JSON.stringify({ type: 'platform.create', args: { platformId: 'x', name: 'X' } }),
      });
      expect(admin.status).toBe(404);
      const large = await through(proxy, 'POST', '/api/v1/requests/x/acknowledge', { body: Buffer.alloc(2 * 1024 * 1024, 0x20) });
      expect(proxy.tooLarge).toContain(large.status);
      expect((JSON.parse((await through(proxy, 'GET', '/healthz')).body) as { headSeq: number }).headSeq).toBe(before);
    });
  });
}

behind('nginx', Boolean(nginx && openssl), startNginx);
behind('Caddy', Boolean(caddy), startCaddy);
