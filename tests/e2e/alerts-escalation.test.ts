import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SmtpSink } from '../../apps/relay/test/outreach/smtp-sink';
import { screenshot } from '../support/browser';
import { relayCli } from '../support/relay-process';
import { createRequestInUi, osNotifications, startApp, type AppFixture, type NewRequest } from './support-app';
import { DEFAULT_POLICY } from '@contact-desk/shared';
import { attemptsOf, closedUrl, outreachEnv } from './support-outreach';
import { nameEscalationChain, setPolicy } from './support-relay-setup';

let app: AppFixture;
let sink: SmtpSink;
let prefect: Page;
let liaison: Page;
let backup: Page;

const BACKUP = { name: 'Bruno Backup', email: 'bruno.backup@meta.example', phone: '+33 6 12 34 56 78' };
const MANAGER = { name: 'Marc Manager', email: 'marc.manager@meta.example', phone: '+33 1 40 00 00 00' };
/** Meta's case tool, told of missed P0 deadlines at an address where nothing answers. */
const TOOL = 'Outil de traitement Meta';

beforeAll(async () => {
  sink = await SmtpSink.start();
  const toolUrl = await closedUrl();
  app = await startApp({
    // The relay's deadline watcher runs, as in production; its mail goes to a real SMTP server.
    relayEnv: { CONTACT_DESK_DEADLINE_CHECK_MS: '500', ...outreachEnv(sink) },
    prepare: async (dataDir) => {
      // A P0 must be acknowledged within one minute here, so the watcher records a miss during the test.
      await setPolicy(
        dataDir,
        DEFAULT_POLICY.levels.map((level) => (level.label === 'P0' ? { ...level, ackMinutes: 1 } : level)),
      );
      relayCli(dataDir, [
        'webhook',
        'add',
        '--platform',
        'meta',
        '--name',
        TOOL,
        '--url',
        toolUrl,
        '--topics',
        'request.deadlineMissed',
        '--priorities',
        'P0',
      ]);
      return { backup: await nameEscalationChain(dataDir, 'meta', BACKUP, MANAGER) };
    },
  });
  prefect = await app.openAs('prefect', app.codes.prefect, app.relay.url, { hash: '#/new', notifications: true });
  liaison = await app.openAs('liaison-meta', app.codes.liaisonMeta, app.proxy.url, { notifications: true });
  backup = await app.openAs('backup-meta', app.extraCodes.backup!, app.proxy.url, { notifications: true });
});

afterAll(async () => {
  await app?.close();
  await sink?.close();
});

function bell(page: Page) {
  return page.getByTestId('notice-centre-button');
}

async function noticeCount(page: Page): Promise<number> {
  return Number(await bell(page).getAttribute('data-count'));
}

async function openCentre(page: Page): Promise<void> {
  if ((await page.getByTestId('notice-centre').count()) === 0) await bell(page).click();
  await page.getByTestId('notice-centre').waitFor();
}

async function online(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
}

/** The missed deadlines and escalations the relay recorded for a request (the watcher goes on escalating a P0). */
function lateEventsOf(requestId: string): number {
  return (
    app.query<{ n: number }>(
      "select count(*) as n from events where type in ('request.deadlineMissed', 'request.escalated') and payload like ?",
      `%${requestId}%`,
    )[0]?.n ?? 0
  );
}

async function escalate(request: NewRequest, note: string): Promise<void> {
  await prefect.getByTestId('action-escalate').click();
  await prefect.getByTestId('escalate-text').fill(note);
  await prefect.getByTestId('submit-escalate').click();
  await prefect.getByTestId('dialog-escalate').waitFor({ state: 'detached' });
  expect(await prefect.getByTestId('request-ref').textContent()).toBe(request.ref);
}

