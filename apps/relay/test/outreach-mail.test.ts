/**
 * E-mail through a real SMTP server started by the test (smtp-server): who gets what, what a mail
 * says and does not say, retries with backoff on a server that refuses, a server that never
 * answers, and the duty desk alerted when the relay gives up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { perform } from '../src/cli/admin-actions.js';
import { closeAll, createRequest, MINUTE, T0 } from './harness.js';
import { APP_URL, attempts, deliveryLog, drain, DUTY, outboxRows, PEOPLE, startDesk, TEST_OUTREACH } from './outreach/desk.js';
import { SilentSmtp, SmtpSink } from './outreach/smtp-sink.js';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await closeAll();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function sink(): Promise<SmtpSink> {
  const smtp = await SmtpSink.start();
  servers.push(smtp);
  return smtp;
}

const LOCATION = 'https://video.example/watch/revendication-42';
const GROUNDS = 'Apologie du terrorisme : vidéo de revendication diffusée après l’attentat.';

describe('mail to the contacts of a request', () => {
  it('a new P0 goes to the platform’s liaisons who have an address: reference, priority, deadlines in Paris and UTC, a link, no locations or grounds', async () => {
    const smtp = await sink();
    const { h, ops, alpha } = await startDesk({ smtpUrl: smtp.url });
    const { requestId, ref, result } = await createRequest(ops, 'alpha', { priority: 'P0', items: [LOCATION], grounds: GROUNDS });
    await drain(h);

    expect(smtp.received.map((item) => item.to).sort()).toEqual([[PEOPLE.backup.email], [PEOPLE.liaison.email]]);
    const [mail] = smtp.to(PEOPLE.liaison.email);
    expect(mail?.subject).toBe(`[P0] ${ref} · Alpha — Nouvelle demande / New request`);
    expect(mail?.to).toMatchObject({ value: [{ name: PEOPLE.liaison.name, address: PEOPLE.liaison.email }] });
    const text = mail?.text ?? '';
    for (const expected of [
      `Référence : ${ref}`,
      'Priorité : P0 — Urgence terroriste',
      'Plateforme : Alpha',
      'Accusé de réception avant : 2026-03-10 10:15 heure de Paris (2026-03-10 09:15 UTC)',
      `Ouvrir dans Contact Desk : ${APP_URL}/#/request/${requestId}`,
      'Acknowledge by: 2026-03-10 10:15 Paris time (2026-03-10 09:15 UTC)',
      "you receive it as the platform's liaison",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf('Nouvelle demande')).toBeLessThan(text.indexOf('New request'));
    expect(mail?.html).toContain(`<th align="left">Référence</th><td>${ref}</td>`);
    for (const secretive of [LOCATION, 'video.example', 'Apologie', 'revendication']) {
      expect(`${text}${mail?.html}${mail?.subject}`).not.toContain(secretive);
    }

    // Each send is an event on the request's timeline, seen by the ministry and the platform.
    const recorded = await attempts(h);
    expect(recorded).toHaveLength(2);
    const toLea = recorded.find((attempt) => attempt.recipient === PEOPLE.liaison.email);
    expect(toLea).toMatchObject({
      requestId,
      platformId: 'alpha',
      channel: 'email',
      recipientName: PEOPLE.liaison.name,
      level: 0,
      trigger: 'created',
      causeSeq: result.status === 'accepted' ? result.seqs[0] : -1,
      attempt: 1,
      outcome: 'delivered',
      nextAttemptAt: null,
    });
    expect(toLea?.detail).toMatch(/^250/);
    expect(mail?.messageId).toBe(`<${toLea?.deliveryId}@localhost>`);
    const seen = await alpha.pull(0);
    expect(seen.ok && seen.events.filter((event) => event.type === 'notification.attempted')).toHaveLength(2);
  });

  it('a platform that chose full detail gets the locations and the grounds', async () => {
    const smtp = await sink();
    const { h, ops } = await startDesk({ smtpUrl: smtp.url });
    await perform(h.core, 'platform.update', { platformId: 'alpha', patch: { mailDetail: 'full' } });
    await createRequest(ops, 'alpha', { priority: 'P1', items: [LOCATION], grounds: GROUNDS });
    await drain(h);
    const [mail] = smtp.to(PEOPLE.liaison.email);
    expect(mail?.text).toContain(`Contenus :\n  - ${LOCATION}`);
    expect(mail?.text).toContain(`Grounds:\n  - ${GROUNDS}`);
    expect(mail?.html).toContain(LOCATION);
  });

  it('a P2 request mails nobody, and a relay without an SMTP server plans no mail', async () => {
    const smtp = await sink();
    const { h, ops } = await startDesk({ smtpUrl: smtp.url });
    await createRequest(ops, 'alpha', { priority: 'P2' });
    await drain(h);
    expect(outboxRows(h)).toEqual([]);
    await h.close();

    const quiet = await startDesk({ smtpUrl: null });
    await createRequest(quiet.ops, 'alpha', { priority: 'P0' });
    await drain(quiet.h);
    expect(outboxRows(quiet.h)).toEqual([]);
    expect(smtp.received).toEqual([]);
  });
});

describe('a server that refuses or never answers', () => {
  it('a refused mail is tried again with growing waits, under the same id, and arrives once the server takes it', async () => {
    const smtp = await sink();
    smtp.refuse = (address) => address === PEOPLE.liaison.email;
    const { h, ops } = await startDesk({ smtpUrl: smtp.url });
    await createRequest(ops, 'alpha', { priority: 'P0' });
    await drain(h);
    const first = (await attempts(h)).find((attempt) => attempt.recipient === PEOPLE.liaison.email);
    expect(first).toMatchObject({ outcome: 'failed', attempt: 1, nextAttemptAt: T0 + 30_000 });
    expect(first?.detail).toMatch(/^550 5\.1\.1 mailbox unavailable/);

    // Not due yet: nothing is tried.
    h.clock.set(T0 + 30_000 - 1);
    await drain(h);
    expect(smtp.refused).toHaveLength(1);

    h.clock.set(T0 + 30_000);
    await drain(h);
    expect(smtp.refused).toHaveLength(2);
    const second = (await attempts(h)).filter((attempt) => attempt.recipient === PEOPLE.liaison.email)[1];
    expect(second).toMatchObject({ deliveryId: first?.deliveryId, attempt: 2, outcome: 'failed', nextAttemptAt: T0 + 90_000 });

    smtp.refuse = () => false;
    h.clock.set(T0 + 90_000);
    await drain(h);
    const delivered = smtp.to(PEOPLE.liaison.email);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.messageId).toBe(`<${first?.deliveryId}@localhost>`);
    expect((await attempts(h)).filter((attempt) => attempt.deliveryId === first?.deliveryId).map((attempt) => attempt.outcome)).toEqual([
      'failed',
      'failed',
      'delivered',
    ]);
    expect(outboxRows(h).map((row) => row.status)).toEqual(['delivered', 'delivered']);
  });

  it('after the give-up time the relay stops, records it, and mails the duty desk; the prefect sees it in the delivery log', async () => {
    const smtp = await sink();
    smtp.refuse = (address) => address === PEOPLE.liaison.email;
    const { h, ops, prefect } = await startDesk({ smtpUrl: smtp.url });
    const { ref } = await createRequest(ops, 'alpha', { priority: 'P0' });
    await drain(h);
    const waits: number[] = [];
    for (let round = 0; round < 100; round += 1) {
      const row = outboxRows(h).find((candidate) => candidate.target === PEOPLE.liaison.email);
      if (row?.status !== 'pending' || row.next_attempt_at === null) break;
      waits.push(row.next_attempt_at - h.clock.now());
      h.clock.set(row.next_attempt_at);
      await drain(h);
    }
    // Full jitter at one half: 30 s, 1, 2, 4, 8 min, then the 30-minute ceiling's half.
    expect(waits.slice(0, 7)).toEqual([30_000, MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE, 15 * MINUTE, 15 * MINUTE]);
    const tries = (await attempts(h)).filter((attempt) => attempt.recipient === PEOPLE.liaison.email);
    const last = tries.at(-1);
    expect(last).toMatchObject({ outcome: 'abandoned', nextAttemptAt: null, attempt: tries.length });
    expect(h.clock.now()).toBe(T0 + TEST_OUTREACH.giveUpMs);
    expect(tries.slice(0, -1).every((attempt) => attempt.outcome === 'failed')).toBe(true);

    const [alert] = smtp.to(DUTY);
    expect(alert?.subject).toContain(`${ref} — Message non remis / Message not delivered: ${PEOPLE.liaison.email}`);
    expect(alert?.text).toContain(`Tentatives : ${tries.length}`);
    const log = await deliveryLog(prefect, { limit: 10, status: 'abandoned' });
    expect(log).toMatchObject({
      ok: true,
      hasMore: false,
      deliveries: [{ target: PEOPLE.liaison.email, status: 'abandoned', attempts: tries.length }],
    });
  });

  it('a server that accepts and never answers times out; the delivery stays pending and is tried again', async () => {
    const silent = await SilentSmtp.start();
    servers.push(silent);
    const { h, ops, prefect } = await startDesk({ smtpUrl: silent.url, timeoutMs: 400 });
    await createRequest(ops, 'alpha', { priority: 'P0' });
    await drain(h);
    expect(silent.sockets).toHaveLength(2);
    expect((await attempts(h)).map((attempt) => [attempt.outcome, attempt.detail])).toEqual([
      ['failed', 'timed out after 0.4 s'],
      ['failed', 'timed out after 0.4 s'],
    ]);
    const log = await deliveryLog(prefect);
    expect(
      log.ok && log.deliveries.map((delivery) => [delivery.status, delivery.attempts, delivery.lastDetail, delivery.nextAttemptAt]),
    ).toEqual([
      ['pending', 1, 'timed out after 0.4 s', T0 + 30_000],
      ['pending', 1, 'timed out after 0.4 s', T0 + 30_000],
    ]);
    h.clock.set(T0 + 30_000);
    await drain(h);
    expect(silent.sockets).toHaveLength(4);
  });
});
