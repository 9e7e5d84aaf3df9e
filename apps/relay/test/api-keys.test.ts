/**
 * API keys: made by the relay when one is issued, shown once, kept only as a SHA-256; every kind
 * of bad key refused with the very same answer; a revoked key refused at once — on its next
 * request, and on a request it had already been admitted for.
 */
import { apiKeyPrefix, newId, parseMutation } from '@contact-desk/shared';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticateCaller } from '../src/api/api-caller.js';
import { hashApiKey, keyMatches } from '../src/api/api-keys.js';
import { hashSecret } from '../src/auth/secrets.js';
import { databaseFile } from '../src/config.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import { fingerprint } from './fuzz/record.js';
import { closeAll } from './harness.js';
import { callWithContinue, revokeKey, type ApiReply } from './api/api-client.js';
import { apiWorld, type ApiWorld } from './api/api-world.js';

let w: ApiWorld;
beforeEach(async () => {
  w = await apiWorld();
});
afterEach(closeAll);

/** Every row of every table of the data file, as text. */
function everyRow(dataDir: string): string {
  const db = new Database(databaseFile({ dataDir }), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).raw().all())).join('\n');
  } finally {
    db.close();
  }
}

const REFUSED = { ok: false, error: { code: 'unauthenticated', message: 'Missing, unknown or revoked API key.' } };

function expectRefused(reply: ApiReply, context: string): void {
  expect([reply.status, reply.json(), reply.headers['www-authenticate']], context).toEqual([401, REFUSED, 'Bearer realm="contact-desk"']);
}

describe('issuing a key', () => {
  it('the prefect’s app gets the key once; the relay keeps only its SHA-256, nowhere in the log or the mutation results', async () => {
    const apiKeyId = newId();
    const mutation = {
      mutationId: newId(),
      type: 'apiKey.issue',
      args: { apiKeyId, platformId: 'alpha', name: 'Ticketing', scope: 'act' },
      clientTime: null,
    };
    const first = await w.prefect.send(mutation);
    if (first.status !== 'accepted') throw new Error(first.error.message);
    const key = first.data?.apiKey ?? '';
    expect(key).toMatch(/^cdk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiKeyPrefix(apiKeyId))).toBe(true);
    expect(key.slice(4, 36)).toBe(apiKeyId.replaceAll('-', ''));

    // Sent again, the same answer without the key.
    const again = await w.prefect.send(mutation);
    expect(again).toEqual({ ...first, data: {} });
    const pulled = await w.prefect.pull(0, 1000);
    expect(JSON.stringify(pulled)).not.toContain(key);

    const rows = everyRow(w.h.dataDir);
    expect(rows).not.toContain(key);
    expect(rows).not.toContain(key.slice(36));
    expect(rows).toContain(hashApiKey(key));
    const storage = new SqliteStorage(databaseFile({ dataDir: w.h.dataDir }), { readOnly: true });
    try {
      expect(await storage.apiKeyHash(apiKeyId)).toBe(hashSecret(key));
    } finally {
      storage.closeNow();
    }
    const reply = await w.api('GET', '/api/v1/requests', { key });
    expect(reply.status).toBe(200);
  });

  it('compares digests: a key right but for one character, anywhere, is refused; a key is its own digest only', () => {
    const key = w.keys.alphaAct.key;
    const stored = hashApiKey(key);
    expect(keyMatches(stored, key)).toBe(true);
    expect(keyMatches(undefined, key)).toBe(false);
    for (let i = 0; i < key.length; i += 1) {
      const flipped = `${key.slice(0, i)}${key[i] === 'a' ? 'b' : 'a'}${key.slice(i + 1)}`;
      expect(keyMatches(stored, flipped), `position ${i}`).toBe(false);
    }
  });
});

