/**
 * The relay serving HTTPS and WSS itself: a real `relay serve` process with certificates made by
 * a test CA, reached by an HTTPS client and a socket.io-client device that trust only that CA.
 */
import { PROTOCOL_VERSION, type PullResponse } from '@contact-desk/shared';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { generate } from 'selfsigned';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingError } from '../src/config-setting.js';
import { loadTls } from '../src/tls/tls-certificate.js';
import { runCli, ServeProcess } from './serve-process.js';

interface Pem {
  readonly cert: string;
  readonly key: string;
}

async function testCa(): Promise<Pem> {
  const made = await generate([{ name: 'commonName', value: 'Contact Desk test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { cert: made.cert, key: made.private };
}

/** A server certificate for 127.0.0.1 and localhost, signed by the test CA. */
async function serverCertificate(ca: Pem, name: string): Promise<Pem> {
  const made = await generate([{ name: 'commonName', value: name }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { cert: made.cert, key: made.private };
}

const fingerprint = (pem: Pem) => new X509Certificate(pem.cert).fingerprint256;

/** The certificate a new TLS connection is given, and the protocol agreed, trusting the test CA only. */
function handshakeWith(port: number, ca: string, maxVersion?: 'TLSv1.2'): Promise<{ fingerprint: string; protocol: string | null }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, ca, ...(maxVersion ? { maxVersion } : {}) }, () => {
      resolve({ fingerprint: socket.getPeerCertificate().fingerprint256, protocol: socket.getProtocol() });
      socket.end();
    });
    socket.once('error', reject);
  });
}

function httpsJson(
  url: string,
  ca: string,
  method = 'GET',
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, ca, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          json: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
        }),
      );
    });
    sent.once('error', reject);
    sent.end(body);
  });
}

