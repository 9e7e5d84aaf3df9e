import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  chainProofText,
  checkChainProof,
  GENESIS_HASH,
  newId,
  dayOf,
  periodOfDays,
  platformFigures,
  type LiveEvents,
  type LoggedEvent,
} from '@contact-desk/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashEvent } from '../src/audit/event-hash.js';
import { recomputeFigures } from '../src/audit/recompute-figures.js';
import { verifyChain } from '../src/audit/verify-chain.js';
import { verifyProjections } from '../src/audit/verify-projections.js';
import { buildProgram } from '../src/cli/main.js';
import { databaseFile } from '../src/config.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import { closeAll, createRequest, MINUTE, standardSetup, T0, waitFor } from './harness.js';

afterEach(closeAll);

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A relay with some history on two platforms: requests, an ack, an answer, a comment. Then stopped. */
async function recordedLog() {
  const setup = await standardSetup();
  const { h, operator, liaisonA } = setup;
  const ops = await h.connect(operator);
  const alpha = await h.connect(liaisonA);
  const first = await createRequest(ops, 'alpha');
  await createRequest(ops, 'beta');
  h.clock.advance(20 * MINUTE);
  await alpha.act('request.acknowledge', { requestId: first.requestId });
  const comment = await ops.act('comment.add', {
    commentId: newId(),
    requestId: first.requestId,
    body: 'Vidéo « republiée » ; voir aussi la chaîne.',
  });
  expect(comment.status).toBe('accepted');
  const last = await createRequest(ops, 'alpha', { priority: 'P2' });
  await alpha.waitForEvent((event) => event.type === 'request.received' && event.payload.requestId === last.requestId, 'receipt');
  return { ...setup, ops, alpha, first, file: databaseFile({ dataDir: h.dataDir }) };
}

/** Runs `relay <args>` in this process and returns what it printed and its exit code. */
async function cli(args: string[]): Promise<{ text: string; exitCode: number }> {
  const printed: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  process.exitCode = 0;
  try {
    await buildProgram().exitOverride().parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { text: printed.join(''), exitCode };
}

/** An event as stored in a data file, whatever its hash says. */
function storedEvent(file: string, seq: number): LoggedEvent {
  const storage = new SqliteStorage(file, { readOnly: true });
  try {
    const [event] = storage.eventsAfterNow({ role: 'system', platformId: null }, seq - 1, 1);
    if (!event) throw new Error(`no event ${seq}`);
    return event;
  } finally {
    storage.closeNow();
  }
}

function edit(file: string, work: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    work(db);
  } finally {
    db.close();
  }
}

