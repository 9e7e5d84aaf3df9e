/**
 * The pager presets against local HTTP receivers that check the exact requests: PagerDuty Events
 * API v2 (trigger, acknowledge, resolve under one dedup key) and Opsgenie's Alert API (create,
 * acknowledge, close by alias), and the order of one request's calls when the pager was down.
 */
import { itemIdFor } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, MINUTE, T0 } from './harness.js';
import { APP_URL, attempts, drain, outboxRows, startDesk } from './outreach/desk.js';
import { addWebhook, closeReceiversAfterEach, downReceiverPort, receiver } from './outreach/hooks.js';

afterEach(closeAll);
closeReceiversAfterEach();

const ROUTING_KEY = 'R0UTINGKEY0123456789abcdef';
const GENIE_KEY = 'genie-0123-4567-89ab-cdef';

describe('PagerDuty', () => {
  it('a P0 triggers an incident keyed by the request; a missed deadline and the escalation raise it again; acknowledged, then resolved', async () => {
    const { h, ops, alpha, prefect } = await startDesk();
    const pager = await receiver();
    pager.answer = () => 202;
    await addWebhook(prefect, {
      platformId: 'alpha',
      name: 'Alpha on-call',
      url: pager.url('/v2/enqueue'),
      preset: 'pagerduty',
      presetKey: ROUTING_KEY,
    });
    const { requestId, ref } = await createRequest(ops, 'alpha', { priority: 'P0' });
    await createRequest(ops, 'alpha', { priority: 'P1' }); // not paged: P0 only by default
    await drain(h);
    expect(pager.received.map((call) => [call.method, call.path, call.headers['content-type']])).toEqual([
      ['POST', '/v2/enqueue', 'application/json'],
    ]);
    expect(pager.bodies()[0]).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: requestId,
      payload: {
        summary: `[P0] ${ref} Alpha — removal: new request / nouvelle demande`,
        source: 'Contact Desk',
        severity: 'critical',
        timestamp: new Date(T0).toISOString(),
        component: 'alpha',
        group: 'removal',
        class: 'created',
        custom_details: {
          ref,
          priority: 'P0 (Urgence terroriste)',
          platform: 'Alpha',
          kind: 'removal',
          ackDeadline: new Date(T0 + 15 * MINUTE).toISOString(),
          escalationLevel: '0',
        },
      },
      links: [{ href: `${APP_URL}/#/request/${requestId}`, text: `Contact Desk ${ref}` }],
    });

    h.clock.set(T0 + 15 * MINUTE);
    await h.relay.watcher.tick();
    await drain(h);
    expect(pager.bodies().slice(1)).toMatchObject([
      {
        event_action: 'trigger',
        dedup_key: requestId,
        payload: { class: 'deadline_missed', summary: `[P0] ${ref} Alpha — removal: deadline missed / délai dépassé` },
      },
      { event_action: 'trigger', dedup_key: requestId, payload: { class: 'escalated', custom_details: { escalationLevel: '1' } } },
    ]);

    await alpha.act('request.acknowledge', { requestId });
    await alpha.act('request.answer', { requestId, items: [{ itemId: itemIdFor(requestId, 0), outcome: 'removed' }] });
    await drain(h);
    expect(pager.bodies().slice(3)).toEqual([
      { routing_key: ROUTING_KEY, event_action: 'acknowledge', dedup_key: requestId },
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: requestId },
    ]);
    expect((await attempts(h)).map((attempt) => [attempt.channel, attempt.outcome, attempt.detail])).toEqual(
      Array.from({ length: 5 }, () => ['webhook', 'delivered', 'HTTP 202']),
    );
    // The routing key travels only on the wire: the outbox keeps the body without it.
    expect(outboxRows(h).some((row) => row.body.includes(ROUTING_KEY))).toBe(false);
  });

  it('calls about one request go out in the order they were planned, even after the pager was down', async () => {
    const { h, ops, alpha, prefect } = await startDesk();
    const port = await downReceiverPort();
    await addWebhook(prefect, {
      platformId: 'alpha',
      url: `http://127.0.0.1:${port}/v2/enqueue`,
      preset: 'pagerduty',
      presetKey: ROUTING_KEY,
    });
    const { requestId } = await createRequest(ops, 'alpha', { priority: 'P0' });
    await drain(h);
    await alpha.act('request.acknowledge', { requestId });
    await ops.act('request.withdraw', { requestId, reason: 'Contenu déjà retiré.' });
    await drain(h);
    // Only the trigger was tried: the acknowledgement and the resolve wait behind it.
    expect((await attempts(h)).map((attempt) => attempt.attempt)).toEqual([1]);
    const pager = await receiver(port);
    pager.answer = () => 202;
    h.clock.set(T0 + 30_000);
    await drain(h);
    expect(pager.bodies().map((body) => body.event_action)).toEqual(['trigger', 'acknowledge', 'resolve']);
  });
});

describe('Opsgenie', () => {
  it('creates an alert aliased by the request, with the priority mapped, then acknowledges and closes it by alias', async () => {
    const { h, ops, alpha, prefect } = await startDesk();
    const genie = await receiver();
    genie.answer = () => 202;
    const base = `http://127.0.0.1:${genie.port}`;
    await addWebhook(prefect, {
      platformId: 'alpha',
      name: 'Alpha Opsgenie',
      url: base,
      preset: 'opsgenie',
      presetKey: GENIE_KEY,
      priorities: ['P0', 'P1'],
    });
    const { requestId, ref } = await createRequest(ops, 'alpha', { priority: 'P1' });
    await drain(h);
    expect(genie.received.map((call) => [call.method, call.path, call.headers.authorization])).toEqual([
      ['POST', '/v2/alerts', `GenieKey ${GENIE_KEY}`],
    ]);
    expect(genie.bodies()[0]).toEqual({
      message: `[P1] ${ref} Alpha — removal: new request / nouvelle demande`,
      alias: requestId,
      description: `Contact Desk: ${APP_URL}/#/request/${requestId}`,
      priority: 'P2',
      source: 'Contact Desk',
      entity: ref,
      tags: ['contact-desk', 'P1', 'alpha'],
      details: {
        ref,
        priority: 'P1 (Urgent)',
        platform: 'Alpha',
        kind: 'removal',
        ackDeadline: new Date(T0 + 60 * MINUTE).toISOString(),
        escalationLevel: '0',
      },
    });
    await alpha.act('request.acknowledge', { requestId });
    await alpha.act('request.answer', { requestId, items: [{ itemId: itemIdFor(requestId, 0), outcome: 'removed' }] });
    await drain(h);
    expect(genie.received.slice(1).map((call) => [call.path, call.headers.authorization])).toEqual([
      [`/v2/alerts/${requestId}/acknowledge?identifierType=alias`, `GenieKey ${GENIE_KEY}`],
      [`/v2/alerts/${requestId}/close?identifierType=alias`, `GenieKey ${GENIE_KEY}`],
    ]);
    expect(genie.bodies().slice(1)).toEqual([
      { source: 'Contact Desk', note: `[P1] ${ref} Alpha — removal: acknowledged / accusé de réception` },
      { source: 'Contact Desk', note: `[P1] ${ref} Alpha — removal: answered / répondue` },
    ]);
  });
});
