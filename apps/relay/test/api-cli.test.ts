/**
 * The operator's path, end to end with the built relay: `relay serve`, then `relay apikey issue`
 * through the running relay, the platform's tool acknowledging with its key over plain HTTP while
 * the prefect's app sees it live, `relay apikey list`, and `relay apikey revoke` cutting the key
 * off at its next request.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newId, type ApiKey } from '@contact-desk/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDevice, createRequestArgs, type Client } from './harness.js';

const RELAY_BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'relay.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'relay-api-cli-'));
let server: ChildProcess | undefined;
let prefect: Client | undefined;

function cli(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [RELAY_BIN, ...args, '--data-dir', dataDir], (error, stdout, stderr) =>
      error ? reject(new Error(`relay ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
    );
  });
}

/** Starts `relay serve` on a free port and resolves to its address once it listens. */
function serve(): Promise<string> {
  const child = spawn(process.execPath, [RELAY_BIN, 'serve', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'info', CONTACT_DESK_DEADLINE_CHECK_MS: '0' },
  });
  server = child;
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /"url":"(http:\/\/[^"]+)".*"msg":"relay listening"/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}: ${output}`)));
  });
}

afterAll(async () => {
  prefect?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('relay apikey, through the running relay', () => {
  it('issues a key shown once, the tool acknowledges with it while the prefect watches, list shows no secret, revoke cuts it off', async () => {
    await cli('platform', 'add', 'meta', '--name', 'Meta');
    const code = /enrollment code: (\S+)/.exec(await cli('user', 'add', '--role', 'prefect', '--name', 'Claire Vautrin'))?.[1];
    const url = await serve();
    const enrolled = await fetch(`${url}/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceLabel: 'Laptop' }),
    });
    prefect = await connectDevice(url, ((await enrolled.json()) as { token: string }).token);
    const args = createRequestArgs('meta');
    expect((await prefect.act('request.create', args)).status).toBe('accepted');

    const issued = JSON.parse(await cli('apikey', 'issue', '--platform', 'meta', '--name', 'Case tool', '--scope', 'act', '--json')) as {
      id: string;
      key: string;
      scope: string;
    };
    expect(issued).toMatchObject({ scope: 'act', key: expect.stringMatching(/^cdk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/) });
    const printed = await cli('apikey', 'issue', '--platform', 'meta', '--name', 'Dashboard');
    expect(printed).toMatch(/^issued API key "Dashboard" for meta, scope read \(.+\)\nkey \(shown once, store it now\): cdk_\S+\n$/);

    // What the demo prints: curl -X POST -H "Authorization: Bearer …" -H "Idempotency-Key: …" …/acknowledge
    const acknowledged = await fetch(`${url}/api/v1/requests/${String(args.requestId)}/acknowledge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${issued.key}`, 'idempotency-key': newId() },
    });
    expect(acknowledged.status).toBe(200);
    const live = await prefect.waitForEvent((event) => event.type === 'request.acknowledged', 'the prefect sees the acknowledgement live');
    expect(live.actor).toEqual({ userId: `apikey:${issued.id}`, name: 'Case tool', role: 'liaison', platformId: 'meta', deviceId: null });

    const listed = JSON.parse(await cli('apikey', 'list', '--json')) as ApiKey[];
    expect(listed.map((key) => [key.name, key.scope, key.revokedAt])).toEqual([
      ['Case tool', 'act', null],
      ['Dashboard', 'read', null],
    ]);
    const table = await cli('apikey', 'list');
    expect(table).toContain(listed[0]?.prefix ?? '?');
    expect(table).not.toContain(issued.key.slice(37));

    await cli('apikey', 'revoke', issued.id);
    const refused = await fetch(`${url}/api/v1/requests`, { headers: { authorization: `Bearer ${issued.key}` } });
    expect(refused.status).toBe(401);
    expect(JSON.parse(await cli('apikey', 'list', '--json', '--platform', 'meta'))).toMatchObject([
      { revokedAt: expect.any(Number) },
      { revokedAt: null },
    ]);
  }, 60_000);
});
