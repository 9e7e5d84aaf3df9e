/**
 * A read fault on the relay's own file: a page of the event log damaged on disk (SQLITE_CORRUPT
 * when a pull reaches it). The relay must answer the pull with a typed error, stay up, and keep
 * serving everything that does not touch the damaged page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/auth/secrets.js';
import { databaseFile, type RelayConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { startRelay } from '../src/server.js';
import { closeAll, createRequest, standardSetup } from './harness.js';

afterEach(closeAll);

const PAGE_SIZE = 4096;

function configFor(dataDir: string): RelayConfig {
  return { host: '127.0.0.1', port: 0, dataDir, corsOrigin: '*', deadlineCheckMs: 0, logLevel: 'silent' };
}

describe('a damaged page of the event log', () => {
  it('a pull that reaches it is refused as storage_unavailable; the relay stays up and keeps recording', async () => {
    const { h, operator } = await standardSetup();
    const ops = await h.connect(operator);
    // A withdrawal's reason is kept in its event only: the page holding it is a page of the log.
    const marker = `damaged-page-marker-${'x'.repeat(3_000)}`;
    const early = await createRequest(ops, 'alpha');
    const withdrawn = await ops.act('request.withdraw', { requestId: early.requestId, reason: marker });
    expect(withdrawn.status).toBe('accepted');
    for (let index = 0; index < 20; index += 1) await createRequest(ops, 'alpha', { grounds: `Apologie ${index} ${'g'.repeat(2_000)}` });
    const head = h.headSeq;
    await h.restart();

    const file = databaseFile(h);
    const bytes = readFileSync(file);
    const at = bytes.indexOf(marker);
    expect(at).toBeGreaterThan(0);
    expect(bytes.indexOf(marker, at + 1)).toBe(-1);
    const page = Math.floor(at / PAGE_SIZE);
    bytes.fill(0xff, page * PAGE_SIZE, page * PAGE_SIZE + 64);
    await h.relay.close();
    writeFileSync(file, bytes);
    h.relay = await startRelay(configFor(h.dataDir), { clock: h.clock, logger: silentLogger });
    expect(h.headSeq).toBe(head);

    const again = await h.connect(operator);
    const refused = await again.pull(0);
    expect(refused.ok === false && refused.error.code).toBe('storage_unavailable');
    // Still up: later pages are served, and new changes are recorded.
    const tail = await again.pull(head - 1);
    expect(tail.ok && tail.events.map((event) => event.seq)).toEqual([head]);
    const next = await createRequest(again, 'beta');
    expect(next.result.status).toBe('accepted');
    expect(h.headSeq).toBe(head + 1);
  });
});

describe('a damaged page of the device credentials', () => {
  it('a connection is refused as storage_unavailable, not as a revoked device, and the relay stays up', async () => {
    const { h, operator } = await standardSetup();
    const head = h.headSeq;
    await h.relay.close();
    const file = databaseFile(h);
    const bytes = readFileSync(file);
    const at = bytes.indexOf(hashSecret(operator.token));
    expect(at).toBeGreaterThan(0);
    const page = Math.floor(at / PAGE_SIZE);
    bytes.fill(0xff, page * PAGE_SIZE, page * PAGE_SIZE + 64);
    writeFileSync(file, bytes);
    h.relay = await startRelay(configFor(h.dataDir), { clock: h.clock, logger: silentLogger });

    const error = await h.refusedConnect(operator.token);
    expect(error.code).toBe('storage_unavailable');
    const health = (await (await fetch(`${h.relay.url}/healthz`)).json()) as { ok: boolean; headSeq: number };
    expect(health).toEqual(expect.objectContaining({ ok: true, headSeq: head }));
  });
});
