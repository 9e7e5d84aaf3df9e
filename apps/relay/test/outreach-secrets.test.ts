/**
 * Webhook secrets at rest: sealed with AES-256-GCM under a key file of the data folder (owner
 * only), never in the log, the stored answers or the outbox; still good after a restart; useless
 * without the key or moved to another webhook.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../src/config.js';
import { SecretBox, secretKeyFile } from '../src/outreach/secret-box.js';
import { secretContext } from '../src/outreach/webhook-secrets.js';
import { closeAll, createRequest } from './harness.js';
import { drain, startDesk } from './outreach/desk.js';
import { addWebhook, closeReceiversAfterEach, receiver } from './outreach/hooks.js';
import { verifyStandard } from './outreach/webhook-receiver.js';

afterEach(closeAll);
closeReceiversAfterEach();

const PAGER_KEY = 'PAGERKEY-0123456789abcdef';

/** Every byte SQLite holds for the data folder: the file and its write-ahead log. */
function fileBytes(dataDir: string): string {
  const file = databaseFile({ dataDir });
  return ['', '-wal'].map((suffix) => (existsSync(file + suffix) ? readFileSync(file + suffix).toString('latin1') : '')).join('');
}

describe('webhook secrets at rest', () => {
  it('are sealed under an owner-only key file and appear nowhere in the log, the answers or the outbox', async () => {
    const { h, ops, prefect } = await startDesk();
    expect(existsSync(secretKeyFile(h.dataDir))).toBe(false); // made on first use
    const hook = await receiver();
    const { webhookId, secret } = await addWebhook(prefect, { platformId: 'alpha', url: hook.url() });
    const pager = await addWebhook(prefect, { platformId: 'alpha', url: hook.url('/pd'), preset: 'pagerduty', presetKey: PAGER_KEY });
    expect(pager.secret).toBe(''); // a pager's own key is never handed back
    await createRequest(ops, 'alpha', { priority: 'P0' });
    await drain(h);

    expect(statSync(secretKeyFile(h.dataDir)).mode & 0o777).toBe(0o600);
    const bytes = fileBytes(h.dataDir);
    for (const plain of [secret, secret.slice('whsec_'.length), PAGER_KEY]) expect(bytes.includes(plain)).toBe(false);

    const db = new Database(databaseFile(h), { readonly: true });
    try {
      const sealed = db.prepare('SELECT webhook_id, version, sealed FROM webhook_secrets ORDER BY webhook_id').all() as {
        webhook_id: string;
        version: number;
        sealed: string;
      }[];
      expect(sealed.map((row) => row.sealed.slice(0, 3))).toEqual(['v1:', 'v1:']);
      const box = SecretBox.forDataDir(h.dataDir);
      const mine = sealed.find((row) => row.webhook_id === webhookId)!;
      expect(box.open(mine.sealed, secretContext(webhookId, mine.version))).toBe(secret);
      // Moved to another webhook, or opened with another folder's key, it gives nothing.
      expect(() => box.open(mine.sealed, secretContext(pager.webhookId, mine.version))).toThrow();
      const stranger = SecretBox.forDataDir(mkdtempSync(join(tmpdir(), 'other-key-')));
      expect(() => stranger.open(mine.sealed, secretContext(webhookId, mine.version))).toThrow();
      for (const table of ['events', 'mutations', 'deliveries']) {
        const text = JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all());
        expect(text, table).not.toContain('whsec_');
        expect(text, table).not.toContain(PAGER_KEY);
      }
    } finally {
      db.close();
    }
  });

  it('still sign after a restart, with the same key file', async () => {
    const { h, prefect, users } = await startDesk();
    const hook = await receiver();
    const { secret } = await addWebhook(prefect, { platformId: 'alpha', url: hook.url() });
    await h.restart();
    await createRequest(await h.connect(users.operator), 'alpha');
    await drain(h);
    expect(verifyStandard(hook.received[0]!, secret)).toMatchObject({ type: 'request.created' });
  });
});
