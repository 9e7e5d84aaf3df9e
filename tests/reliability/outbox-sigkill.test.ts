/**
 * The outbox across a SIGKILL: a real `relay serve` process has 100 webhook deliveries to make
 * to a receiver that takes requests and never answers; it is killed, the receiver recovers, the
 * relay restarts on the same file. Every delivery arrives at least once, signed, under the id it
 * was planned with — the two in flight at the kill arrive again under theirs. The webhook is set
 * up with the CLI through the running relay.
 */
import Database from 'better-sqlite3';
import { newId } from '@contact-desk/shared';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyStandard } from '../../apps/relay/test/outreach/webhook-receiver';
import { WebhookReceiver } from '../../apps/relay/test/outreach/webhook-receiver';
import { addUserAsync as addUser, freePort, relayCliOk, RelayProcess } from '../support/relay-process';
import { enroll, until } from './load-device';
import { removeDir, tempDir } from './load-relay';

const DELIVERIES = 100;
const folders: string[] = [];
afterAll(() => folders.forEach(removeDir));

function folder(): string {
  const dir = tempDir('contact-desk-outbox-');
  folders.push(dir);
  return dir;
}

interface Row {
  id: string;
  status: string;
  attempts: number;
}

function outbox(dataDir: string): Row[] {
  const db = new Database(join(dataDir, 'contact-desk.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id, status, attempts FROM deliveries ORDER BY rowid').all() as Row[];
  } finally {
    db.close();
  }
}

/** Pushes request creations from an operator's device and waits for the answers. */
async function createRequests(url: string, token: string, count: number): Promise<void> {
  const socket = io(url, { auth: { token, protocolVersion: 1 }, transports: ['websocket'], forceNew: true, reconnection: false });
  try {
    const mutations = Array.from({ length: count }, (_, i) => ({
      mutationId: newId(),
      type: 'request.create',
      args: {
        requestId: newId(),
        platformId: 'meta',
        kind: 'removal',
        priority: 'P2',
        items: [`https://video.example/${i}`],
        category: 'terrorism_apology',
        grounds: 'Apologie du terrorisme.',
      },
      clientTime: null,
    }));
    const answer = (await socket.timeout(30_000).emitWithAck('push', { mutations })) as { ok: boolean; results: { status: string }[] };
    expect(answer.ok && answer.results.every((result) => result.status === 'accepted')).toBe(true);
  } finally {
    socket.disconnect();
  }
}

describe('the outbox across a SIGKILL', () => {
  it('every delivery pending or in flight at the kill arrives after the restart, signed, under its planned id', async () => {
    const dataDir = folder();
    await relayCliOk(dataDir, ['platform', 'add', 'meta', '--name', 'Meta']);
    const code = await addUser(dataDir, 'Olivia Operator', 'operator');
    const receiver = await WebhookReceiver.start();
    receiver.answer = () => 'hang';
    const relay = new RelayProcess(dataDir, await freePort(), { CONTACT_DESK_DELIVERY_TIMEOUT_MS: '120000' });
    await relay.start();
    try {
      const added = JSON.parse(
        await relayCliOk(dataDir, ['webhook', 'add', '--platform', 'meta', '--name', 'Meta case tool', '--url', receiver.url(), '--json']),
      ) as { webhookId: string; signingSecret: string };
      expect(added.signingSecret).toMatch(/^whsec_/);
      const listed = JSON.parse(await relayCliOk(dataDir, ['webhook', 'list', '--json'])) as { id: string; preset: string }[];
      expect(listed).toMatchObject([{ id: added.webhookId, preset: 'standard' }]);
      expect(JSON.stringify(listed)).not.toContain(added.signingSecret);

      await createRequests(relay.url, await enroll(relay.url, code, 'operator laptop'), DELIVERIES);
      await until(() => receiver.received.length >= 2, 'two deliveries in flight at the receiver', 30_000);
      const inFlight = receiver.received.map((request) => String(request.headers['webhook-id']));
      const planned = outbox(dataDir);
      expect(planned).toHaveLength(DELIVERIES);
      expect(planned.every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true);

      await relay.stop('SIGKILL');
      receiver.answer = () => 200;
      receiver.received.length = 0;
      const restartedAt = Date.now();
      await relay.start();
      const ids = () => new Set(receiver.received.map((request) => String(request.headers['webhook-id'])));
      await until(() => ids().size >= DELIVERIES, 'every delivery at the receiver', 60_000);
      const caughtUpMs = Date.now() - restartedAt;
      await until(() => outbox(dataDir).every((row) => row.status === 'delivered'), 'every delivery recorded', 30_000);

      expect([...ids()].sort()).toEqual(planned.map((row) => row.id).sort());
      expect(inFlight.every((id) => ids().has(id))).toBe(true);
      for (const request of receiver.received)
        expect(verifyStandard(request, added.signingSecret)).toMatchObject({ type: 'request.created' });
      const rows = outbox(dataDir);
      console.log(
        `outbox across SIGKILL: ${DELIVERIES} planned, ${inFlight.length} in flight at the kill, ` +
          `${receiver.received.length} received after the restart (${receiver.received.length - DELIVERIES} twice), ` +
          `${rows.filter((row) => row.attempts === 1).length} delivered on their first recorded attempt, ` +
          `all at the receiver ${caughtUpMs} ms after the restart began`,
      );
    } finally {
      await relay.stop('SIGTERM');
      await receiver.close();
    }
  });

  it('the CLI sets webhooks up on a folder no relay serves: a pager with its key, a rotation, a removal', async () => {
    const dataDir = folder();
    await relayCliOk(dataDir, ['platform', 'add', 'meta', '--name', 'Meta']);
    const key = 'R0UTING-KEY-0123456789';
    const pager = await relayCliOk(dataDir, [
      'webhook',
      'add',
      '--platform',
      'meta',
      '--name',
      'Meta pager',
      '--preset',
      'pagerduty',
      '--key',
      key,
    ]);
    expect(pager).toMatch(/^added webhook Meta pager \(\S+\) for meta\n$/);
    const standard = await relayCliOk(dataDir, [
      'webhook',
      'add',
      '--ministry',
      '--name',
      'Permanence',
      '--url',
      'https://ops.interieur.example/hook',
      '--priorities',
      'P0,P1',
    ]);
    expect(standard).toMatch(/signing secret \(shown once, keep it in the receiver\): whsec_/);
    const rotated = await relayCliOk(dataDir, ['webhook', 'rotate', 'Permanence']);
    expect(rotated).toMatch(/^new signing secret of Permanence \(shown once\): whsec_\S+\n$/);
    await relayCliOk(dataDir, ['webhook', 'remove', 'Meta pager']);
    const list = await relayCliOk(dataDir, ['webhook', 'list']);
    expect(list).toMatch(/Meta pager +meta +pagerduty +https:\/\/events\.pagerduty\.com\/v2\/enqueue +all +removed/);
    expect(list).toMatch(/Permanence +ministry +standard +https:\/\/ops\.interieur\.example\/hook +P0,P1 +active/);
    const db = new Database(join(dataDir, 'contact-desk.sqlite'), { readonly: true });
    const everything = JSON.stringify(
      ['events', 'mutations', 'webhook_secrets'].map((table) => db.prepare(`SELECT * FROM ${table}`).all()),
    );
    db.close();
    expect(everything).not.toContain(key);
    expect(everything).not.toContain('whsec_');
  });
});
