import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SmtpSink } from '../../apps/relay/test/outreach/smtp-sink';
import { verifyStandard, WebhookReceiver, type ReceivedHook } from '../../apps/relay/test/outreach/webhook-receiver';
import { createRequestInUi, startApp, type AppFixture, type NewRequest } from './support-app';
import {
  addWebhook,
  confirm,
  integrationsHeld,
  issueApiKey,
  localRecord,
  openAdmin,
  shootDialog,
  shootScreen,
  takeSecret,
  webhookRow,
} from './support-admin';
import { attemptsOf, closedUrl, DUTY_EMAIL, outboxOf, outreachEnv, settled } from './support-outreach';

/**
 * The prefect administers the platforms' integrations in the app, against a real relay process
 * whose outbox sends to a real SMTP server and real HTTP receivers started here: a signed
 * webhook checked with the `standardwebhooks` package, a PagerDuty webhook, an API key used over
 * plain HTTP, the delivery log with a delivery given up; and what a liaison's device holds.
 */
let app: AppFixture;
let sink: SmtpSink;
let receiver: WebhookReceiver;
let prefect: Page;
let liaisonMeta: Page;
let liaisonTiktok: Page;

const TOOL = 'Outil de traitement Meta';
const PAGER = 'Astreinte Meta';
const TIKTOK_TOOL = 'Outil TikTok';
/** The PagerDuty routing key, typed in the dialog: it must show nowhere afterwards. */
const ROUTING_KEY = `R${randomUUID().replaceAll('-', '')}`;
const requests: { meta: NewRequest[]; urgent?: NewRequest } = { meta: [] };

beforeAll(async () => {
  sink = await SmtpSink.start();
  receiver = await WebhookReceiver.start();
  app = await startApp({ relayEnv: outreachEnv(sink) });
  prefect = await app.openAs('prefect', app.codes.prefect, app.relay.url, { hash: '#/admin', notifications: true });
  // The liaisons' devices are online throughout: whatever they receive live is kept on them.
  liaisonMeta = await app.openAs('liaison-meta', app.codes.liaisonMeta, app.relay.url);
  liaisonTiktok = await app.openAs('liaison-tiktok', app.codes.liaisonTiktok, app.relay.url);
});

afterAll(async () => {
  await app?.close();
  await receiver?.close();
  await sink?.close();
});

/** Creates a request from the prefect's create screen. */
async function newRequest(platform: string, priority: string, item: string): Promise<NewRequest> {
  await prefect.getByTestId('nav-create').click();
  return createRequestInUi(prefect, { platform, priority, grounds: 'Revendication d’attentat.', items: [item] });
}

/** The webhook the receiver got at `path` about a request, once it came. */
async function hookFor(path: string, requestId: string): Promise<ReceivedHook> {
  const find = () => receiver.received.find((hook) => hook.path === path && hook.body.includes(requestId));
  await expect.poll(() => find() !== undefined, { timeout: 30_000 }).toBe(true);
  return find()!;
}

it('a standard webhook added in the app signs with the secret it showed once; a new secret signs what follows, alone', async () => {
  await openAdmin(prefect, 'integrations');
  await addWebhook(prefect, { name: TOOL, owner: 'meta', url: receiver.url('/meta') });
  const secret = await takeSecret(prefect, 'dialog-signing-secret');
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await expect.poll(() => webhookRow(prefect, TOOL).textContent()).toContain('secret v1');
  expect(await prefect.content()).not.toContain(secret);

  const first = await newRequest('meta', 'P1', 'https://www.facebook.com/reel/6001');
  requests.meta.push(first);
  const hook = await hookFor('/meta', first.id);
  expect(verifyStandard(hook, secret)).toMatchObject({
    type: 'request.created',
    data: { request: { id: first.id, ref: first.ref, priority: 'P1' } },
  });
  // The relay recorded the try under the id the receiver got.
  await expect
    .poll(() => attemptsOf(app, first.id).find((attempt) => attempt.deliveryId === hook.headers['webhook-id'])?.outcome)
    .toBe('delivered');

  await openAdmin(prefect, 'integrations');
  await webhookRow(prefect, TOOL).getByTestId('webhook-rotate').click();
  await confirm(prefect);
  const rotated = await takeSecret(prefect, 'dialog-signing-secret');
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await expect.poll(() => webhookRow(prefect, TOOL).textContent()).toContain('secret v2');

  const second = await newRequest('meta', 'P1', 'https://www.facebook.com/reel/6002');
  requests.meta.push(second);
  const next = await hookFor('/meta', second.id);
  expect(verifyStandard(next, rotated)).toMatchObject({ type: 'request.created', data: { request: { id: second.id } } });
  expect(() => verifyStandard(next, secret)).toThrow();
});