it('a manual escalation says where it goes, notifies the backup on every device until dismissed, across a reload', async () => {
  // P1: its deadlines do not pass during the test.
  const request = await createRequestInUi(prefect, {
    platform: 'meta',
    priority: 'P1',
    grounds: 'Appel à attentat.',
    items: ['https://www.facebook.com/reel/4001'],
  });
  const escalateButton = prefect.getByTestId('action-escalate');
  expect(await escalateButton.textContent()).toBe('Escalader au niveau 1 — Suppléant');
  expect(await prefect.getByTestId('escalate-why').textContent()).toBe('Sera prévenu : Bruno Backup');
  const manager = prefect.locator('[data-testid="escalation-chain-level"][data-level="2"]');
  expect(await manager.getByTestId('contact-email').getAttribute('href')).toBe('mailto:marc.manager@meta.example');
  expect(await manager.getByTestId('contact-phone').getAttribute('href')).toBe('tel:+33140000000');

  await escalate(request, 'Pas d’accusé, contenu toujours en ligne.');
  await expect.poll(() => prefect.getByTestId('escalation-level').getAttribute('data-level')).toBe('1');

  // The backup liaison is named at level 1: a notice in the centre and a desktop notification that stays.
  await expect.poll(() => noticeCount(backup), { timeout: 15_000 }).toBe(1);
  await openCentre(backup);
  const notice = backup.getByTestId('notice');
  expect(await notice.getAttribute('data-why')).toBe('named');
  expect(await notice.locator('.notice-title').textContent()).toBe(`Escalade au niveau 1 : ${request.ref}`);
  expect(await notice.locator('.notice-body').textContent()).toBe('Meta — désormais appelé : Bruno Backup.');
  await expect
    .poll(async () => (await osNotifications(backup)).map((shown) => [shown.title, shown.requireInteraction]))
    .toContainEqual([`Escalade au niveau 1 : ${request.ref}`, true]);
  // The platform's liaison is told as well; the prefect, who escalated, is not told of her own act.
  await expect.poll(() => noticeCount(liaison), { timeout: 15_000 }).toBe(1);
  await openCentre(liaison);
  expect(await liaison.getByTestId('notice').getAttribute('data-why')).toBe('platform');
  expect(await noticeCount(prefect)).toBe(0);
  await screenshot(backup, 'alerts-centre-backup-fr');

  // It stays across a reload, until dismissed; dismissed, it stays gone.
  await backup.reload();
  await online(backup);
  await expect.poll(() => noticeCount(backup)).toBe(1);
  await openCentre(backup);
  await backup.getByTestId('notice-dismiss').click();
  await expect.poll(() => noticeCount(backup)).toBe(0);
  await backup.getByTestId('notice-empty').waitFor();
  await backup.reload();
  await online(backup);
  await expect.poll(() => backup.getByTestId('notice-centre-button').getAttribute('data-count')).toBe('0');

  // Next: the manager, then the end of the platform's chain — never the ministry's own level.
  expect(await escalateButton.textContent()).toBe('Escalader au niveau 2 — Responsable plateforme');
  expect(await prefect.getByTestId('escalate-why').textContent()).toBe('Sera prévenu : Marc Manager');
  await escalate(request, 'Suppléant sans réponse.');
  await expect.poll(() => prefect.getByTestId('escalation-level').getAttribute('data-level')).toBe('2');
  await expect.poll(() => escalateButton.isDisabled()).toBe(true);
  expect(await prefect.getByTestId('escalate-why').textContent()).toBe(
    `${request.ref} a déjà atteint le dernier niveau de la chaîne de Meta.`,
  );
  await expect.poll(() => noticeCount(liaison)).toBe(2);

  // A platform that named nobody: the button says why it cannot.
  await prefect.goto(`${app.webUrl}/?profile=prefect#/new`);
  const tiktok = await createRequestInUi(prefect, {
    platform: 'tiktok',
    priority: 'P1',
    grounds: 'Vidéo de propagande.',
    items: ['https://www.tiktok.com/@x/video/4002'],
  });
  await expect.poll(() => escalateButton.isDisabled()).toBe(true);
  expect(await prefect.getByTestId('escalate-why').textContent()).toBe(
    `TikTok n’a désigné ni suppléant ni responsable vers qui escalader ${tiktok.ref}.`,
  );

  // The level-2 escalation reached the platform's liaisons, the backup among them; they clear their centres.
  await expect.poll(() => noticeCount(backup)).toBe(1);
  await openCentre(backup);
  expect(await backup.getByTestId('notice').getAttribute('data-why')).toBe('platform');
  await backup.getByTestId('notice-dismiss').click();
  await openCentre(liaison);
  await liaison.getByTestId('notice-dismiss-all').click();
  await expect.poll(() => noticeCount(liaison)).toBe(0);
  await expect.poll(() => noticeCount(backup)).toBe(0);
});