describe('refusals', () => {
  it('no key, another scheme, a malformed, unknown, wrong or revoked key: one answer, on every route', async () => {
    const requestId = await w.request('alpha');
    const { key } = w.keys.alphaAct;
    const revoked = w.keys.alphaRead;
    await revokeKey(w.h.core, revoked.id);
    const unknownId = `cdk_${newId().replaceAll('-', '')}${key.slice(36)}`;
    const wrongSecret = `${key.slice(0, 36)}_${'A'.repeat(43)}`;
    const authorizations: (string | undefined)[] = [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      `Basic ${key}`,
      `Token ${key}`,
      `Bearer${key}`,
      `Bearer ${key} extra`,
      `Bearer ${key}x`,
      `Bearer ${key.slice(0, -1)}`,
      `Bearer ${key.toUpperCase()}`,
      `Bearer ${unknownId}`,
      `Bearer ${wrongSecret}`,
      `Bearer ${revoked.key}`,
      `Bearer ${w.liaisonA.token}`,
    ];
    const before = fingerprint(w.h);
    for (const authorization of authorizations) {
      const options = authorization === undefined ? {} : { authorization };
      expectRefused(await w.api('GET', '/api/v1/requests', options), `list ${authorization}`);
      expectRefused(await w.api('GET', `/api/v1/requests/${requestId}`, options), `detail ${authorization}`);
      expectRefused(
        await w.api('POST', `/api/v1/requests/${requestId}/acknowledge`, { ...options, idempotencyKey: newId() }),
        `write ${authorization}`,
      );
    }
    expect(fingerprint(w.h)).toEqual(before);
    // The scheme is case-insensitive, and spaces before the key are allowed.
    expect((await w.api('GET', '/api/v1/requests', { authorization: `bearer   ${key}` })).status).toBe(200);
  });

  it('a read-only key asking for a change is refused with 403, whatever the request', async () => {
    const requestId = await w.request('alpha');
    const otherPlatforms = await w.request('beta');
    const before = fingerprint(w.h);
    for (const [id, action] of [
      [requestId, 'acknowledge'],
      [newId(), 'answer'],
      [otherPlatforms, 'comments'],
    ] as const) {
      const reply = await w.write(w.keys.alphaRead, id, action, {});
      expect([reply.status, reply.json()]).toEqual([
        403,
        {
          ok: false,
          error: {
            code: 'forbidden',
            message: 'This API key may only read (scope read).',
            details: { scope: 'read', reason: 'key_scope' },
          },
        },
      ]);
    }
    expect(fingerprint(w.h)).toEqual(before);
  });
});

describe('revocation takes effect at once', () => {
  it('the next request is refused, from the prefect’s app as from the CLI path', async () => {
    const requestId = await w.request('alpha');
    expect((await w.api('GET', `/api/v1/requests/${requestId}`, { key: w.keys.alphaAct.key })).status).toBe(200);
    const revoked = await w.prefect.act('apiKey.revoke', { apiKeyId: w.keys.alphaAct.id });
    expect(revoked.status).toBe('accepted');
    expectRefused(await w.api('GET', `/api/v1/requests/${requestId}`, { key: w.keys.alphaAct.key }), 'after revocation');
    expectRefused(await w.write(w.keys.alphaAct, requestId, 'acknowledge'), 'a write after revocation');
    await revokeKey(w.h.core, w.keys.betaAct.id);
    expectRefused(await w.api('GET', '/api/v1/requests', { key: w.keys.betaAct.key }), 'revoked through the administration path');
    // Other keys are untouched.
    expect((await w.api('GET', '/api/v1/requests', { key: w.keys.alphaRead.key })).status).toBe(200);
  });

  it('a request admitted before the revocation, whose body arrives after it, is refused and records nothing', async () => {
    const requestId = await w.request('alpha');
    const before = fingerprint(w.h);
    let revokedAtSeq = 0;
    const reply = await callWithContinue(
      w.h.relay.url,
      `/api/v1/requests/${requestId}/acknowledge`,
      { key: w.keys.alphaAct.key, idempotencyKey: newId(), body: {} },
      // "100 Continue": the relay checked the key and asks for the body. Revoke it now.
      async () => {
        const revoked = await w.prefect.act('apiKey.revoke', { apiKeyId: w.keys.alphaAct.id });
        if (revoked.status !== 'accepted') throw new Error('revocation refused');
        revokedAtSeq = revoked.seqs[0] ?? 0;
      },
    );
    expect(reply.continued).toBe(true);
    expectRefused(reply, 'in flight');
    expect(w.h.headSeq).toBe(revokedAtSeq);
    expect((await w.h.eventsAfter(before.headSeq)).map((event) => event.type)).toEqual(['apiKey.revoked']);
    expect(w.h.core.view.requests.get(requestId)?.status).toBe('open');
  });

  it('a mutation decided in the same group commit as the revocation, after it, is refused', async () => {
    const requestId = await w.request('alpha');
    const storage = new SqliteStorage(databaseFile({ dataDir: w.h.dataDir }), { readOnly: true });
    const caller = await authenticateCaller(`Bearer ${w.keys.alphaAct.key}`, w.h.core.view, storage);
    storage.closeNow();
    if (typeof caller === 'string') throw new Error(`key refused: ${caller}`);
    const revoke = parseMutation({ mutationId: newId(), type: 'apiKey.revoke', args: { apiKeyId: w.keys.alphaAct.id }, clientTime: null });
    const acknowledge = parseMutation({ mutationId: newId(), type: 'request.acknowledge', args: { requestId }, clientTime: null });
    if (!revoke.ok || !acknowledge.ok) throw new Error('invalid mutations');
    // Queued in the same tick: one batch, the revocation first.
    const [revoked, acknowledged] = await Promise.all([
      w.h.core.submit(w.h.core.adminSession(), [revoke.value]),
      w.h.core.submit(caller.session, [acknowledge.value]),
    ]);
    expect(revoked[0]?.status).toBe('accepted');
    expect(acknowledged[0]).toEqual({ mutationId: acknowledge.value.mutationId, status: 'rejected', error: REFUSED.error });
    expect(w.h.core.view.requests.get(requestId)?.status).toBe('open');
  });
});