it('a PagerDuty webhook pages a P0 under the request’s id; its key, typed in the dialog, shows nowhere after', async () => {
  await openAdmin(prefect, 'integrations');
  await addWebhook(prefect, { name: PAGER, owner: 'meta', preset: 'pagerduty', url: receiver.url('/pagerduty'), key: ROUTING_KEY });
  // A pager has no signing secret to show.
  expect(await prefect.getByTestId('dialog-signing-secret').count()).toBe(0);
  await expect.poll(() => webhookRow(prefect, PAGER).textContent()).toContain('PagerDuty');

  const urgent = await newRequest('meta', 'P0', 'https://www.instagram.com/reel/C6003/');
  requests.urgent = urgent;
  const page = JSON.parse((await hookFor('/pagerduty', urgent.id)).body) as {
    routing_key: string;
    event_action: string;
    dedup_key: string;
    payload: { severity: string };
  };
  expect(page).toMatchObject({
    routing_key: ROUTING_KEY,
    event_action: 'trigger',
    dedup_key: urgent.id,
    payload: { severity: 'critical' },
  });

  // Nowhere in the page, nor on the device, nor in any table of the relay's file (log and mutations included).
  expect(await prefect.content()).not.toContain(ROUTING_KEY);
  expect(JSON.stringify(await localRecord(prefect, 'prefect'))).not.toContain(ROUTING_KEY);
  const webhookId = app.query<{ id: string }>('select id from integrations where doc like ?', `%"name":"${PAGER}"%`)[0]?.id;
  const created = app.query<{ mutation_id: string }>(
    "select mutation_id from events where type = 'webhook.created' and payload like ?",
    `%${webhookId}%`,
  );
  expect(created).toHaveLength(1);
  expect(app.query('select 1 from mutations where mutation_id = ?', created[0]!.mutation_id)).toHaveLength(1);
  const tables = app.query<{ name: string }>("select name from sqlite_master where type = 'table'").map((table) => table.name);
  expect(tables).toEqual(expect.arrayContaining(['events', 'mutations', 'integrations', 'deliveries']));
  for (const table of tables) {
    expect(JSON.stringify(app.query(`select * from "${table}"`)), `table ${table}`).not.toContain(ROUTING_KEY);
  }
});

