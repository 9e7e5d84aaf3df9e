import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { createRequestInUi, row, startApp, type AppFixture, type NewRequest } from './support-app';

let app: AppFixture;
let prefect: Page;
let operator: Page;
let liaison: Page;

beforeAll(async () => {
  app = await startApp();
  prefect = await app.openAs('prefect', app.codes.prefect, app.relay.url, '#/new');
  operator = await app.openAs('operator', app.codes.operator, app.relay.url);
  liaison = await app.openAs('liaison-meta', app.codes.liaisonMeta, app.proxy.url);
});

afterAll(async () => {
  await app?.close();
});

async function newRequest(grounds: string, location: string): Promise<NewRequest> {
  await prefect.goto(`${app.webUrl}/?profile=prefect#/new`);
  return createRequestInUi(prefect, { platform: 'meta', grounds, items: [location] });
}

async function openOn(page: Page, request: NewRequest): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/request/${encodeURIComponent(request.id)}`);
  await expect.poll(() => page.getByTestId('request-ref').textContent()).toBe(request.ref);
}

/** The operator takes a ministry step that asks for a text (withdraw, reopen). */
async function ministryStep(step: 'withdraw' | 'reopen', request: NewRequest, text: string, status: string): Promise<void> {
  await openOn(operator, request);
  await operator.getByTestId(`action-${step}`).click();
  await operator.getByTestId(`${step}-text`).fill(text);
  await operator.getByTestId(`submit-${step}`).click();
  await expect.poll(() => operator.getByTestId('request-status').getAttribute('data-status')).toBe(status);
}

async function cutLiaisonOff(): Promise<void> {
  app.proxy.sever();
  await expect.poll(() => liaison.getByTestId('sync-status').getAttribute('data-connection'), { timeout: 15_000 }).toBe('offline');
}

async function reconnectLiaison(): Promise<void> {
  app.proxy.restore();
  await expect.poll(() => liaison.getByTestId('sync-status').getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
}

it('an answer made offline on a request withdrawn meanwhile is refused in the user’s words, on that request only, until dismissed', async () => {
  const target = await newRequest('Vidéo de revendication.', 'https://www.facebook.com/watch/?v=3003');
  const other = await newRequest('Autre demande, sans histoire.', 'https://www.facebook.com/groups/3004');
  await row(liaison, target.ref).waitFor();
  await openOn(liaison, target);

  await cutLiaisonOff();
  await liaison.getByTestId('action-answer').click();
  await liaison.getByTestId('answer-all-outcome').selectOption('removed');
  await liaison.getByTestId('answer-apply-all').click();
  await liaison.getByTestId('submit-answer').click();
  await expect.poll(() => liaison.getByTestId('action-outcome').getAttribute('data-state')).toBe('waiting');

  await ministryStep('withdraw', target, 'Le contenu a été retiré par son auteur.', 'withdrawn');
  await reconnectLiaison();

  const screen = liaison.getByTestId('request-screen');
  const refusal = screen.getByTestId('request-refusal');
  await refusal.waitFor({ timeout: 30_000 });
  expect(await refusal.getAttribute('data-reason')).toBe('step_not_allowed');
  expect(await screen.getByTestId('request-refusal-text').textContent()).toBe(
    `Impossible de répondre à ${target.ref} : le ministère l’a retirée.`,
  );
  // The refusal replaces any success notice, and the withdrawal that caused it is on screen.
  await expect.poll(() => screen.getByTestId('action-outcome').count()).toBe(0);
  expect(await liaison.getByTestId('request-status').getAttribute('data-status')).toBe('withdrawn');
  expect(await liaison.locator('body').textContent()).not.toMatch(/Cannot|withdrawn|enregistrée\./);
  await screenshot(liaison, 'request-refusal-liaison-fr');

  // Elsewhere, only a count in the shell.
  const count = liaison.getByTestId('refusal-count');
  expect(await count.textContent()).toBe('1 changement refusé');
  await openOn(liaison, other);
  expect(await liaison.getByTestId('request-refusal').count()).toBe(0);
  await liaison.getByTestId('nav-queue').click();
  await row(liaison, other.ref).waitFor();
  expect(await liaison.locator('[role="alert"]').count()).toBe(0);
  expect(await count.getAttribute('data-count')).toBe('1');

  // The count leads back to the request, where the refusal is worded in full.
  await count.click();
  await liaison.getByTestId('refusal-link').click();
  await expect.poll(() => liaison.getByTestId('request-ref').textContent()).toBe(target.ref);
  await refusal.waitFor();

  // In English too, from the same refusal.
  await liaison.getByTestId('lang-en').click();
  await expect
    .poll(() => screen.getByTestId('request-refusal-text').textContent())
    .toBe(`Cannot answer ${target.ref}: the ministry withdrew it.`);
  await liaison.getByTestId('lang-fr').click();

  // Kept across a reload until dismissed; dismissed, it is gone from the request and the shell.
  await liaison.reload();
  await refusal.waitFor();
  await screen.getByTestId('request-refusal-dismiss').click();
  await refusal.waitFor({ state: 'detached' });
  await count.waitFor({ state: 'detached' });
  await liaison.reload();
  await liaison.getByTestId('request-screen').waitFor();
  await liaison.locator('[data-testid="sync-status"][data-connection="online"]').waitFor();
  expect(await liaison.getByTestId('request-refusal').count()).toBe(0);
  expect(await liaison.getByTestId('refusal-count').count()).toBe(0);
});

it('a refusal goes once the request moved on: an action recorded on it after the refusal', async () => {
  const target = await newRequest('Compte de recrutement.', 'https://www.instagram.com/recruteur3005/');
  await openOn(liaison, target);

  await cutLiaisonOff();
  await liaison.getByTestId('action-acknowledge').click();
  await ministryStep('withdraw', target, 'Doublon d’une demande précédente.', 'withdrawn');
  await reconnectLiaison();

  const refusalText = liaison.getByTestId('request-refusal-text');
  await expect
    .poll(() => refusalText.textContent(), { timeout: 30_000 })
    .toBe(`Impossible d’accuser réception de ${target.ref} : le ministère l’a retirée.`);
  expect(await liaison.getByTestId('refusal-count').getAttribute('data-count')).toBe('1');

  // The ministry reopens it: the refusal no longer describes the request, and leaves.
  await ministryStep('reopen', target, 'Le contenu est de nouveau en ligne.', 'reopened');
  await expect.poll(() => liaison.getByTestId('request-status').getAttribute('data-status')).toBe('reopened');
  await liaison.getByTestId('request-refusal').waitFor({ state: 'detached' });
  await liaison.getByTestId('refusal-count').waitFor({ state: 'detached' });
  await liaison.getByTestId('action-answer').waitFor();
});
