/**
 * The hour, end to end, on the demo's six weeks of history: the prefect sends Meta a P0; it comes
 * first in the Meta liaison's triage; the mail to Meta's liaisons and the signed webhook to Meta's
 * case tool arrive within two seconds of the relay recording the request, each try on the record;
 * then Meta's tool acknowledges it over the REST API with an API key, as the demo's `curl` line
 * does, and the prefect's screen shows it acknowledged without a reload.
 */
import { newId } from '@contact-desk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '../../apps/relay/test/outreach/smtp-sink';
import { waitFor } from '../../apps/relay/test/wait-for';
import { verifyStandard, WebhookReceiver } from '../../apps/relay/test/outreach/webhook-receiver';
import { relayCliOk } from '../support/relay-process';
import { attemptsOf } from './support-outreach';
import { createRequestInUi, row, startDemoApp, type DemoFixture } from './support-app';

const WITHIN_MS = 2_000;

let sink: SmtpSink;
let receiver: WebhookReceiver;
let app: DemoFixture;

beforeAll(async () => {
  sink = await SmtpSink.start();
  receiver = await WebhookReceiver.start();
  app = await startDemoApp({ relayEnv: { CONTACT_DESK_SMTP_URL: sink.url, CONTACT_DESK_APP_URL: 'http://127.0.0.1:4411' } });
});

afterAll(async () => {
  await app?.close();
  await receiver?.close();
  await sink?.close();
});

describe('a P0 for Meta reaches Meta, and Meta answers through its own tool', () => {
  it('first in triage, mailed and webhooked within 2 s, acknowledged with curl while the prefect watches', async () => {
    const hook = JSON.parse(
      await relayCliOk(app.dataDir, [
        'webhook',
        'add',
        '--platform',
        'meta',
        '--name',
        'Meta case tool',
        '--url',
        receiver.url('/meta'),
        '--json',
      ]),
    ) as { signingSecret: string };
    const { key } = JSON.parse(
      await relayCliOk(app.dataDir, ['apikey', 'issue', '--platform', 'meta', '--name', 'Meta case tool', '--scope', 'act', '--json']),
    ) as { key: string };

    const liaison = await app.openAs('liaison-meta', app.code('liaison', 'meta'), app.proxy.url);
    const prefect = await app.openAs('prefect', app.code('prefect'), app.relay.url, '#/new');
    const mailsBefore = sink.received.length;
    const created = await createRequestInUi(prefect, {
      platform: 'meta',
      priority: 'P0',
      grounds: 'Revendication filmée de l’attaque de ce matin, relayée par plusieurs comptes.',
      items: [`https://www.facebook.com/watch/?v=${newId().slice(-8)}`],
    });
    const [recorded] = app.query<{ server_time: number }>(
      "select server_time from events where type = 'request.created' and json_extract(payload, '$.request.id') = ?",
      created.id,
    );
    expect(recorded).toBeDefined();

    // The mail to Meta's liaisons and the signed webhook, each within two seconds of the record.
    const mail = await waitFor(() => sink.received.slice(mailsBefore).find((m) => m.mail.subject?.includes(created.ref)), 'mail');
    const webhook = await waitFor(() => receiver.received.find((h) => h.body.includes(created.id)), 'webhook');
    expect(mail.to.some((address) => address.endsWith('facebook.example'))).toBe(true);
    expect(mail.mail.text).not.toContain('facebook.com/watch');
    expect(verifyStandard(webhook, hook.signingSecret)).toMatchObject({ type: 'request.created' });
    const attempts = await waitFor(() => {
      const found = attemptsOf(app, created.id).filter((attempt) => attempt.outcome === 'delivered');
      return found.some((a) => a.channel === 'email') && found.some((a) => a.channel === 'webhook') && found;
    }, 'attempts recorded');
    console.info(
      `after the record: ${attempts.map((a) => `${a.channel} to ${a.recipient} ${a.serverTime - (recorded?.server_time ?? 0)} ms`).join(', ')}`,
    );
    for (const attempt of attempts) {
      expect(attempt.serverTime - (recorded?.server_time ?? 0), `${attempt.channel} to ${attempt.recipient}`).toBeLessThanOrEqual(
        WITHIN_MS,
      );
      expect(attempt.audience).toBe('platform');
    }
    expect(new Set(attempts.map((attempt) => attempt.deliveryId))).toContain(String(webhook.headers['webhook-id']));

    // First in Meta's triage: what needs the liaison's side now.
    await liaison.getByTestId('view-tab-action').click();
    await row(liaison, created.ref).waitFor();
    await expect.poll(() => liaison.getByTestId('queue-row').first().getAttribute('data-ref')).toBe(created.ref);

    // Meta's tool acknowledges over HTTP, as the demo's curl line does; the prefect sees it live.
    const answer = await fetch(`${app.relay.url}/api/v1/requests/${created.id}/acknowledge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'idempotency-key': newId() },
    });
    expect(answer.status).toBe(200);
    await prefect.locator('[data-testid="request-status"][data-status="acknowledged"]').waitFor();
    const [ack] = app.query<{ actor: string }>(
      "select actor from events where type = 'request.acknowledged' and json_extract(payload, '$.requestId') = ?",
      created.id,
    );
    expect(JSON.parse(ack?.actor ?? '{}')).toMatchObject({ name: 'Meta case tool', platformId: 'meta' });
    // The timeline names who was told, by which channel.
    await prefect
      .getByText(/E-mail remis à/)
      .first()
      .waitFor();
    await prefect
      .getByText(/Webhook remis à Meta case tool/)
      .first()
      .waitFor();
  });
});