describe('the hash chain of the log', () => {
  it('links every event to the one before it, in the same commit, and hands the head to clients', async () => {
    const { h, alpha } = await recordedLog();
    const events = await h.eventsAfter(0);
    expect(events.length).toBe(h.headSeq);
    let prevHash = GENESIS_HASH;
    for (const event of events) {
      expect(event.prevHash).toBe(prevHash);
      expect(event.hash).toBe(hashEvent(prevHash, event));
      prevHash = event.hash;
    }
    expect(h.core.headPosition).toEqual({ seq: h.headSeq, hash: prevHash });

    const page = await h.core.pull({ role: 'liaison', platformId: 'alpha' }, 0, 1000);
    expect(page.ok && page.upToHash).toBe(prevHash);
    const live: LiveEvents[] = alpha.live;
    const last = live.at(-1);
    expect(last?.upToHash).toBe(events.find((event) => event.seq === last?.upToSeq)?.hash);
  });

  it('verifies an untouched log and finds the first seq of an edited, deleted or reordered event', async () => {
    const { h, file } = await recordedLog();
    const head = h.core.headPosition;
    const commentSeq = (await h.eventsAfter(0)).find((event) => event.type === 'comment.added')?.seq;
    await h.relay.close();
    expect(verifyChain(file)).toEqual({ ok: true, events: head.seq, headSeq: head.seq, headHash: head.hash });
    expect((await verifyProjections(file)).ok).toBe(true);

    edit(file, (db) =>
      db.prepare("UPDATE events SET payload = replace(payload, 'republiée', 'retirée') WHERE type = 'comment.added'").run(),
    );
    const edited = verifyChain(file);
    expect(edited).toMatchObject({ ok: false, brokenSeq: commentSeq });
    expect(!edited.ok && edited.reason).toMatch(/edited/);
  });

  it('catches a deleted event, two swapped events and an event re-hashed to hide an edit', async () => {
    const { h, file } = await recordedLog();
    await h.relay.close();
    const base = `${file}.base`;
    edit(file, (db) => db.prepare('VACUUM INTO ?').run(base));
    const copy = (name: string) => {
      const target = join(h.dataDir, name);
      edit(base, (db) => db.prepare('VACUUM INTO ?').run(target));
      return target;
    };

    const deleted = copy('deleted.sqlite');
    edit(deleted, (db) => db.prepare('DELETE FROM events WHERE seq = 5').run());
    expect(verifyChain(deleted)).toMatchObject({ ok: false, brokenSeq: 5, reason: expect.stringMatching(/missing/) });

    const swapped = copy('swapped.sqlite');
    edit(swapped, (db) => {
      db.prepare('UPDATE events SET seq = -1 WHERE seq = 6').run();
      db.prepare('UPDATE events SET seq = 6 WHERE seq = 7').run();
      db.prepare('UPDATE events SET seq = 7 WHERE seq = -1').run();
    });
    expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenSeq: 6 });

    // Editing event 4 and recomputing its own hash: its successor no longer follows it.
    const rehashed = copy('rehashed.sqlite');
    edit(rehashed, (db) => {
      const row = db.prepare('SELECT * FROM events WHERE seq = 4').get() as { server_time: number };
      db.prepare('UPDATE events SET server_time = ? WHERE seq = 4').run(row.server_time - 30 * MINUTE);
    });
    const event = storedEvent(rehashed, 4);
    edit(rehashed, (db) => db.prepare('UPDATE events SET hash = ? WHERE seq = 4').run(hashEvent(event.prevHash, event)));
    expect(verifyChain(rehashed)).toMatchObject({ ok: false, brokenSeq: 5, reason: expect.stringMatching(/does not follow/) });
  });

  it('catches a rewritten tail against a head cited before, and a truncated log', async () => {
    const { h, file } = await recordedLog();
    const cited = h.core.headPosition;
    await h.relay.close();
    edit(file, (db) => {
      // Rewrite the last event and re-link it consistently: only a cited position can tell.
      db.prepare('UPDATE events SET server_time = server_time - 3600000 WHERE seq = ?').run(cited.seq);
    });
    const last = storedEvent(file, cited.seq);
    edit(file, (db) => db.prepare('UPDATE events SET hash = ? WHERE seq = ?').run(hashEvent(last.prevHash, last), cited.seq));
    expect(verifyChain(file).ok).toBe(true);
    expect(verifyChain(file, { expect: [cited] })).toMatchObject({ ok: false, brokenSeq: cited.seq });

    edit(file, (db) => db.prepare('DELETE FROM events WHERE seq = ?').run(cited.seq));
    expect(verifyChain(file, { expect: [cited] })).toMatchObject({ ok: false, reason: expect.stringMatching(/removed/) });
  });

  it('finds a projection edited by hand although the chain is intact', async () => {
    const { h, file, first } = await recordedLog();
    await h.relay.close();
    edit(file, (db) =>
      db
        .prepare("UPDATE requests SET doc = json_set(doc, '$.ackAt', json_extract(doc, '$.ackAt') - 600000) WHERE id = ?")
        .run(first.requestId),
    );
    expect(verifyChain(file).ok).toBe(true);
    const report = await verifyProjections(file);
    expect(report.ok).toBe(false);
    expect(report.differences).toEqual([`requests/${first.requestId}: differs from the log`]);
  });

  it('links the events of a data file written before the chain existed, as the relay would have', async () => {
    const { h, file } = await recordedLog();
    const head = h.core.headPosition;
    await h.relay.close();
    edit(file, (db) => {
      db.exec('ALTER TABLE events DROP COLUMN prev_hash; ALTER TABLE events DROP COLUMN hash;');
      db.pragma('user_version = 1');
    });
    expect(verifyChain(file)).toMatchObject({ ok: false, reason: expect.stringMatching(/predates the hash chain/) });
    await h.restart();
    expect(h.core.headPosition).toEqual(head);
    expect(verifyChain(file)).toMatchObject({ ok: true, headHash: head.hash });
  });
});

