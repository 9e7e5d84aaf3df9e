/**
 * Figure 2 — flush: 1000 `comment.add` queued offline (engine stopped), then the real SyncEngine
 * started against a real relay process; timed until the outbox is empty. Baseline: a bare
 * socket.io-client pushing the same 1000 mutations (fresh ids) in batches of 100 with emitWithAck.
 */
import { CHANNELS, LIMITS, newId, parseMutation, PROTOCOL_VERSION, type Mutation, type PushResponse } from '@contact-desk/shared';
import { io } from 'socket.io-client';
import { requestArgs, startFixture } from '../../../tests/sync/fixture';
import { enrollDevice } from '@contact-desk/sync';
import { log, median, now, until, type Figure } from './common';

const MUTATIONS = 1_000;
const RUNS = 2;
const TIMEOUT_MS = 30_000;

function comments(requestId: string, count: number, tag: string): Mutation[] {
  const out: Mutation[] = [];
  for (let i = 0; i < count; i++) {
    const parsed = parseMutation({
      mutationId: newId(),
      type: 'comment.add',
      args: { commentId: newId(), requestId, body: `Bench comment ${tag} #${i}: follow-up on the takedown.` },
      clientTime: Date.now(),
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    out.push(parsed.value);
  }
  return out;
}

async function bareSocketPush(relayUrl: string, token: string, mutations: readonly Mutation[]): Promise<number> {
  const start = now();
  const socket = io(relayUrl, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    timeout: 5_000,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('bare socket did not connect')), 5_000);
      socket.once('connect', () => (clearTimeout(timer), resolve()));
      socket.once('connect_error', (error) => (clearTimeout(timer), reject(error)));
    });
    for (let i = 0; i < mutations.length; i += LIMITS.mutationsPerPush) {
      const batch = mutations.slice(i, i + LIMITS.mutationsPerPush);
      const response = (await socket.timeout(10_000).emitWithAck(CHANNELS.push, { mutations: batch })) as PushResponse;
      if (!response.ok) throw new Error(`bare push refused: ${response.error.message}`);
      const rejected = response.results.filter((result) => result.status !== 'accepted');
      if (rejected.length > 0) throw new Error(`bare push: ${rejected.length} mutations rejected`);
    }
    return now() - start;
  } finally {
    socket.disconnect();
  }
}

export async function benchFlush(): Promise<Figure[]> {
  const fixture = await startFixture();
  try {
    const client = await fixture.client(fixture.codes.operator, 'bench-engine');
    const bare = await enrollDevice(fixture.relay.url, fixture.codes.operator2, 'bench-bare');
    if (!bare.ok) throw new Error(bare.error.message);
    const created = await client.act('request.create', requestArgs('meta'));
    const requestId = (created.args as { requestId: string }).requestId;
    await client.until(() => client.engine.pendingMutations.length === 0 && client.engine.state.requests.has(requestId), TIMEOUT_MS);

    const engineFlush: number[] = [];
    const engineTotal: number[] = [];
    const enqueueMs: number[] = [];
    const applied: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      baseline.push(await bareSocketPush(fixture.relay.url, bare.token, comments(requestId, MUTATIONS, `bare-${run}`)));

      await client.quit();
      const before = client.engine.state.comments.size;
      const batch = comments(requestId, MUTATIONS, `engine-${run}`);
      const t0 = now();
      for (const mutation of batch) await client.engine.enqueue(mutation);
      const t1 = now();
      if ((await client.db.outbox.count()) !== MUTATIONS) throw new Error('outbox not filled');
      await client.reopen();
      await until(() => client.engine.pendingMutations.length === 0, TIMEOUT_MS, 2);
      const t2 = now();
      await until(async () => (await client.db.outbox.count()) === 0, TIMEOUT_MS, 2);
      await until(() => client.engine.state.comments.size >= before + MUTATIONS, TIMEOUT_MS, 2);
      const t3 = now();
      enqueueMs.push(t1 - t0);
      engineFlush.push(t2 - t1);
      engineTotal.push(t2 - t0);
      applied.push(t3 - t1);
      log(
        `flush run ${run + 1}: enqueue ${(t1 - t0).toFixed(0)} ms, start→outbox empty ${(t2 - t1).toFixed(0)} ms, →all 1000 events applied ${(t3 - t1).toFixed(0)} ms; bare socket ${baseline[run]!.toFixed(0)} ms`,
      );
    }
    if (client.rejections.length > 0) throw new Error(`${client.rejections.length} engine mutations rejected`);
    return [
      {
        figure: `flush 1k outbox: start → outbox empty (median of ${RUNS})`,
        value: median(engineFlush),
        baseline: median(baseline),
        baselineLabel: 'bare socket.io, 10×100 emitWithAck (incl. connect)',
        targetMs: 2_000,
        note: `start → all 1000 comment events applied locally: ${median(applied).toFixed(0)} ms`,
      },
      {
        figure: `flush 1k outbox: enqueue offline + flush (median of ${RUNS})`,
        value: median(engineTotal),
        baseline: median(baseline),
        baselineLabel: 'bare socket.io, 10×100 emitWithAck (incl. connect)',
        targetMs: 2_000,
        note: `1000 × enqueue() while offline alone: ${median(enqueueMs).toFixed(0)} ms`,
      },
    ];
  } finally {
    await fixture.close();
  }
}
