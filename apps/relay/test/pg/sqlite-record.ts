/**
 * A realistic SQLite record to migrate and back up: the demo's weeks of requests replayed through
 * the relay, and beside them what the demo has none of — a webhook and its sealed secret, an API
 * key's hash, and outbox rows in every state, some sharing an order key.
 */
import { newId } from '@contact-desk/shared';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { perform } from '../../src/cli/admin-actions.js';
import { withCore } from '../../src/cli/open-core.js';
import { databaseFile } from '../../src/config.js';
import { seedDemo } from '../../src/demo/seed.js';
import type { NewDelivery } from '../../src/storage/outbox-store.js';
import { SqliteStorage } from '../../src/storage/sqlite-storage.js';
import { issueKey, type IssuedKey } from '../api/api-client.js';
import { batchOf, T0 } from '../storage-contract/log-writer.js';

export interface SqliteRecord {
  readonly dataDir: string;
  readonly file: string;
  /** An API key that may act on platform `x`, whose fresh P0 is still open. */
  readonly apiKey: IssuedKey;
}

/** Where the webhook deliveries go, and what they are about: the same for every row. */
const TO_CASE_TOOL = { channel: 'webhook', target: 'hook-1', targetName: 'Case tool', platformId: 'x', path: null } as const;
const ABOUT = { trigger: 'event', topic: 'request.created', requestId: null, ref: null, level: null } as const;

function delivery(index: number, orderKey: string | null): NewDelivery {
  const body = JSON.stringify({ type: 'request.created', index, text: 'é — “quoted”' });
  const dedupKey = index % 5 === 0 ? `soon:${index}` : null;
  return {
    ...TO_CASE_TOOL,
    ...ABOUT,
    id: newId(),
    createdAt: T0 - 1000 + (index % 3),
    causeSeq: index + 1,
    body,
    dedupKey,
    orderKey,
    nextAttemptAt: T0 + index,
  };
}

/** Outbox rows written straight into the file (the demo plans none): pending, delivered and abandoned. */
function addOutbox(file: string): void {
  const storage = new SqliteStorage(file);
  try {
    const planned = Array.from({ length: 30 }, (_, index) => delivery(index, index % 2 === 0 ? 'pager:x' : null));
    storage.commitNow(batchOf({ outbox: { deliveries: planned, deliveryUpdates: [], webhookSecrets: [] } }));
    const updates = planned.slice(0, 12).map((row, index) => ({
      id: row.id,
      status: index % 4 === 0 ? ('abandoned' as const) : ('delivered' as const),
      attempts: 1 + (index % 3),
      nextAttemptAt: null,
      lastAttemptAt: T0 + index,
      lastDetail: index % 4 === 0 ? 'HTTP 500' : 'HTTP 200',
    }));
    storage.commitNow(batchOf({ outbox: { deliveries: [], deliveryUpdates: updates, webhookSecrets: [] } }));
  } finally {
    storage.closeNow();
  }
}

export async function sqliteRecord(requests = 120): Promise<SqliteRecord> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-record-'));
  await seedDemo({ dataDir, reset: true, requests, now: T0 });
  const apiKey = await withCore(dataDir, async (core) => {
    await perform(core, 'webhook.create', {
      webhookId: newId(),
      platformId: 'x',
      name: 'Case tool',
      url: 'https://cases.example/hook',
      preset: 'standard',
      presetKey: null,
    });
    return issueKey(core, 'x', 'act', 'X case tool');
  });
  const file = databaseFile({ dataDir });
  addOutbox(file);
  return { dataDir, file, apiKey };
}
