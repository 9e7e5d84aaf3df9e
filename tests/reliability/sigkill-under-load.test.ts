/**
 * A real relay process is killed with SIGKILL three times while four devices (an operator, the
 * prefect and the liaisons of two platforms) push thousands of mutations. After each restart on
 * the same file the devices send again whatever was not answered, plus a sample of what was
 * already accepted. The file must hold every accepted mutation exactly once, under the seqs its
 * answer named, and nothing else; re-sends must get the stored answers; the chain must verify.
 */
import Database from 'better-sqlite3';
import { newId } from '@contact-desk/shared';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../apps/relay/src/audit/verify-chain';
import { TcpProxy } from '../support/tcp-proxy';
import { enroll, LoadDevice, until } from './load-device';
import { addUserAsync as addUser, freePort, relayCliOk, runRelayCli as relayCli } from '../support/relay-process';
import { loadRelay, removeDir, tempDir } from './load-relay';
import { answersOf, expectRecordMatchesAnswers, RECORD_COUNTS, type StoredRecord } from './record-check';
import { createRequest, RequestFlow } from './request-flow';

const TOTAL_ACCEPTED = 3_000;
const KILL_AT = [600, 1_500, 2_400];
const RESEND_SAMPLE = 30;

const dataDir = tempDir('contact-desk-sigkill-');
afterAll(() => removeDir(dataDir));

