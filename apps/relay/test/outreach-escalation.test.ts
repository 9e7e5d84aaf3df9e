/**
 * The escalation chain end to end on the injected clock, with a real SMTP server and a real
 * webhook receiver: a P0 reaches the liaisons, five minutes before the deadline they are
 * reminded once, at the deadline the backup is told, then the manager, then the prefect; every
 * attempt is an event on the request's timeline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createRequest, MINUTE, T0 } from './harness.js';
import { attempts, drain, DUTY, outboxRows, PEOPLE, startDesk } from './outreach/desk.js';
import { addWebhook, closeReceiversAfterEach, receiver } from './outreach/hooks.js';
import { SmtpSink } from './outreach/smtp-sink.js';

afterEach(closeAll);
closeReceiversAfterEach();
let smtp: SmtpSink | undefined;
afterEach(() => smtp?.close());

describe('the escalation chain, told by mail and webhook', () => {
  it('liaisons, a reminder once, then the backup, the manager and the prefect, each attempt on the timeline', async () => {
    smtp = await SmtpSink.start();
    const sink = smtp;
    const { h, ops, prefect, users } = await startDesk({ smtpUrl: sink.url });
    const hook = await receiver();
    await addWebhook(prefect, { platformId: 'alpha', url: hook.url() });
    const { requestId, ref } = await createRequest(ops, 'alpha', { priority: 'P0' });
    const quiet = await createRequest(ops, 'beta', { priority: 'P0' });
    await drain(h);
    /** Mails about alpha's request: recipient and what happened. */
    const mailed = () =>
      sink.received
        .filter((item) => item.mail.subject?.includes(ref) && !item.to.includes(DUTY))
        .map((item) => [item.to.join(','), item.mail.subject?.split(' — ')[1]]);
    const hooked = () => hook.bodies<{ type: string; data: { deadline: unknown } }>().map((body) => body.type);
    expect(mailed()).toEqual(
      expect.arrayContaining([
        [PEOPLE.liaison.email, 'Nouvelle demande / New request'],
        [PEOPLE.backup.email, 'Nouvelle demande / New request'],
      ]),
    );
    expect(hooked()).toEqual(['request.created']);

    // Five minutes before the acknowledgement deadline: a reminder, once, even across a restart.
    sink.received.length = 0;
    h.clock.set(T0 + 10 * MINUTE);
    await h.relay.watcher.tick();
    await drain(h);
    expect(mailed().sort()).toEqual([
      [PEOPLE.backup.email, 'Accusé de réception attendu dans 5 min / Acknowledgement due in 5 min'],
      [PEOPLE.liaison.email, 'Accusé de réception attendu dans 5 min / Acknowledgement due in 5 min'],
    ]);
    expect(hook.bodies<{ type: string; data: { deadline: unknown } }>()[1]).toMatchObject({
      type: 'request.deadlineSoon',
      data: { deadline: { step: 'ack', at: T0 + 15 * MINUTE } },
    });
    const planned = outboxRows(h).length;
    h.clock.set(T0 + 11 * MINUTE);
    await h.relay.watcher.tick();
    await h.restart();
    await h.relay.watcher.tick();
    await drain(h);
    expect(outboxRows(h)).toHaveLength(planned);

    // The deadline: the liaisons are told it was missed, the duty desk too (a P0), the backup is escalated to.
    sink.received.length = 0;
    h.clock.set(T0 + 15 * MINUTE);
    await h.relay.watcher.tick();
    await drain(h);
    const missed = "Délai d'accusé de réception dépassé / Acknowledgement deadline missed";
    expect(mailed().sort()).toEqual([
      [PEOPLE.backup.email, missed],
      [
        PEOPLE.backup.email,
        "Escalade au niveau 1 (correspondant suppléant de la plateforme) / Escalated to level 1 (the platform's backup liaison)",
      ],
      [PEOPLE.liaison.email, missed],
    ]);
    expect(sink.to(DUTY).map((mail) => mail.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining(ref), expect.stringContaining(quiet.ref)]),
    );
    // Beta named nobody above its liaisons: its level 1 gets nothing, and nothing fake is recorded.
    expect(outboxRows(h).filter((row) => row.request_id === quiet.requestId && row.level === 1)).toEqual([]);

    sink.received.length = 0;
    h.clock.set(T0 + 30 * MINUTE);
    await h.relay.watcher.tick();
    await drain(h);
    expect(mailed()).toEqual([
      [
        PEOPLE.manager.email,
        "Escalade au niveau 2 (responsable désigné par la plateforme) / Escalated to level 2 (the platform's manager contact)",
      ],
    ]);

    sink.received.length = 0;
    h.clock.set(T0 + 45 * MINUTE);
    await h.relay.watcher.tick();
    await drain(h);
    expect(mailed()).toEqual([
      [PEOPLE.prefect.email, "Escalade au niveau 3 (préfet référent du ministère) / Escalated to level 3 (the ministry's prefect)"],
    ]);
    expect(hooked().filter((type) => type !== 'request.created' && type !== 'request.deadlineSoon')).toEqual([
      'request.deadlineMissed',
      'request.escalated',
      'request.escalated',
      'request.escalated',
    ]);

    // Every attempt is on the request's timeline; the platform sees those on its record, not the ministry's.
    const timeline = (await attempts(h)).filter((attempt) => attempt.requestId === requestId);
    expect(new Set(timeline.map((attempt) => `${attempt.channel}:${attempt.level}:${attempt.trigger}`))).toEqual(
      new Set([
        'email:0:created',
        'webhook:null:event',
        'email:0:deadline_soon',
        'webhook:null:deadline_soon',
        'email:0:deadline_missed',
        'email:null:deadline_missed',
        'email:1:escalated',
        'email:2:escalated',
        'email:3:escalated',
      ]),
    );
    expect(timeline.every((attempt) => attempt.outcome === 'delivered')).toBe(true);
    const page = await (await h.connect(users.liaison)).pull(0, 1000);
    const seenByAlpha = page.ok ? page.events.flatMap((event) => (event.type === 'notification.attempted' ? [event.payload] : [])) : [];
    const recipients = new Set(seenByAlpha.filter((attempt) => attempt.requestId === requestId).map((attempt) => attempt.recipient));
    expect(recipients.has(PEOPLE.manager.email)).toBe(true);
    expect(recipients.has(PEOPLE.prefect.email)).toBe(false);
    expect(recipients.has(DUTY)).toBe(false);
  });
});
