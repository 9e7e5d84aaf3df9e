import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { TcpProxy } from '../support/tcp-proxy';
import { createRequestInUi, row, startApp, waitReady, type AppFixture } from './support-app';

/**
 * The web client given two addresses of one relay (the fixture's proxy and a second one in front
 * of the same relay process): it enrolls through the first, says which address it is on, and when
 * that node dies (its proxy closed) carries on through the other, live.
 */
let app: AppFixture;
let nodeB: TcpProxy;

beforeAll(async () => {
  app = await startApp();
  nodeB = new TcpProxy(app.relay.port);
  await nodeB.start();
});

afterAll(async () => {
  await app?.close();
  await nodeB?.stop();
});

const host = (url: string) => new URL(url).host;

async function enrollLanguage(page: Page, language: 'fr' | 'en'): Promise<void> {
  await page.locator(`.enroll-lang button[lang="${language}"]`).click();
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}

async function shellLanguage(page: Page, language: 'fr' | 'en'): Promise<void> {
  await page.getByTestId(`lang-${language}`).click();
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}

it('enrolls with two addresses, shows the one in use, and moves to the other when its node dies', async () => {
  const page = await app.openAs('two-nodes', null, app.proxy.url, { enrollOnly: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  const field = page.getByTestId('enroll-relay');

  // A wrong entry in the list is named, in the user's language, before anything is sent.
  await field.fill(`${app.proxy.url}\nrelais-b.interieur.gouv.fr/relais`);
  await page.getByTestId('enroll-code').fill(app.codes.liaisonMeta);
  await page.getByTestId('enroll-submit').click();
  const error = page.getByTestId('enroll-error');
  await expect.poll(() => error.getAttribute('data-code')).toBe('relay_address_invalid');
  expect(await error.textContent()).toContain('« relais-b.interieur.gouv.fr/relais » n’est pas une adresse de relais.');
  await screenshot(page, 'relay-addresses-enroll-error-fr-1280');

  await field.fill(`${app.proxy.url}\n${nodeB.url}`);
  expect(await field.getAttribute('rows')).toBe('2');
  // Corrected, the list is no longer refused; both addresses show in full.
  await error.waitFor({ state: 'detached' });
  const box = await field.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(48);
  await screenshot(page, 'relay-addresses-enroll-fr-1280');
  await enrollLanguage(page, 'en');
  await screenshot(page, 'relay-addresses-enroll-en-1280');
  await enrollLanguage(page, 'fr');
  await page.getByTestId('enroll-submit').click();
  await waitReady(page);

  const relay = page.getByTestId('sync-relay');
  expect(await relay.getAttribute('data-url')).toBe(app.proxy.url);
  expect(await relay.textContent()).toBe(`Connecté à ${host(app.proxy.url)}`);
  await screenshot(page, 'relay-addresses-online-a-fr-1280');

  // The node in use dies: the app is on the other address, live, without a new enrollment.
  app.proxy.sever();
  await expect.poll(() => relay.getAttribute('data-url'), { timeout: 15_000 }).toBe(nodeB.url);
  await page.locator('[data-testid="sync-status"][data-connection="online"]').waitFor({ timeout: 15_000 });
  expect(await relay.textContent()).toBe(`Connecté à ${host(nodeB.url)}`);
  await screenshot(page, 'relay-addresses-online-b-fr-1280');
  await shellLanguage(page, 'en');
  expect(await relay.textContent()).toBe(`Connected to ${host(nodeB.url)}`);
  await screenshot(page, 'relay-addresses-online-b-en-1280');
  await shellLanguage(page, 'fr');

  const prefect = await app.openAs('prefect', app.codes.prefect, app.relay.url, '#/new');
  const created = await createRequestInUi(prefect, {
    platform: 'meta',
    grounds: 'Demande reçue par l’autre nœud du relais.',
    items: ['https://www.facebook.com/groups/2/posts/2'],
  });
  await row(page, created.ref).waitFor({ timeout: 15_000 });
});
