import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggedEvent } from '@contact-desk/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { relayBin } from '../support/relay-process';
import { startDemoApp, type DemoFixture } from './support-app';
import { download } from './support-downloads';

let app: DemoFixture;

beforeAll(async () => {
  app = await startDemoApp();
});

afterAll(async () => {
  await app?.close();
});

/** `relay audit …` on a data folder (the demo's by default): its output and exit code. */
function audit(args: readonly string[], dataDir = app.dataDir): { text: string; status: number | null } {
  const result = spawnSync(process.execPath, [relayBin, 'audit', ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return { text: result.stdout + result.stderr, status: result.status };
}

it("a liaison exports their platform's log with its chain proof, and the relay's audit accepts it", async () => {
  const liaison = await app.openAs('liaison-meta', app.code('liaison', 'meta'), app.proxy.url, '#/exports');
  const button = liaison.getByTestId('export-log-proof');
  await expect.poll(() => button.textContent()).toContain('Meta');
  await expect.poll(() => liaison.getByTestId('proof-platform').count()).toBe(0);
  await screenshot(liaison, 'exports-liaison-log-proof');

  const { name, path, bytes } = await download(liaison, button);
  expect(name).toMatch(/^contact-desk-log-meta-\d{4}-\d{2}-\d{2}-seq\d+\.jsonl$/);

  const [header, ...lines] = bytes.toString('utf8').trim().split('\n');
  const events = lines.map((line) => JSON.parse(line) as LoggedEvent);
  const expected = app.query<{ seq: number; hash: string }>(
    "select seq, hash from events where audience = 'platform' and platform_id = 'meta' order by seq",
  );
  expect(JSON.parse(header ?? '{}')).toMatchObject({ format: 'contact-desk-chain-proof/1', platformId: 'meta', events: expected.length });
  expect(events.map((event) => ({ seq: event.seq, hash: event.hash }))).toEqual(expected);

  const checked = audit(['proof', path]);
  expect(checked.text).toContain('ok: every event matches its hash and the relay log holds the same hashes');
  expect(checked.status).toBe(0);
});

it('relay audit verify says ok on the demo log and finds a row edited by hand', async () => {
  const verified = audit(['verify']);
  expect(verified.status).toBe(0);
  const counted = /^ok, (\d+) events, head [0-9a-f]{64}\nprojections ok: \d+ entities match the log/.exec(verified.text);
  expect(Number(counted?.[1])).toBeGreaterThanOrEqual(app.demo.events);

  // A copy of the live file, edited by hand as someone with access to the disk could.
  const copy = mkdtempSync(join(tmpdir(), 'contact-desk-edited-'));
  const file = join(copy, 'contact-desk.sqlite');
  const live = new Database(join(app.dataDir, 'contact-desk.sqlite'), { readonly: true });
  live.prepare('VACUUM INTO ?').run(file);
  live.close();
  const db = new Database(file);
  const [{ seq }] = db.prepare("select seq from events where type = 'request.acknowledged' order by seq limit 1").all() as [
    { seq: number },
  ];
  db.prepare('update events set server_time = server_time - 600000 where seq = ?').run(seq);
  db.close();
  const broken = audit(['verify'], copy);
  expect(broken.status).toBe(1);
  expect(broken.text).toContain(`BROKEN at seq ${seq}: event ${seq} was edited`);
});