it('an API key issued in the app is shown once, lists its platform’s requests over HTTP, and is refused once revoked', async () => {
  await openAdmin(prefect, 'integrations');
  const key = await issueApiKey(prefect, { name: 'Tableau de bord Meta', platform: 'meta', scope: 'read' });
  expect(key).toMatch(/^cdk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
  expect(await prefect.content()).not.toContain(key);
  const row = prefect.getByTestId('api-key-row').filter({ hasText: 'Tableau de bord Meta' });
  expect(await row.locator('code').textContent()).toBe(`${key.slice(0, 16)}…`);
  // Another platform's request, which the key must not list.
  await newRequest('tiktok', 'P1', 'https://www.tiktok.com/@x/video/6004');

  const list = () => fetch(`${app.relay.url}/api/v1/requests`, { headers: { authorization: `Bearer ${key}` } });
  const listed = await list();
  expect(listed.status).toBe(200);
  const refs = ((await listed.json()) as { requests: { ref: string; platformId: string }[] }).requests.map((request) => request.ref);
  expect(refs.sort()).toEqual([...requests.meta, requests.urgent!].map((request) => request.ref).sort());

  await openAdmin(prefect, 'integrations');
  await row.getByTestId('api-key-revoke').click();
  await confirm(prefect);
  await expect.poll(() => row.textContent()).toContain('Révoquée le');
  const refused = await list();
  expect(refused.status).toBe(401);
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
});

it('the delivery log shows what was delivered and what was given up; the prefect is told of the one given up', async () => {
  await openAdmin(prefect, 'integrations');
  await addWebhook(prefect, {
    name: TIKTOK_TOOL,
    owner: 'tiktok',
    url: await closedUrl(),
    topics: ['request.created', 'request.acknowledged'],
  });
  await shootDialog(prefect, 'admin-signing-secret');
  await takeSecret(prefect, 'dialog-signing-secret');
  const lost = await newRequest('tiktok', 'P1', 'https://www.tiktok.com/@x/video/6005');
  await expect.poll(() => settled(app, lost.id), { timeout: 30_000 }).toBe(true);
  const tries = attemptsOf(app, lost.id).filter((attempt) => attempt.channel === 'webhook');
  expect(tries.at(-1)).toMatchObject({ outcome: 'abandoned', detail: 'connection refused' });
  expect(tries.slice(0, -1).every((attempt) => attempt.outcome === 'failed')).toBe(true);
  // The duty address was told by mail.
  await expect.poll(() => sink.to(DUTY_EMAIL).some((mail) => mail.subject?.includes(lost.ref))).toBe(true);

  await openAdmin(prefect, 'deliveries');
  const rows = prefect.getByTestId('delivery-row');
  const shown = async () => {
    await prefect.getByTestId('deliveries-refresh').click();
    return rows.evaluateAll((nodes) =>
      nodes.map((node) => `${node.getAttribute('data-delivery')} ${node.getAttribute('data-status')}`).sort(),
    );
  };
  const recorded = () =>
    outboxOf(app)
      .map((row) => `${row.id} ${row.status}`)
      .sort();
  await expect
    .poll(async () => (await shown()).join('\n') === recorded().join('\n') && !recorded().some((line) => line.endsWith('pending')), {
      timeout: 30_000,
    })
    .toBe(true);
  expect(await prefect.getByTestId('deliveries-abandoned').locator('span').textContent()).toBe('1 envoi abandonné');
  const given = prefect.locator('[data-testid="delivery-row"][data-status="abandoned"]');
  expect(await given.textContent()).toContain(TIKTOK_TOOL);
  expect(await given.textContent()).toContain(lost.ref);
  expect(await given.textContent()).toContain('connection refused');
  const delivered = prefect.locator('[data-testid="delivery-row"][data-status="delivered"]');
  expect(await delivered.filter({ hasText: TOOL }).count()).toBe(3);
  expect(await delivered.filter({ hasText: PAGER }).count()).toBe(1);
  expect(await delivered.filter({ hasText: DUTY_EMAIL }).count()).toBe(1);
  await prefect.getByTestId('deliveries-show-abandoned').click();
  await expect.poll(() => rows.count()).toBe(1);
  expect(await prefect.getByTestId('deliveries-status').inputValue()).toBe('abandoned');
  expect(await rows.getAttribute('data-status')).toBe('abandoned');
  await prefect.getByTestId('deliveries-status').selectOption('');
  await expect.poll(() => rows.count()).toBe(outboxOf(app).length);
  await shootScreen(prefect, 'admin-deliveries');

  // The notification centre: the message given up, with its tries and the last answer.
  await expect.poll(() => prefect.getByTestId('notice-centre-button').getAttribute('data-count')).toBe('1');
  await prefect.getByTestId('notice-centre-button').click();
  const notice = prefect.getByTestId('notice');
  expect(await notice.getAttribute('data-kind')).toBe('deliveryAbandoned');
  expect(await notice.locator('.notice-title').textContent()).toBe(`Message non remis : ${lost.ref}`);
  expect(await notice.locator('.notice-body').textContent()).toBe(
    `Webhook à ${tries.at(-1)!.recipient} abandonné après ${tries.length} essai(s) — connection refused.`,
  );
  await prefect.getByTestId('notice-centre-button').click();
  await openAdmin(prefect, 'integrations');
  await shootScreen(prefect, 'admin-integrations');
  await prefect.getByTestId('webhook-add').click();
  await shootDialog(prefect, 'admin-webhook-dialog');
  await prefect.getByTestId('webhook-preset').selectOption('pagerduty');
  await shootDialog(prefect, 'admin-webhook-dialog-pager');
  await prefect.keyboard.press('Escape');
  await prefect.getByTestId('dialog-webhook').waitFor({ state: 'detached' });
});

it('a liaison is told Administration is the prefect’s, and her device holds only her platform’s integrations', async () => {
  // Each device holds every event of the log its platform may see, and no other.
  for (const [page, profile, platform] of [
    [liaisonMeta, 'liaison-meta', 'meta'],
    [liaisonTiktok, 'liaison-tiktok', 'tiktok'],
  ] as const) {
    const visible = app.query<{ seq: number }>(
      "select seq from events where audience = 'all' or (audience = 'platform' and platform_id = ?) order by seq",
      platform,
    );
    const held = async () =>
      ((await localRecord(page, profile)).events as { seq: number }[]).map((stored) => stored.seq).sort((a, b) => a - b);
    await expect.poll(held, { timeout: 30_000 }).toEqual(visible.map((row) => row.seq));
    expect(visible.length).toBeGreaterThan(0);
  }
  expect(await integrationsHeld(liaisonMeta, 'liaison-meta')).toEqual({
    held: [`meta ${PAGER}`, `meta ${TOOL}`, 'meta Tableau de bord Meta'].sort(),
    platforms: ['meta'],
  });
  expect(await integrationsHeld(liaisonTiktok, 'liaison-tiktok')).toEqual({ held: [`tiktok ${TIKTOK_TOOL}`], platforms: ['tiktok'] });

  expect(await liaisonMeta.getByTestId('nav-admin').count()).toBe(0);
  await liaisonMeta.evaluate(() => (location.hash = '#/admin'));
  expect(await liaisonMeta.getByTestId('admin-forbidden').textContent()).toBe(
    'Cet espace est réservé au préfet. Adressez-vous à lui pour toute modification des plateformes, des comptes ou des délais.',
  );
  expect(await liaisonMeta.getByTestId('webhooks-panel').count()).toBe(0);
});