function device(url: string, token: string, ca?: string): Promise<Socket> {
  const socket = io(url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(ca ? { ca } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

describe('the relay serving TLS itself', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-tls-'));
  const certFile = join(dir, 'relay.crt');
  const keyFile = join(dir, 'relay.key');
  let ca: Pem;
  let first: Pem;
  let second: Pem;
  let relay: ServeProcess;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    ca = await testCa();
    [first, second] = await Promise.all([serverCertificate(ca, 'relay one'), serverCertificate(ca, 'relay two')]);
    writeFileSync(certFile, first.cert);
    writeFileSync(keyFile, first.key, { mode: 0o600 });
    relay = await ServeProcess.start(['--data-dir', join(dir, 'data'), '--port', '0', '--tls-cert', certFile, '--tls-key', keyFile]);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await relay?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz over HTTPS with HSTS, speaks TLS 1.3 and 1.2, and refuses plain HTTP on the same port', async () => {
    expect(relay.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await httpsJson(`${relay.url}/healthz`, ca.cert);
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ ok: true });
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(await handshakeWith(relay.port, ca.cert)).toEqual({ fingerprint: fingerprint(first), protocol: 'TLSv1.3' });
    expect((await handshakeWith(relay.port, ca.cert, 'TLSv1.2')).protocol).toBe('TLSv1.2');
    const loaded = await relay.waitForLog('TLS certificate loaded');
    expect(loaded.certificate).toMatchObject({ subject: 'CN=relay one', fingerprint256: fingerprint(first) });
    expect(JSON.stringify(relay.lines)).not.toContain('PRIVATE KEY');

    const plain = await new Promise<string>((resolve) => {
      const sent = httpGet(`http://127.0.0.1:${relay.port}/healthz`, (res) => resolve(`answered ${res.statusCode}`));
      sent.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(plain).toMatch(/^(ECONNRESET|EPROTO|HPE_.*)$/);
  });

  it('enrolls a device over HTTPS (the CLI reaching the relay through its pinned certificate) and connects it over WSS', async () => {
    const data = join(dir, 'data');
    expect((await runCli(['platform', 'add', 'meta', '--name', 'Meta', '--data-dir', data])).code).toBe(0);
    const added = await runCli(['user', 'add', '--role', 'liaison', '--platform', 'meta', '--name', 'Sophie Laurent', '--data-dir', data]);
    const code = /enrollment code: (\S+)/.exec(added.stdout)?.[1] ?? '';
    const enrolled = await httpsJson(`${relay.url}/enroll`, ca.cert, 'POST', JSON.stringify({ code, deviceLabel: 'laptop' }));
    expect(enrolled.status).toBe(200);
    const token = String(enrolled.json.token);

    await expect(device(relay.url, token)).rejects.toThrow(); // a client that does not trust the test CA
    const socket = await device(relay.url, token, ca.cert);
    sockets.push(socket);
    const pulled = (await socket.timeout(5000).emitWithAck('pull', { afterSeq: 0 })) as PullResponse;
    expect(pulled.ok).toBe(true);
  });

  it('on SIGHUP serves the replaced certificate to new connections, keeps the open ones, and keeps the old one when the new files are bad', async () => {
    const socket = sockets[0];
    if (!socket) throw new Error('the previous test connects a device');
    let dropped = false;
    socket.once('disconnect', () => (dropped = true));

    writeFileSync(certFile, second.cert);
    writeFileSync(keyFile, second.key);
    const from = relay.lines.length;
    relay.signal('SIGHUP');
    const reloaded = await relay.waitForLog('TLS certificate reloaded', from);
    expect(reloaded.certificate).toMatchObject({ subject: 'CN=relay two', fingerprint256: fingerprint(second) });
    expect((await handshakeWith(relay.port, ca.cert)).fingerprint).toBe(fingerprint(second));
    const pulled = (await socket.timeout(5000).emitWithAck('pull', { afterSeq: 0 })) as PullResponse;
    expect(pulled.ok).toBe(true);
    expect(dropped).toBe(false);
    // The CLI pins the certificate the relay announced after the reload.
    expect((await runCli(['platform', 'list', '--data-dir', join(dir, 'data')])).code).toBe(0);
    expect((await runCli(['user', 'add', '--role', 'operator', '--name', 'Léa Martin', '--data-dir', join(dir, 'data')])).code).toBe(0);

    writeFileSync(keyFile, first.key); // not the key of the certificate now in place
    const again = relay.lines.length;
    relay.signal('SIGHUP');
    const refused = await relay.waitForLog('TLS certificate not reloaded: still serving the previous one', again);
    expect(String(refused.reason)).toMatch(/is not the key of the certificate/);
    expect((await handshakeWith(relay.port, ca.cert)).fingerprint).toBe(fingerprint(second));
    expect(JSON.stringify(relay.lines)).not.toContain('PRIVATE KEY');
  });
});

describe('TLS settings the relay cannot use', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-tls-bad-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text, { mode: 0o600 });
    return join(dir, name);
  };

  it("names the file at fault: missing, not PEM, encrypted, or a key that is not the certificate's", async () => {
    const ca = await testCa();
    const [one, other] = await Promise.all([serverCertificate(ca, 'one'), serverCertificate(ca, 'other')]);
    const locked = await generate([{ name: 'commonName', value: 'locked' }], { keyType: 'ec', passphrase: 'correct horse' });
    const cert = file('one.crt', one.cert);
    const key = file('one.key', one.key);
    const garbage = file('garbage.pem', 'not a certificate\n');
    const cases: [string, string, RegExp][] = [
      [join(dir, 'missing.crt'), key, /^the TLS certificate .*missing\.crt cannot be read \(ENOENT\)$/],
      [cert, join(dir, 'missing.key'), /^the TLS key .*missing\.key cannot be read \(ENOENT\)$/],
      [garbage, key, /garbage\.pem holds no PEM certificate$/],
      [cert, garbage, /garbage\.pem holds no PEM private key$/],
      [file('locked.crt', locked.cert), file('locked.key', locked.private), /locked\.key is encrypted with a passphrase/],
      [cert, file('other.key', other.key), /other\.key is not the key of the certificate .*one\.crt$/],
    ];
    for (const [certFile, keyFile, message] of cases) {
      expect(() => loadTls({ certFile, keyFile }), message.source).toThrow(SettingError);
      expect(() => loadTls({ certFile, keyFile }), message.source).toThrow(message);
    }
    expect(loadTls({ certFile: cert, keyFile: key }).options.minVersion).toBe('TLSv1.2');
  });

  it('stops the start with one line, no stack and a non-zero exit code', async () => {
    const ca = await testCa();
    const [one, other] = await Promise.all([serverCertificate(ca, 'one'), serverCertificate(ca, 'other')]);
    const serve = (args: string[], env: Record<string, string> = {}) =>
      runCli(['serve', '--data-dir', join(dir, 'data'), '--port', '0', ...args], env);
    const cases: [Promise<{ code: number; stdout: string; stderr: string }>, RegExp][] = [
      [serve(['--tls-cert', file('alone.crt', one.cert)]), /a TLS certificate was given without its key/],
      [
        serve([], { CONTACT_DESK_TLS_CERT: file('env.crt', one.cert), CONTACT_DESK_TLS_KEY: file('env-other.key', other.key) }),
        /env-other\.key is not the key of the certificate/,
      ],
    ];
    for (const [run, message] of cases) {
      const result = await run;
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^relay: .*${message.source}.*\\n$`));
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr + result.stdout).not.toContain('PRIVATE KEY');
    }
  });
});