describe('SIGKILL under load', () => {
  it('every accepted mutation is in the log exactly once across three kills, and re-sends get the stored answers', async () => {
    await relayCliOk(dataDir, ['platform', 'add', 'meta', '--name', 'Meta']);
    await relayCliOk(dataDir, ['platform', 'add', 'tiktok', '--name', 'TikTok']);
    const codes = {
      operator: await addUser(dataDir, 'Olivia Operator', 'operator'),
      prefect: await addUser(dataDir, 'Paul Prefect', 'prefect'),
      meta: await addUser(dataDir, 'Lina Liaison', 'liaison', 'meta'),
      tiktok: await addUser(dataDir, 'Tom TikTok', 'liaison', 'tiktok'),
    };
    const relay = loadRelay(dataDir, await freePort());
    await relay.start();
    // The set-up (platforms, users) was recorded by the CLI; the devices' work comes after it.
    const setupHead = ((await (await fetch(`${relay.url}/healthz`)).json()) as { headSeq: number }).headSeq;

    const flow = new RequestFlow(['meta', 'tiktok']);

    const operator = new LoadDevice('operator', relay.url, await enroll(relay.url, codes.operator, 'operator'), flow.operatorWork);
    const prefect = new LoadDevice('prefect', relay.url, await enroll(relay.url, codes.prefect, 'prefect'), flow.prefectWork);
    const meta = new LoadDevice('meta liaison', relay.url, await enroll(relay.url, codes.meta, 'meta'), flow.liaisonWork('meta'));
    const tiktok = new LoadDevice('tiktok liaison', relay.url, await enroll(relay.url, codes.tiktok, 'tiktok'), flow.liaisonWork('tiktok'));
    flow.attach(operator, { meta, tiktok });
    const devices = [operator, prefect, meta, tiktok];
    const accepted = () => devices.reduce((sum, device) => sum + device.accepted, 0);
    await until(() => devices.every((device) => device.socket.connected), 'devices connected');
    const started = Date.now();
    for (const device of devices) device.start();

    const kills: { acceptedBefore: number; inFlight: string[]; restartedAt: number; restartMs: number; resent: number }[] = [];
    for (const threshold of KILL_AT) {
      await until(() => accepted() >= threshold, `${threshold} accepted mutations`);
      const inFlight = devices.flatMap((device) => [...device.inFlight]);
      const acceptedBefore = accepted();
      const answeredBefore = new Map(devices.map((device) => [device, [...device.answers.keys()]]));
      await relay.stop('SIGKILL');
      // The killed process stamped nothing after this millisecond; once the clock is past it,
      // anything stamped before the restart's moment was committed by the killed process.
      const killedAt = Date.now();
      await until(() => Date.now() > killedAt, 'the millisecond after the kill');
      const restartedAt = Date.now();
      await relay.start();
      const restartMs = Date.now() - restartedAt;
      await until(() => devices.every((device) => device.socket.connected), 'devices reconnected');
      // Mutations already answered before the kill, sent again: the latest ones and a random few.
      let resent = 0;
      for (const device of devices) {
        const answered = answeredBefore.get(device) ?? [];
        const sample = new Set(answered.slice(-RESEND_SAMPLE / 2));
        while (sample.size < Math.min(RESEND_SAMPLE, answered.length)) {
          sample.add(answered[Math.floor(Math.random() * answered.length)] ?? '');
        }
        resent += await device.resend([...sample]);
      }
      kills.push({ acceptedBefore, inFlight, restartedAt, restartMs, resent });
    }
    await until(() => accepted() >= TOTAL_ACCEPTED, `${TOTAL_ACCEPTED} accepted mutations`);
    flow.loading = false;
    // The liaisons and the prefect finish the requests already created.
    await until(() => flow.finished(), 'every request answered and closed', 120_000);
    await Promise.all(devices.map((device) => device.drain()));
    const elapsed = Date.now() - started;
    for (const device of devices) device.close();
    await relay.stop('SIGTERM');

    const answers = answersOf(devices);
    const acceptedAnswers = [...answers.values()].filter(({ result }) => result.status === 'accepted');
    const rejectedAnswers = [...answers.values()].filter(({ result }) => result.status === 'rejected');

    // What the file holds.
    const file = join(dataDir, 'contact-desk.sqlite');
    const db = new Database(file, { readonly: true });
    const events = db.prepare('SELECT seq, mutation_id FROM events ORDER BY seq').all() as StoredRecord['events'];
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const stored: StoredRecord = {
      events,
      storedMutations: count(RECORD_COUNTS.storedMutations),
      requests: count(RECORD_COUNTS.requests),
      comments: count(RECORD_COUNTS.comments),
      closed: count(RECORD_COUNTS.closed),
    };
    db.close();
    expectRecordMatchesAnswers(answers, stored, setupHead);
    expect(acceptedAnswers.length).toBeGreaterThanOrEqual(TOTAL_ACCEPTED);

    const chain = verifyChain(file);
    expect(chain).toMatchObject({ ok: true, events: events.length, headSeq: events.length });
    const audit = await relayCli(dataDir, ['audit', 'verify']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain(`ok, ${events.length} events`);

    // Per kill: how many mutations were in flight, and how many of those had been committed
    // before the kill (their answer was lost; the re-send got the stored one).
    const lines = kills.map((kill, index) => {
      const outcomes = kill.inFlight.map((id) => answers.get(id)?.result);
      const committedBefore = outcomes.filter((result) => result?.status === 'accepted' && result.serverTime < kill.restartedAt).length;
      const decidedAfter = outcomes.filter((result) => result?.status === 'accepted' && result.serverTime >= kill.restartedAt).length;
      const refused = outcomes.filter((result) => result?.status === 'rejected').length;
      expect(committedBefore + decidedAfter + refused).toBe(kill.inFlight.length);
      return `kill ${index + 1}: ${kill.acceptedBefore} accepted before, ${kill.inFlight.length} in flight (${committedBefore} committed before the kill, ${decidedAfter} decided after the restart, ${refused} refused), restart ${kill.restartMs} ms, ${kill.resent} answered mutations re-sent`;
    });
    const unanswered = devices.reduce((sum, device) => sum + device.unansweredPushes, 0);
    console.info(
      [
        ...lines,
        `total: ${answers.size} mutations (${acceptedAnswers.length} accepted, ${rejectedAnswers.length} refused), ${events.length} events, ${unanswered} pushes left unanswered, ${elapsed} ms`,
      ].join('\n'),
    );
    expect(kills.reduce((sum, kill) => sum + kill.inFlight.length, 0)).toBeGreaterThan(0);
  }, 300_000);
});

describe('SIGKILL after a commit whose answer was lost', () => {
  it('the re-sent push gets the answers stored before the crash, and nothing is applied twice', async () => {
    const folder = tempDir('contact-desk-sigkill-lost-');
    try {
      await relayCliOk(folder, ['platform', 'add', 'meta', '--name', 'Meta']);
      const code = await addUser(folder, 'Olivia Operator', 'operator');
      const relay = loadRelay(folder, await freePort());
      await relay.start();
      const token = await enroll(relay.url, code, 'operator');
      const proxy = new TcpProxy(relay.port);
      await proxy.start();
      const creates = Array.from({ length: 50 }, () => {
        const id = newId();
        return createRequest(id, 'meta');
      });
      let given = false;
      const device = new LoadDevice('operator', proxy.url, token, () => (given ? [] : ((given = true), creates)), 50);
      await until(() => device.socket.connected, 'connected');
      const headBefore = ((await (await fetch(`${relay.url}/healthz`)).json()) as { headSeq: number }).headSeq;
      // The push reaches the relay, which commits it; its answer never comes back.
      proxy.loseReplies();
      device.start();
      await until(() => device.inFlight.size === creates.length, 'push sent');
      await until(() => {
        const db = new Database(join(folder, 'contact-desk.sqlite'), { readonly: true });
        try {
          return (
            (db.prepare('SELECT COUNT(*) AS n FROM mutations WHERE user_id != ?').get('relay-admin') as { n: number }).n === creates.length
          );
        } finally {
          db.close();
        }
      }, 'the push committed');
      await relay.stop('SIGKILL');
      const restartedAt = Date.now();
      proxy.restore();
      await relay.start();
      await device.drain();
      device.close();
      await proxy.stop();
      await relay.stop();

      expect(device.answers.size).toBe(creates.length);
      for (const result of device.answers.values()) {
        expect(result.status).toBe('accepted');
        // Stamped by the relay that was killed: the answer came from the store.
        expect(result.status === 'accepted' && result.serverTime).toBeLessThan(restartedAt);
      }
      const db = new Database(join(folder, 'contact-desk.sqlite'), { readonly: true });
      const events = db.prepare('SELECT COUNT(*) AS n FROM events WHERE seq > ?').get(headBefore) as { n: number };
      const requests = db.prepare('SELECT COUNT(*) AS n FROM requests').get() as { n: number };
      db.close();
      expect(events.n).toBe(creates.length);
      expect(requests.n).toBe(creates.length);
      expect(verifyChain(join(folder, 'contact-desk.sqlite')).ok).toBe(true);
    } finally {
      removeDir(folder);
    }
  }, 120_000);
});