it('a missed deadline and messages the relay gave up on reach a device that was offline once, and the prefect', async () => {
  await prefect.goto(`${app.webUrl}/?profile=prefect#/new`);
  const late = await createRequestInUi(prefect, {
    platform: 'meta',
    grounds: 'Revendication d’attentat.',
    items: ['https://www.facebook.com/reel/4003'],
  });
  await expect
    .poll(
      () =>
        app.query<{ n: number }>("select count(*) as n from events where type = 'request.received' and payload like ?", `%${late.id}%`)[0]
          ?.n,
    )
    .toBe(1);
  app.proxy.sever();
  await expect.poll(() => liaison.getByTestId('sync-status').getAttribute('data-connection'), { timeout: 15_000 }).not.toBe('online');

  // A minute later the relay's watcher records the missed acknowledgement and calls the backup.
  await expect
    .poll(
      () =>
        app.query<{ n: number }>("select count(*) as n from events where type = 'request.escalated' and payload like ?", `%${late.id}%`)[0]
          ?.n,
      {
        timeout: 90_000,
        interval: 1_000,
      },
    )
    .toBe(1);

  // Meanwhile the relay's outbox mails the backup, called at level 1, and gives up on the tool's webhook.
  const calledBackup = () =>
    attemptsOf(app, late.id).find(
      (attempt) => attempt.channel === 'email' && attempt.trigger === 'escalated' && attempt.recipient === BACKUP.email,
    );
  await expect.poll(() => calledBackup()?.outcome, { timeout: 30_000 }).toBe('delivered');
  expect(sink.to(BACKUP.email).some((mail) => mail.subject?.includes(late.ref))).toBe(true);
  const toolTries = () => attemptsOf(app, late.id).filter((attempt) => attempt.channel === 'webhook');
  await expect.poll(() => toolTries().at(-1)?.outcome, { timeout: 30_000 }).toBe('abandoned');
  expect(toolTries().at(-1)?.detail).toBe('connection refused');

  // The prefect, who handles it for the ministry: the missed P0, its escalations, the message given up.
  await expect.poll(async () => (await noticeCount(prefect)) - lateEventsOf(late.id), { timeout: 30_000 }).toBe(1);
  await openCentre(prefect);
  const prefectKinds = await prefect.getByTestId('notice').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-kind')));
  expect(new Set(prefectKinds)).toEqual(new Set(['deadlineMissed', 'escalated', 'deliveryAbandoned']));
  await screenshot(prefect, 'alerts-centre-prefect-fr');

  // The liaison comes back: she catches up with what happened while she was away, once.
  app.proxy.restore();
  await online(liaison);
  await expect.poll(async () => (await noticeCount(liaison)) - lateEventsOf(late.id), { timeout: 30_000 }).toBe(0);
  await liaison.reload();
  await online(liaison);
  await expect.poll(async () => (await noticeCount(liaison)) - lateEventsOf(late.id)).toBe(0);
  await openCentre(liaison);
  const kinds = await liaison.getByTestId('notice').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-kind')));
  expect(kinds.filter((kind) => kind === 'deadlineMissed')).toHaveLength(1);
  expect(kinds).toContain('escalated');
  await expect.poll(async () => (await noticeCount(backup)) - lateEventsOf(late.id), { timeout: 30_000 }).toBe(0);
  await openCentre(backup);
  expect(await backup.locator('[data-testid="notice"][data-why="named"]').count()).toBe(1);

  // The timeline shows who was told, how, and when, to the second: what the platform's record holds, not the ministry's.
  await liaison.locator(`[data-testid="notice"][data-request="${late.id}"] [data-testid="notice-open"]`).first().click();
  const attempts = liaison.locator('[data-testid="timeline-entry"][data-type="notification.attempted"]');
  const platformTries = () => attemptsOf(app, late.id).filter((attempt) => attempt.audience === 'platform');
  await expect.poll(async () => (await attempts.count()) - platformTries().length).toBe(0);
  expect(attemptsOf(app, late.id).some((attempt) => attempt.audience === 'ministry')).toBe(true);
  const second = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Paris' });
  const mail = attempts.filter({ hasText: `E-mail remis à Bruno Backup <${BACKUP.email}>` }).filter({ hasText: 'escalade · niveau 1' });
  expect(await mail.count()).toBe(1);
  expect(await mail.locator('time').textContent()).toContain(second.format(calledBackup()!.serverTime));
  expect(await attempts.filter({ hasText: `Webhook abandonné : ${toolTries().at(-1)!.recipient}` }).count()).toBe(1);
});