describe('relay audit', () => {
  it('verify prints ok with the head, and names the broken seq with exit code 1', async () => {
    const { h, file } = await recordedLog();
    const head = h.core.headPosition;
    await h.relay.close();
    const ok = await cli(['audit', 'verify', '-d', h.dataDir, '--expect', `${head.seq}:${head.hash}`]);
    expect(ok.exitCode).toBe(0);
    expect(ok.text).toContain(`ok, ${head.seq} events, head ${head.hash}`);
    expect(ok.text).toMatch(/projections ok: \d+ entities match the log/);

    edit(file, (db) => db.prepare('UPDATE events SET client_time = 0 WHERE seq = 3').run());
    const broken = await cli(['audit', 'verify', '-d', h.dataDir]);
    expect(broken.exitCode).toBe(1);
    expect(broken.text).toContain('BROKEN at seq 3');
  });

  it('figures recomputes from the log, up to a cited seq, what the relay counts now', async () => {
    const { h, ops, file } = await recordedLog();
    const cited = h.core.headPosition;
    const at = h.clock.now() + 2 * 60 * MINUTE;
    const period = { from: T0 - 60 * MINUTE, to: T0 + 24 * 60 * MINUTE };
    const atCited = [...h.core.view.requests.values()];
    const expected = platformFigures(atCited, period, at, true);
    await createRequest(ops, 'alpha');
    await waitFor(() => h.headSeq > cited.seq, 'a later event');
    await h.relay.close();

    const recomputed = await recomputeFigures(file, { period, platformIds: [], upToSeq: cited.seq, at });
    expect(recomputed).toMatchObject({ upToSeq: cited.seq, upToHash: cited.hash, figures: expected });
    expect(recomputed.figures.map((row) => row.platformId)).toEqual(['alpha', 'beta', '*']);

    const days = { from: dayOf(period.from, 'Europe/Paris'), to: dayOf(period.to - 1, 'Europe/Paris') };
    const printed = await cli([
      'audit',
      'figures',
      '-d',
      h.dataDir,
      '--platform',
      'alpha',
      '--seq',
      String(cited.seq),
      '--from',
      days.from,
      '--to',
      days.to,
      '--at',
      String(at),
      '--json',
    ]);
    const json = JSON.parse(printed.text) as { figures: unknown[]; upToHash: string; cells: { body: string[][] } };
    expect(json.upToHash).toBe(cited.hash);
    const dayPeriod = periodOfDays(days.from, days.to, 'Europe/Paris');
    const alphaFigures = platformFigures(
      atCited.filter((r) => r.platformId === 'alpha'),
      dayPeriod,
      at,
      true,
    );
    expect(json.figures).toEqual(alphaFigures.map((row) => JSON.parse(JSON.stringify(row))));
    expect(json.cells.body.at(-1)?.[0]).toBe('Toutes plateformes');
  });

  it("proof checks a liaison's chain proof on its own and against the log", async () => {
    const { h, alpha, file } = await recordedLog();
    const page = await h.core.pull({ role: 'liaison', platformId: 'alpha' }, 0, 1000);
    if (!page.ok) throw new Error('pull');
    const text = chainProofText('alpha', page.events, { seq: page.upToSeq, hash: page.upToHash }, h.clock.now());
    const own = page.events.filter((event) => event.audience.kind === 'platform');
    expect(own.length).toBeGreaterThan(3);
    expect(text.trim().split('\n')).toHaveLength(own.length + 1);
    expect(checkChainProof(text, sha256Hex).failures).toEqual([]);
    expect(alpha.events.every((event) => (event as LoggedEvent).hash.length === 64)).toBe(true);
    await h.relay.close();

    const proofFile = join(h.dataDir, 'alpha-proof.jsonl');
    writeFileSync(proofFile, text);
    expect(await cli(['audit', 'proof', proofFile, '-d', h.dataDir])).toMatchObject({
      exitCode: 0,
      text: expect.stringContaining('ok: every event matches its hash and the relay log holds the same hashes'),
    });

    // The liaison's file is edited: the event no longer matches its hash.
    writeFileSync(proofFile, text.replace(/"implicit":false/, '"implicit":true'));
    const forged = await cli(['audit', 'proof', proofFile, '--offline']);
    expect(forged.exitCode).toBe(1);
    expect(forged.text).toMatch(/content does not match its hash/);

    // The log is edited after the liaison took their proof: the proof no longer matches it.
    writeFileSync(proofFile, text);
    edit(file, (db) =>
      db.prepare("UPDATE events SET payload = json_set(payload, '$.implicit', json('true')) WHERE type = 'request.acknowledged'").run(),
    );
    const contested = await cli(['audit', 'proof', proofFile, '-d', h.dataDir]);
    expect(contested.exitCode).toBe(1);
    expect(contested.text).toMatch(/against the log/);
  });
});
