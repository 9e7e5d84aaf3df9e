import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { createRequestInUi, row, startApp, type AppFixture } from './support-app';

let app: AppFixture;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

/** A relay time as the app writes it for a French user in Paris: `03:24:12`, and with the date and zone. */
function parisTime(ms: number): string {
  return new Intl.DateTimeFormat('fr-FR', { timeStyle: 'medium', timeZone: 'Europe/Paris' }).format(ms);
}
function parisDateTime(ms: number): string {
  return new Intl.DateTimeFormat('fr-FR', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: 'Europe/Paris',
  }).format(ms);
}

function ackEvents(requestId: string): { server_time: number; client_time: number | null }[] {
  return app.query("select server_time, client_time from events where type = 'request.acknowledged' and payload like ?", `%${requestId}%`);
}

it('an ack made while the link is cut waits on the device, is recorded once on return, client time kept', async () => {
  const prefect = await app.openAs('prefect', app.codes.prefect, app.relay.url, '#/new');
  const liaison = await app.openAs('liaison-meta', app.codes.liaisonMeta, app.proxy.url);

  const first = await createRequestInUi(prefect, {
    platform: 'meta',
    grounds: 'Première demande, reste ouverte.',
    items: ['https://www.facebook.com/groups/1/posts/1'],
  });
  await prefect.goto(`${app.webUrl}/?profile=prefect#/new`);
  const second = await createRequestInUi(prefect, {
    platform: 'meta',
    priority: 'P0',
    grounds: 'Appel au meurtre, diffusion virale.',
    items: ['https://www.facebook.com/reel/2002', 'https://www.instagram.com/reel/XyZ2002/'],
  });

  await row(liaison, first.ref).waitFor();
  await row(liaison, second.ref).click();
  const screen = liaison.getByTestId('request-screen');
  await screen.waitFor();
  await expect.poll(() => liaison.getByTestId('request-ref').textContent()).toBe(second.ref);
  await liaison.getByTestId('action-acknowledge').waitFor();

  // The link goes down for real: the socket is dropped and reconnections are refused.
  app.proxy.sever();
  const sync = liaison.getByTestId('sync-status');
  await expect.poll(() => sync.getAttribute('data-connection'), { timeout: 15_000 }).toBe('offline');

  // Every try the device makes to reach the relay from now on: each is refused at the cut link.
  let refusedTries = 0;
  liaison.on('websocket', (socket) => socket.on('close', () => (refusedTries += 1)));
  await liaison.getByTestId('action-acknowledge').click();
  await liaison.locator('[data-testid="sync-pending"][data-count="1"]').waitFor();
  await screen.getByTestId('pending-marker').waitFor();
  await expect.poll(() => liaison.getByTestId('request-status').getAttribute('data-status')).toBe('acknowledged');
  // Not recorded yet, and said so: waiting to be sent, timed by the relay when it arrives. No
  // time stands where the relay's time would be.
  const outcome = screen.getByTestId('action-outcome');
  await expect.poll(() => outcome.getAttribute('data-state')).toBe('waiting');
  expect(await outcome.textContent()).toBe('En attente d’envoi : accusé de réception. Le relais l’horodatera à son arrivée.');
  expect(await screen.getByTestId('sla-ack').getAttribute('data-state')).toBe('waiting');
  expect(await screen.getByTestId('sla-ack').textContent()).toContain('Fait sur cet appareil — en attente d’envoi');
  expect(await screen.getByTestId('time-ack').textContent()).toBe('En attente d’envoi');
  await screen.locator('[data-testid="timeline-pending"][data-type="request.acknowledge"]').waitFor();
  expect(await screen.textContent()).not.toMatch(/enregistrée\.|Action enregistrée/);
  await screenshot(liaison, 'offline');

  // The device tries the relay again with the ack in its outbox, and is refused: nothing reached
  // the relay, the action still waits on the device.
  await expect.poll(() => refusedTries, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  expect(await sync.getAttribute('data-connection')).not.toBe('online');
  expect(await liaison.getByTestId('sync-pending').getAttribute('data-count')).toBe('1');
  expect(ackEvents(second.id)).toHaveLength(0);
  expect(await prefect.getByTestId('request-status').getAttribute('data-status')).toBe('open');

  const restoredAt = Date.now();
  app.proxy.restore();
  await expect.poll(() => sync.getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
  await liaison.locator('[data-testid="sync-pending"][data-count="0"]').waitFor({ timeout: 30_000 });
  await screen.getByTestId('pending-marker').waitFor({ state: 'detached' });
  await expect.poll(() => outcome.getAttribute('data-state'), { timeout: 15_000 }).toBe('recorded');
  await screen.locator('[data-testid="timeline-pending"]').waitFor({ state: 'detached' });
  await expect.poll(() => prefect.getByTestId('request-status').getAttribute('data-status')).toBe('acknowledged');
  await prefect.locator('[data-testid="timeline-entry"][data-type="request.acknowledged"]').waitFor();

  const events = ackEvents(second.id);
  expect(events).toHaveLength(1);
  const doc = JSON.parse(app.query<{ doc: string }>('select doc from requests where ref = ?', second.ref)[0]!.doc) as {
    status: string;
    ackAt: number;
    ackClientTime: number | null;
  };
  expect(doc.status).toBe('acknowledged');
  expect(doc.ackAt).toBe(events[0]!.server_time);
  expect(doc.ackClientTime).not.toBeNull();
  expect(events[0]!.client_time).toBe(doc.ackClientTime);
  // The click was before the link came back; the relay timed the ack when it arrived, after.
  expect(doc.ackClientTime!).toBeLessThan(restoredAt);
  expect(doc.ackAt).toBeGreaterThanOrEqual(restoredAt);
  // Now the relay's time, to the second: the time it arrived, not the time of the click.
  expect(await outcome.textContent()).toBe(`Enregistré par le relais à ${parisTime(doc.ackAt)} : accusé de réception.`);
  expect(await screen.getByTestId('time-ack').textContent()).toContain(parisDateTime(doc.ackAt));
  expect(await screen.getByTestId('sla-ack').getAttribute('data-state')).toMatch(/^done/);

  // The other request was untouched.
  expect(ackEvents(first.id)).toHaveLength(0);
  await liaison.getByTestId('nav-queue').click();
  await expect.poll(() => row(liaison, second.ref).getAttribute('data-status')).toBe('acknowledged');
  expect(await row(liaison, first.ref).getAttribute('data-status')).toBe('open');
});
