import { canonicalCode, hashEnrollmentCode, hashSecret, newDeviceToken } from '../src/auth/secrets.js';
import { ROTATE_TOKEN_CHANNEL, type RotateTokenResponse } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { newId } from '@contact-desk/shared';
import { createRequest, createRequestArgs, Harness } from './harness.js';
import { LimitsRelay } from './limits-relay.js';
import { TEST_OUTREACH } from './outreach/desk.js';
import { downReceiverPort } from './outreach/hooks.js';
import { WebhookReceiver } from './outreach/webhook-receiver.js';

let relay: LimitsRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

/** Every log line, as written, at the most verbose level. */
function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

const ADMIN_SECRET = `admin-${newId()}`;

describe('no secret in the logs', () => {
  it('enrollment, authentication, rotation, administration, API keys and refused attempts log no token, code, key, secret or hash', async () => {
    const { logger, lines } = capturingLogger();
    relay = await LimitsRelay.start({
      logger,
      adminSecret: ADMIN_SECRET,
      limits: { enrollFailuresPerAddress: 2, mutationBurst: 100, mutationsPerSecond: 1 },
    });
    const secrets: string[] = [ADMIN_SECRET];
    const authorization = `Bearer ${ADMIN_SECRET}`;

    // Administration over the local endpoint: a platform, a prefect with their code.
    const admin = (type: string, args: unknown, bearer = authorization) =>
      relay!.http('POST', '/admin/perform', JSON.stringify({ type, args }), { headers: { authorization: bearer } });
    expect((await admin('platform.create', { platformId: 'alpha', name: 'Alpha', kind: 'platform' })).status).toBe(200);
    const prefectId = newId();
    const created = await admin('user.create', { userId: prefectId, name: 'Prefect', role: 'prefect' });
    const prefectCode = created.json<{ result: { data: { enrollmentCode: string } } }>().result.data.enrollmentCode;
    secrets.push(prefectCode);
    const wrongSecret = `admin-${newId()}`;
    secrets.push(wrongSecret);
    expect((await admin('platform.create', { platformId: 'beta', name: 'Beta', kind: 'platform' }, `Bearer ${wrongSecret}`)).status).toBe(
      401,
    );

    // Enrollment, refused guesses, then the rate limit.
    const enrolled = await relay.enroll(prefectCode);
    const prefectToken = enrolled.json<{ token: string }>().token;
    secrets.push(prefectToken);
    const guesses = ['ZZZZ-ZZZZ-ZZZ1', 'ZZZZ-ZZZZ-ZZZ2', 'ZZZZ-ZZZZ-ZZZ3'];
    secrets.push(...guesses);
    for (const code of guesses) expect([401, 429]).toContain((await relay.enroll(code, '127.0.0.5')).status);
    secrets.push(prefectCode); // already spent: refused
    expect((await relay.enroll(prefectCode, '127.0.0.6')).status).toBe(401);

    // Authentication, a code issued over the socket, a refused token.
    const prefect = await relay.connect(prefectToken);
    const operatorId = newId();
    const issued = await prefect.act('user.create', { userId: operatorId, name: 'Operator', role: 'operator' });
    const operatorCode = issued.status === 'accepted' ? (issued.data?.enrollmentCode ?? '') : '';
    expect(operatorCode).not.toBe('');
    secrets.push(operatorCode);
    const operatorToken = (await relay.enroll(operatorCode)).json<{ token: string }>().token;
    secrets.push(operatorToken);
    const bogus = `cdt_${newId()}${newId()}`;
    secrets.push(bogus);
    expect(await relay.refusedConnect(bogus)).toMatchObject({ code: 'unauthenticated' });

    // A push refused by the rate limit.
    const operator = await relay.connect(operatorToken);
    const flood = Array.from({ length: 100 }, () => ({ mutationId: newId(), type: 'platform.create', args: {}, clientTime: null }));
    await operator.push(flood);
    expect(await operator.push(flood.slice(0, 1))).toMatchObject({ ok: false, error: { code: 'rate_limited' } });

    // Rotation, then the old token refused, then a rotation refused on a replaced token.
    const second = await relay.connect(operatorToken);
    const rotatedToken = newDeviceToken(relay.clock.now());
    secrets.push(rotatedToken);
    const rotated: RotateTokenResponse = await operator.socket
      .timeout(5000)
      .emitWithAck(ROTATE_TOKEN_CHANNEL, { tokenHash: hashSecret(rotatedToken) });
    if (!rotated.ok) throw new Error(rotated.error.code);
    expect(await relay.refusedConnect(operatorToken)).toMatchObject({ code: 'unauthenticated' });
    const refusedToken = newDeviceToken(relay.clock.now());
    secrets.push(refusedToken);
    expect(await second.socket.timeout(5000).emitWithAck(ROTATE_TOKEN_CHANNEL, { tokenHash: hashSecret(refusedToken) })).toMatchObject({
      ok: false,
    });

    // Revocation, then the revoked token refused.
    expect((await prefect.act('user.revoke', { userId: operatorId })).status).toBe('accepted');
    expect(await relay.refusedConnect(rotatedToken)).toMatchObject({ code: 'unauthenticated' });

    // API keys: issued through the administration path and from the prefect's app, used, refused, rate limited, revoked.
    const apiKeyId = newId();
    const issuedKey = await admin('apiKey.issue', { apiKeyId, platformId: 'alpha', name: 'Case tool', scope: 'act' });
    const apiKey = issuedKey.json<{ result: { data: { apiKey: string } } }>().result.data.apiKey;
    expect(apiKey).toMatch(/^cdk_/);
    const appKey = await prefect.act('apiKey.issue', { apiKeyId: newId(), platformId: 'alpha', name: 'Pager', scope: 'read' });
    secrets.push(apiKey, appKey.status === 'accepted' ? (appKey.data?.apiKey ?? '') : '');
    const requestArgs = createRequestArgs('alpha');
    expect((await prefect.act('request.create', requestArgs)).status).toBe('accepted');
    const api = (path: string, key: string, method = 'GET') =>
      relay!.http(method, path, method === 'POST' ? '{}' : undefined, {
        headers: { authorization: `Bearer ${key}`, 'idempotency-key': newId() },
      });
    expect((await api(`/api/v1/requests/${String(requestArgs.requestId)}/acknowledge`, apiKey, 'POST')).status).toBe(200);
    const wrongKey = `${apiKey.slice(0, -4)}AAAA`;
    secrets.push(wrongKey);
    expect((await api('/api/v1/requests', wrongKey)).status).toBe(401);
    let status = 200;
    for (let i = 0; i < 101 && status === 200; i += 1) status = (await api('/api/v1/requests', apiKey)).status;
    expect(status).toBe(429);
    expect((await admin('apiKey.revoke', { apiKeyId })).status).toBe(200);
    expect((await api('/api/v1/requests', apiKey)).status).toBe(401);

    await relay.close();
    relay = undefined;

    const forbidden = secrets.flatMap((secret) => [
      secret,
      hashSecret(secret),
      ...(secret.startsWith('cdt_') || secret.startsWith('admin-') ? [] : [canonicalCode(secret), hashEnrollmentCode(secret)]),
    ]);
    const log = lines.join('');
    for (const secret of forbidden) expect(log.includes(secret), `log contains ${secret.slice(0, 6)}…`).toBe(false);
    // The log did record all of it, so its silence about secrets means something.
    for (const message of [
      'administration from the CLI',
      'administration refused',
      'device enrolled',
      'enrollment refused',
      'enrollment attempt refused: too many refused codes',
      'device connected',
      'push rate limited',
      'device token rotated',
      'token rotation refused',
      'API change',
      'API key refused',
      'API rate limited',
    ]) {
      expect(log, message).toContain(`"msg":"${message}"`);
    }
  });

  it('webhook signing secrets, pager keys, signatures and the SMTP password never reach the logs', async () => {
    const { logger, lines } = capturingLogger();
    const smtpPassword = `pw-${newId()}`;
    const hook = await WebhookReceiver.start();
    hook.answer = (request) => (request.path === '/pager' ? 500 : 200);
    const h = await Harness.start(undefined, undefined, {
      config: {
        logLevel: 'trace',
        outreach: { ...TEST_OUTREACH, smtpUrl: `smtp://desk:${smtpPassword}@127.0.0.1:${await downReceiverPort()}` },
      },
      start: { logger, adminSecret: ADMIN_SECRET },
    });
    try {
      const admin = async (type: string, args: unknown) => {
        const response = await fetch(`${h.relay.url}/admin/perform`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_SECRET}` },
          body: JSON.stringify({ type, args }),
        });
        return (await response.json()) as { ok: boolean; result?: { data?: { signingSecret?: string } } };
      };
      await h.platform('alpha');
      await h.user('liaison', 'alpha', { email: 'liaison@alpha.example' });
      const operator = await h.connect(await h.user('operator'));
      const standard = newId();
      const created = await admin('webhook.create', { webhookId: standard, platformId: 'alpha', name: 'Case tool', url: hook.url() });
      const rotated = await admin('webhook.rotateSecret', { webhookId: standard });
      const pagerKey = `R0UTING${newId().replaceAll('-', '')}`;
      const newPagerKey = `N3W${newId().replaceAll('-', '')}`;
      const pager = newId();
      await admin('webhook.create', {
        webhookId: pager,
        platformId: 'alpha',
        name: 'Pager',
        url: hook.url('/pager'),
        preset: 'pagerduty',
        presetKey: pagerKey,
        priorities: ['P1'],
      });
      await admin('webhook.update', { webhookId: pager, patch: { presetKey: newPagerKey } });
      await createRequest(operator, 'alpha', { priority: 'P1' });
      await h.relay.outreach?.sender?.drain();
      const secrets = [created.result?.data?.signingSecret, rotated.result?.data?.signingSecret].filter((x): x is string => Boolean(x));
      expect(secrets).toHaveLength(2);
      const signatures = hook.received.map((request) => String(request.headers['webhook-signature'] ?? '')).filter(Boolean);
      expect(signatures).toHaveLength(1);
      await h.close();

      const log = lines.join('');
      for (const secret of [
        ...secrets,
        ...secrets.map((s) => s.slice('whsec_'.length)),
        pagerKey,
        newPagerKey,
        smtpPassword,
        ...signatures,
      ]) {
        expect(log.includes(secret), `log contains ${secret.slice(0, 8)}…`).toBe(false);
      }
      for (const message of ['administration from the CLI', 'delivery attempted', 'relay listening']) {
        expect(log, message).toContain(`"msg":"${message}"`);
      }
      expect(log).toContain('"detail":"HTTP 500"');
      expect(log).toContain('"detail":"connection refused"');
    } finally {
      await hook.close();
    }
  });

  it('redaction catches a secret handed to the logger by mistake', () => {
    const { logger, lines } = capturingLogger();
    const token = `cdt_${newId()}`;
    logger.info(
      {
        auth: { token },
        req: { headers: { authorization: `Bearer ${token}` } },
        enrollmentCode: 'ABCD-EFGH-JKMN',
        result: { data: { enrollmentCode: 'ABCD-EFGH-JKMN' } },
      },
      'mistake',
    );
    logger.info({ socket: { auth: { token } }, tokenHash: hashSecret(token) }, 'another');
    const apiKey = `cdk_${'0'.repeat(32)}_${'k'.repeat(43)}`;
    logger.info({ result: { data: { apiKey } }, apiKey, record: { keyHash: hashSecret(apiKey) } }, 'an API key');
    logger.info(
      {
        result: { data: { signingSecret: 'whsec_LEAKED' } },
        mutation: { args: { presetKey: 'PAGERKEY1' } },
        config: { smtpUrl: 'smtp://u:SMTPPASS@h' },
      },
      'outreach',
    );
    logger.info(
      { mutation: { args: { patch: { presetKey: 'PAGERKEY2' } } }, request: { headers: { 'webhook-signature': 'v1,SIGNATURE' } } },
      'outreach again',
    );
    const log = lines.join('');
    expect(log).toContain('"msg":"mistake"');
    expect(log).not.toContain(token);
    expect(log).not.toContain(hashSecret(token));
    expect(log).not.toContain('ABCD-EFGH-JKMN');
    expect(log).toContain('"msg":"an API key"');
    expect(log).not.toContain('k'.repeat(43));
    expect(log).not.toContain(hashSecret(`cdk_${'0'.repeat(32)}_${'k'.repeat(43)}`));
    expect(log).toContain('"msg":"outreach again"');
    for (const leaked of ['whsec_LEAKED', 'PAGERKEY1', 'PAGERKEY2', 'SMTPPASS', 'v1,SIGNATURE']) expect(log).not.toContain(leaked);
  });
});
