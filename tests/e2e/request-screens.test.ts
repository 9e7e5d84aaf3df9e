import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SmtpSink } from '../../apps/relay/test/outreach/smtp-sink';
import { WebhookReceiver } from '../../apps/relay/test/outreach/webhook-receiver';
import { relayCliOk } from '../support/relay-process';
import { axeViolations, inEachLanguageAndSize, screenshot } from '../support/browser';
import { createRequestInUi, startDemoApp, type DemoFixture } from './support-app';
import { attemptsOf, outreachEnv, settled } from './support-outreach';

/**
 * The request screen as its users see it, on six weeks of demo history: the liaison with a
 * refusal and an action waiting to be sent, the prefect with who handles it, the escalation
 * chain and who was told when (the relay's mail to a real SMTP server, and a webhook whose
 * receiver answers 503 until the relay gives up); in French and English, at 1280×720 and 1440×900.
 */
let app: DemoFixture;
let sink: SmtpSink;
let pager: WebhookReceiver;

beforeAll(async () => {
  sink = await SmtpSink.start();
  pager = await WebhookReceiver.start();
  pager.answer = () => 503;
  app = await startDemoApp({ relayEnv: outreachEnv(sink) });
});

afterAll(async () => {
  await app?.close();
  await pager?.close();
  await sink?.close();
});

/** Screenshots of the top of the screen and, scrolled, of its timeline, in both languages and sizes. */
async function shoot(page: Page, name: string): Promise<void> {
  await inEachLanguageAndSize(page, async (suffix) => {
    await page.locator('.shell-main').evaluate((main) => main.scrollTo(0, 0));
    await screenshot(page, `${name}-${suffix}`);
    await page.getByTestId('timeline').evaluate((timeline) => timeline.scrollIntoView({ block: 'end' }));
    await screenshot(page, `${name}-${suffix}-timeline`);
  });
}

