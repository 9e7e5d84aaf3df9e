import { describe, expect, it } from 'vitest';
import { apiKeyPrefix, parseMutation } from '../src/index.js';
import { PREFECT, seeded, uuid } from './fixtures.js';

const HOOK = uuid(600);
const KEY = uuid(601);

describe('webhooks', () => {
  it('records a platform’s webhook without any secret, visible to the ministry and that platform', () => {
    const { desk } = seeded();
    const { events } = desk.must(PREFECT, 'webhook.create', {
      webhookId: HOOK,
      platformId: 'meta',
      name: 'Meta case tool',
      url: 'https://hooks.meta.example/contact-desk',
    });
    expect(events[0]).toMatchObject({
      type: 'webhook.created',
      audience: { kind: 'platform', platformId: 'meta' },
      payload: { webhook: { id: HOOK, preset: 'standard', active: true, secretVersion: 1, removedAt: null } },
    });
    expect(JSON.stringify(events)).not.toMatch(/whsec|secret"/);
    expect(desk.state.integrations.get(HOOK)).toMatchObject({ type: 'webhook', topics: expect.arrayContaining(['request.created']) });
  });

  it('the ministry’s own webhook stays inside the ministry', () => {
    const { desk } = seeded();
    const { events } = desk.must(PREFECT, 'webhook.create', {
      webhookId: HOOK,
      platformId: null,
      name: 'Permanence',
      url: 'https://ops.interieur.example/hook',
    });
    expect(events[0]?.audience).toEqual({ kind: 'ministry' });
  });

  it('a pager preset needs its key; the key is kept out of the event, only its version moves', () => {
    const { desk } = seeded();
    const withoutKey = parseMutation({
      mutationId: uuid(602),
      type: 'webhook.create',
      args: { webhookId: HOOK, platformId: 'meta', name: 'Pager', url: 'https://events.pagerduty.com/v2/enqueue', preset: 'pagerduty' },
    });
    expect(withoutKey).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    desk.must(PREFECT, 'webhook.create', {
      webhookId: HOOK,
      platformId: 'meta',
      name: 'Pager',
      url: 'https://events.pagerduty.com/v2/enqueue',
      preset: 'pagerduty',
      presetKey: 'R0UTINGKEY0123456789',
      priorities: ['P0'],
    });
    const { events } = desk.must(PREFECT, 'webhook.update', { webhookId: HOOK, patch: { presetKey: 'N3WROUTINGKEY98765' } });
    expect(events[0]?.payload).toMatchObject({ secretReplaced: true, webhook: { secretVersion: 2 } });
    expect(JSON.stringify(desk.log)).not.toContain('ROUTINGKEY');
    expect(desk.submit(PREFECT, 'webhook.rotateSecret', { webhookId: HOOK }).decision).toMatchObject({
      ok: false,
      error: { details: { reason: 'preset_webhook_rotate' } },
    });
  });

  it('refuses addresses the relay must not send to', () => {
    for (const url of ['ftp://example.com/x', 'https://user:pass@example.com/x', 'javascript:alert(1)', 'not a url']) {
      const parsed = parseMutation({
        mutationId: uuid(603),
        type: 'webhook.create',
        args: { webhookId: HOOK, platformId: 'meta', name: 'x', url },
      });
      expect(parsed.ok).toBe(false);
    }
  });

  it('a removed webhook stays on record, inactive, and takes no more changes', () => {
    const { desk } = seeded();
    desk.must(PREFECT, 'webhook.create', { webhookId: HOOK, platformId: 'meta', name: 'Hook', url: 'https://h.example/x' });
    desk.must(PREFECT, 'webhook.remove', { webhookId: HOOK });
    expect(desk.state.integrations.get(HOOK)).toMatchObject({ active: false, removedAt: desk.now });
    expect(desk.submit(PREFECT, 'webhook.update', { webhookId: HOOK, patch: { active: true } }).decision).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'webhook_removed' } },
    });
  });

  it('only the prefect sets them up', () => {
    const { desk, operator, metaLiaison } = seeded();
    for (const actor of [operator, metaLiaison]) {
      expect(
        desk.submit(actor, 'webhook.create', { webhookId: HOOK, platformId: 'meta', name: 'Hook', url: 'https://h.example/x' }).decision,
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('API keys', () => {
  it('records the key’s scope and public prefix, never the key; revoking is recorded once', () => {
    const { desk } = seeded();
    const { events } = desk.must(PREFECT, 'apiKey.issue', { apiKeyId: KEY, platformId: 'meta', name: 'Case tool', scope: 'read' });
    expect(events[0]).toMatchObject({
      type: 'apiKey.issued',
      audience: { kind: 'platform', platformId: 'meta' },
      payload: { apiKey: { id: KEY, scope: 'read', prefix: apiKeyPrefix(KEY), revokedAt: null } },
    });
    desk.must(PREFECT, 'apiKey.revoke', { apiKeyId: KEY });
    expect(desk.state.integrations.get(KEY)).toMatchObject({ revokedAt: desk.now });
    expect(desk.submit(PREFECT, 'apiKey.revoke', { apiKeyId: KEY }).decision).toMatchObject({
      ok: false,
      error: { details: { reason: 'api_key_revoked' } },
    });
  });

  it('is issued only for a platform that exists', () => {
    const { desk } = seeded();
    expect(desk.submit(PREFECT, 'apiKey.issue', { apiKeyId: KEY, platformId: 'nowhere', name: 'x', scope: 'act' }).decision).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
