/**
 * The metrics of the jobs that run on one node: the deadline watcher on the injected clock, and
 * the outreach sender against a real SMTP server and a real HTTP receiver. Scraped over HTTP from
 * the relay's metrics listener; each count is compared with what the log recorded.
 */
import type { LoggedEvent } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, Harness, MINUTE, T0, type Client } from './harness.js';
import { Exposition } from './monitoring/exposition.js';
import { allEvents, attempts, drain, PEOPLE, startDesk } from './outreach/desk.js';
import { addWebhook, closeReceiversAfterEach, receiver } from './outreach/hooks.js';
import { SmtpSink } from './outreach/smtp-sink.js';

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await closeAll();
  await Promise.all(sinks.splice(0).map((sink) => sink.close()));
});
closeReceiversAfterEach();

async function scrape(h: Harness): Promise<Exposition> {
  const url = h.relay.metricsUrl;
  if (!url) throw new Error('this relay has no metrics listener');
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Exposition.parse(await response.text());
}

/** What a tally of `step priority` keys the log's `request.deadlineMissed` events make. */
function missesIn(events: readonly LoggedEvent[], h: Harness): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const event of events) {
    if (event.type !== 'request.deadlineMissed') continue;
    const key = `${event.payload.step} ${h.core.view.requests.get(event.payload.requestId)?.sla.label ?? '?'}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

describe('deadline misses', () => {
  it('are counted by step and priority as the watcher records them, once each', async () => {
    const h = await Harness.start(undefined, undefined, { config: { metricsPort: 0 } });
    await h.platform('alpha');
    const ops: Client = await h.connect(await h.user('operator'));
    const urgent = await Promise.all([1, 2, 3].map(() => createRequest(ops, 'alpha', { priority: 'P0' })));
    await Promise.all([1, 2].map(() => createRequest(ops, 'alpha', { priority: 'P1' })));
    const before = await scrape(h);
    expect(before.sum('contact_desk_deadline_misses_total')).toBe(0);
    expect(before.value('contact_desk_deadline_misses_total', { step: 'ack', priority: 'P0' })).toBe(0);

    h.clock.set(T0 + 15 * MINUTE);
    await h.relay.watcher.tick();
    expect((await scrape(h)).tally('contact_desk_deadline_misses_total', ['step', 'priority'])).toEqual({ 'ack P0': 3 });

    // The same deadlines looked at again: nothing new is recorded, nothing counted twice.
    await h.relay.watcher.tick();
    const alpha = await h.connect(await h.user('liaison', 'alpha'));
    expect((await alpha.act('request.acknowledge', { requestId: urgent[0]?.requestId })).status).toBe('accepted');
    h.clock.set(T0 + 2 * 60 * MINUTE);
    await h.relay.watcher.tick();

    const recorded = missesIn(await h.eventsAfter(0), h);
    expect(recorded).toEqual({ 'ack P0': 3, 'ack P1': 2, 'action P0': 1 });
    const metrics = await scrape(h);
    expect(metrics.tally('contact_desk_deadline_misses_total', ['step', 'priority'])).toEqual(recorded);
    expect(metrics.value('contact_desk_leads', { lead: 'deadlines' })).toBe(1);
  });
});

describe('outreach tries', () => {
  it('are counted by channel and outcome as the log records them: mail refused then taken, a webhook failing then delivered', async () => {
    const smtp = await SmtpSink.start();
    sinks.push(smtp);
    smtp.refuse = (address) => address === PEOPLE.liaison.email;
    const { h, ops, prefect } = await startDesk({ smtpUrl: smtp.url }, {}, { metricsPort: 0 });
    const hook = await receiver();
    let hookCalls = 0;
    hook.answer = () => (++hookCalls === 1 ? 500 : 200);
    await addWebhook(prefect, { platformId: 'alpha', url: hook.url() });
    await createRequest(ops, 'alpha', { priority: 'P0' });
    await drain(h);
    h.clock.set(T0 + 30_000);
    smtp.refuse = () => false;
    await drain(h);

    const tried = await attempts(h);
    const recorded: Record<string, number> = {};
    for (const attempt of tried)
      recorded[`${attempt.channel} ${attempt.outcome}`] = (recorded[`${attempt.channel} ${attempt.outcome}`] ?? 0) + 1;
    expect(recorded).toEqual({ 'email failed': 1, 'email delivered': 2, 'webhook failed': 1, 'webhook delivered': 1 });
    const metrics = await scrape(h);
    expect(metrics.tally('contact_desk_outreach_attempts_total', ['channel', 'outcome'])).toEqual(recorded);
    expect(metrics.value('contact_desk_leads', { lead: 'outreach' })).toBe(1);
    expect(metrics.value('contact_desk_chain_head_seq')).toBe((await allEvents(h)).at(-1)?.seq);
  });
});