/** No serious or critical accessibility violation on the page as it is now. */
async function accessible(page: Page, what: string): Promise<void> {
  const blocking = (await axeViolations(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking, `${what}: ${JSON.stringify(blocking)}`).toEqual([]);
}

/** Meta's backup liaison in the demo, with a fresh enrollment code for a device of theirs. */
async function metaBackup(): Promise<{ code: string; name: string; email: string }> {
  const meta = JSON.parse(app.query<{ doc: string }>("select doc from platforms where id = 'meta'")[0]!.doc) as { backupLiaisonId: string };
  const user = JSON.parse(app.query<{ doc: string }>('select doc from users where id = ?', meta.backupLiaisonId)[0]!.doc) as {
    name: string;
    email: string;
  };
  const printed = await relayCliOk(app.dataDir, ['user', 'code', meta.backupLiaisonId]);
  return { code: /: (\S+) \(valid/.exec(printed)![1]!, name: user.name, email: user.email };
}

it('shows the request to the liaison and to the prefect as each must read it', async () => {
  // Meta's on-call tool hears of escalations; its receiver refuses every one (HTTP 503).
  await relayCliOk(app.dataDir, [
    'webhook',
    'add',
    '--platform',
    'meta',
    '--name',
    'Astreinte Meta',
    '--url',
    pager.url(),
    '--topics',
    'request.escalated',
  ]);
  const prefect = await app.openAs('screens-prefect', app.code('prefect'), app.relay.url, { hash: '#/new', notifications: true });
  const liaison = await app.openAs('screens-liaison', app.code('liaison', 'meta'), app.proxy.url);
  const backupLiaison = await metaBackup();
  const backup = await app.openAs('screens-backup', backupLiaison.code, app.relay.url);
  const request = await createRequestInUi(prefect, {
    platform: 'meta',
    grounds: 'Vidéo de revendication de l’attaque de ce matin, relayée par plusieurs comptes.',
    items: ['https://www.facebook.com/watch/?v=7001', 'https://www.instagram.com/reel/C7002/'],
  });
  const hash = `#/request/${encodeURIComponent(request.id)}`;
  for (const page of [liaison, backup]) {
    await page.goto(`${page.url().split('#')[0]}${hash}`);
    await page.locator(`[data-testid="request-ref"]:text-is("${request.ref}")`).waitFor();
  }

  // She takes it; the prefect escalates to the backup; the relay tells people.
  await liaison.getByTestId('owner-take').click();
  await expect.poll(() => prefect.getByTestId('owner-platform').locator('dd').textContent()).not.toBe('Personne pour l’instant');
  await prefect.getByTestId('action-escalate').click();
  await prefect.getByTestId('escalate-text').fill('Contenu toujours en ligne à 15 min de l’échéance.');
  await prefect.getByTestId('submit-escalate').click();
  await expect.poll(() => prefect.getByTestId('escalation-level').getAttribute('data-level')).toBe('1');

  // The level on the prefect's screen is her device's until the relay records the escalation;
  // then the relay mails the backup and gives up on the on-call tool; both screens show every try their side may see.
  const escalations = () =>
    app.query<{ n: number }>("select count(*) as n from events where type = 'request.escalated' and payload like ?", `%${request.id}%`)[0]
      ?.n;
  await expect.poll(escalations, { timeout: 30_000 }).toBe(1);
  await expect.poll(() => settled(app, request.id), { timeout: 30_000 }).toBe(true);
  const tries = attemptsOf(app, request.id);
  expect(tries.find((attempt) => attempt.recipient === backupLiaison.email && attempt.trigger === 'escalated')?.outcome).toBe('delivered');
  expect(tries.filter((attempt) => attempt.channel === 'webhook').map((attempt) => attempt.detail)).toEqual(
    expect.arrayContaining(['HTTP 503']),
  );
  expect(tries.filter((attempt) => attempt.channel === 'webhook').at(-1)?.outcome).toBe('abandoned');
  expect(sink.to(backupLiaison.email).some((mail) => mail.subject?.includes(request.ref))).toBe(true);
  for (const [page, side] of [
    [prefect, tries],
    [liaison, tries.filter((attempt) => attempt.audience === 'platform')],
  ] as const) {
    const shown = page.locator('[data-testid="timeline-entry"][data-type="notification.attempted"]');
    await expect.poll(() => shown.count(), { timeout: 30_000 }).toBe(side.length);
  }

  // The liaison acknowledges with the link cut; her backup, online, acknowledges first.
  app.proxy.sever();
  await expect.poll(() => liaison.getByTestId('sync-status').getAttribute('data-connection'), { timeout: 15_000 }).toBe('offline');
  await liaison.getByTestId('action-acknowledge').click();
  await backup.getByTestId('action-acknowledge').click();
  await expect.poll(() => prefect.getByTestId('request-status').getAttribute('data-status')).toBe('acknowledged');
  app.proxy.restore();
  const refusal = liaison.getByTestId('request-refusal-text');
  await expect
    .poll(() => refusal.textContent(), { timeout: 30_000 })
    .toBe(`Impossible d’accuser réception de ${request.ref} : la plateforme en a déjà accusé réception.`);

  // Cut off again, she answers: it waits on her device, without a relay time.
  app.proxy.sever();
  await expect.poll(() => liaison.getByTestId('sync-status').getAttribute('data-connection'), { timeout: 15_000 }).toBe('offline');
  await liaison.getByTestId('action-answer').click();
  await liaison.getByTestId('answer-all-outcome').selectOption('removed');
  await liaison.getByTestId('answer-apply-all').click();
  await liaison.getByTestId('submit-answer').click();
  await expect.poll(() => liaison.getByTestId('action-outcome').getAttribute('data-state')).toBe('waiting');
  expect(await liaison.getByTestId('time-answered').textContent()).toBe('En attente d’envoi');
  expect(await refusal.count()).toBe(1);

  await accessible(liaison, 'request screen with a refusal and a pending action');
  await liaison.getByTestId('refusal-count').click();
  await liaison.getByTestId('refusal-list').waitFor();
  await accessible(liaison, 'list of refused changes');
  await liaison.getByTestId('refusal-count').click();
  await shoot(liaison, 'request-liaison');
  await shoot(prefect, 'request-prefect');

  await expect.poll(() => prefect.getByTestId('notice-centre-button').getAttribute('data-count'), { timeout: 15_000 }).not.toBe('0');
  await prefect.getByTestId('notice-centre-button').click();
  await prefect.getByTestId('notice-centre').waitFor();
  await accessible(prefect, 'notification centre');
  for (const language of ['fr', 'en'] as const) {
    await prefect.getByTestId(`lang-${language}`).click();
    if ((await prefect.getByTestId('notice-centre').count()) === 0) await prefect.getByTestId('notice-centre-button').click();
    await screenshot(prefect, `notice-centre-${language}`);
  }
  app.proxy.restore();
});
