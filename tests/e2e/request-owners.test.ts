import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRequestInUi, startApp, type AppFixture, type NewRequest } from './support-app';
import { nameEscalationChain } from './support-relay-setup';

let app: AppFixture;
let prefect: Page;
let operator: Page;
let liaison: Page;
let backup: Page;
let request: NewRequest;

beforeAll(async () => {
  app = await startApp({
    prepare: async (dataDir) => ({
      backup: await nameEscalationChain(
        dataDir,
        'meta',
        { name: 'Bruno Backup', email: 'bruno.backup@meta.example', phone: '+33 6 12 34 56 78' },
        { name: 'Marc Manager', email: 'marc.manager@meta.example', phone: '+33 1 40 00 00 00' },
      ),
    }),
  });
  prefect = await app.openAs('prefect', app.codes.prefect, app.relay.url, '#/new');
  request = await createRequestInUi(prefect, {
    platform: 'meta',
    priority: 'P1',
    grounds: 'Compte de propagande.',
    items: ['https://www.facebook.com/p/5001'],
  });
  const hash = `#/request/${encodeURIComponent(request.id)}`;
  operator = await app.openAs('operator', app.codes.operator, app.relay.url, hash);
  liaison = await app.openAs('liaison-meta', app.codes.liaisonMeta, app.proxy.url, hash);
  backup = await app.openAs('backup-meta', app.extraCodes.backup!, app.proxy.url, hash);
  for (const page of [operator, liaison, backup]) await page.locator(`[data-testid="request-ref"]:text-is("${request.ref}")`).waitFor();
});

afterAll(async () => {
  await app?.close();
});

function owner(page: Page, side: 'platform' | 'ministry') {
  return page.getByTestId(`owner-${side}`);
}

it('the platform takes a request and hands it over; the ministry sees who handles it, live', async () => {
  // Created by the prefect, the request is hers for the ministry; nobody has it for the platform.
  expect(await owner(liaison, 'platform').locator('dd').textContent()).toBe('Personne pour l’instant');
  expect(await owner(liaison, 'ministry').locator('dd').textContent()).toBe('Pauline Préfète');

  await liaison.getByTestId('owner-take').click();
  await expect.poll(() => owner(prefect, 'platform').locator('dd').textContent(), { timeout: 15_000 }).toBe('Lina Liaison');
  await expect.poll(() => owner(liaison, 'platform').locator('dd').textContent()).toBe('Lina Liaison (vous)');
  // Taken, it leaves the colleague's badge but stays theirs to take over.
  await expect.poll(() => backup.getByTestId('owner-take').textContent()).toBe('La reprendre');

  // Handed over: only active liaisons of the platform are offered.
  const choices = await liaison.getByTestId('owner-hand-over').locator('option').allTextContents();
  expect(choices).toEqual(['— Choisir un collègue —', 'Bruno Backup']);
  await liaison.getByTestId('owner-hand-over').selectOption({ label: 'Bruno Backup' });
  await liaison.getByTestId('owner-hand-over-submit').click();
  await expect.poll(() => owner(prefect, 'platform').locator('dd').textContent(), { timeout: 15_000 }).toBe('Bruno Backup');
  await expect.poll(() => owner(backup, 'platform').locator('dd').textContent()).toBe('Bruno Backup (vous)');
  const handed = prefect.locator('[data-testid="timeline-entry"][data-type="request.assigned"]').last();
  await expect.poll(() => handed.locator('.rq-entry-title').textContent()).toBe('Confiée à Bruno Backup (plateforme)');
  expect(await handed.locator('.rq-entry-who').textContent()).toBe('Lina Liaison (Correspondant)');

  // The backup lets it go: nobody again, on both sides' screens.
  await backup.getByTestId('owner-let-go').click();
  await expect.poll(() => owner(prefect, 'platform').locator('dd').textContent(), { timeout: 15_000 }).toBe('Personne pour l’instant');
  await expect.poll(() => owner(liaison, 'platform').locator('dd').textContent()).toBe('Personne pour l’instant');
});

it('the ministry takes it over; the platform sees the new name, though it cannot list ministry users', async () => {
  expect(await operator.getByTestId('owner-take').textContent()).toBe('La reprendre');
  await operator.getByTestId('owner-take').click();
  await expect.poll(() => owner(liaison, 'ministry').locator('dd').textContent(), { timeout: 15_000 }).toBe('Olivia Operator');
  await expect.poll(() => owner(prefect, 'ministry').locator('dd').textContent()).toBe('Olivia Operator');
  const taken = liaison.locator('[data-testid="timeline-entry"][data-type="request.assigned"]').last();
  await expect.poll(() => taken.locator('.rq-entry-title').textContent()).toBe('Prise en charge (ministère)');
  // A liaison never acts for the ministry: no ministry choices on the platform's screens.
  expect(await liaison.getByTestId('owner-hand-over').locator('option').allTextContents()).toEqual([
    '— Choisir un collègue —',
    'Bruno Backup',
  ]);
});
