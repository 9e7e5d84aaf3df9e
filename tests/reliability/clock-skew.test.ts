/**
 * Devices whose clocks are two hours fast or slow act on requests through the app's real sync
 * engine (the engine's `now` seam, which also stamps each mutation's `clientTime`). The same
 * script is run against a relay on the same manual clock with every device on time. Every time
 * the record keeps (relay times of events, receipt, acknowledgement, answer, pauses, missed
 * deadlines), every deadline and every figure must be the same in both runs; the devices' own
 * times may appear only as `clientTime` (and the request's `ackClientTime`/`answeredClientTime`).
 */
import { itemIdFor, newId, platformFigures, slaView, type DomainEvent, type Request } from '@contact-desk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../apps/relay/src/audit/verify-chain';
import { databaseFile } from '../../apps/relay/src/config';
import { closeAll, Harness, T0 } from '../../apps/relay/test/harness';
import { EngineDevice, planned } from './engine-device';
import { removalArgs } from './request-flow';

afterEach(closeAll);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
type Name = 'operator' | 'prefect' | 'liaison';

interface Outcome {
  readonly requests: Request[];
  readonly events: DomainEvent[];
  readonly deviceRequests: Record<Name, Request[]>;
  readonly clientTimes: { type: string; serverTime: number; clientTime: number | null; actor: Name | 'system' }[];
}

/** Runs the script with each device's clock offset from the relay's by `skew[name]`. */
async function script(skew: Record<Name, number>): Promise<Outcome> {
  const h = await Harness.start();
  await h.platform('meta', 'Meta');
  const users = {
    operator: await h.user('operator'),
    prefect: await h.user('prefect'),
    liaison: await h.user('liaison', 'meta'),
  };
  const names = Object.keys(users) as Name[];
  const devices = {} as Record<Name, EngineDevice>;
  for (const name of names) {
    devices[name] = new EngineDevice(name, h.relay.url, users[name].token, () => h.clock.now() + skew[name]);
    await devices[name].start();
    await devices[name].until(() => devices[name].engine.syncStatus.connection === 'online', 'online');
  }
  const all = names.map((name) => devices[name]);
  /** Waits until every device has sent everything and holds the whole log, then moves the relay's clock. */
  const settle = async (advanceMs: number) => {
    for (const device of all) {
      await device.until(() => device.engine.syncStatus.pending === 0 && device.engine.syncStatus.cursor >= h.headSeq, 'settled');
    }
    h.clock.advance(advanceMs);
  };
  const act = (name: Name, type: string, args: unknown) => devices[name].act(planned(type, args, devices[name].now()));

  const ids = [newId(), newId(), newId()];
  for (const requestId of ids) {
    await act('operator', 'request.create', removalArgs(requestId, 'meta'));
  }
  // The receipts are recorded when the liaison's device gets the requests.
  await h.core.checkDeadlines([]);
  await devices.liaison.until(() => ids.every((id) => h.core.view.requests.get(id)?.receivedAt !== null), 'receipts');
  await settle(10 * MINUTE);
  await act('liaison', 'request.acknowledge', { requestId: ids[0] });
  await act('liaison', 'comment.add', { commentId: newId(), requestId: ids[0], body: 'On it.' });
  await settle(15 * MINUTE);
  await act('liaison', 'request.answer', { requestId: ids[0], items: [{ itemId: itemIdFor(ids[0] ?? '', 0), outcome: 'removed' }] });
  await act('liaison', 'request.requestInfo', { requestId: ids[2], question: 'Which account?' });
  await settle(20 * MINUTE);
  await act('operator', 'request.provideInfo', { requestId: ids[2], answer: 'The uploader of the video.' });
  await act('prefect', 'request.close', { requestId: ids[0], note: 'Checked.' });
  await settle(30 * MINUTE);
  await act('liaison', 'request.answer', { requestId: ids[2], items: [{ itemId: itemIdFor(ids[2] ?? '', 0), outcome: 'not_found' }] });
  await act('prefect', 'comment.add', { commentId: newId(), requestId: ids[1], body: 'Still nothing?' });
  // ids[1] is never acknowledged: the deadline watcher records the misses at relay time.
  await settle(2 * HOUR);
  await h.core.checkDeadlines(h.core.pendingRequestIds());
  await settle(0);

  const events = await h.eventsAfter(0);
  const actorName = new Map(names.map((name) => [users[name].userId, name]));
  const outcome: Outcome = {
    requests: ids.map((id) => h.core.view.requests.get(id) as Request),
    events,
    deviceRequests: Object.fromEntries(
      names.map((name) => [name, ids.map((id) => devices[name].engine.state.requests.get(id) as Request)]),
    ) as Record<Name, Request[]>,
    clientTimes: events
      .filter((event) => event.mutationId !== null || event.type.startsWith('request.'))
      .map((event) => ({
        type: event.type,
        serverTime: event.serverTime,
        clientTime: event.clientTime,
        actor: actorName.get(event.actor.userId) ?? 'system',
      })),
  };
  expect(verifyChain(databaseFile(h))).toMatchObject({ ok: true, headSeq: h.headSeq });
  for (const device of all) await device.close();
  await h.close();
  return outcome;
}

/** The record's times (ids differ from run to run; the devices' own times are left out). */
function recordTimes(outcome: Outcome) {
  return {
    requests: outcome.requests.map((request) => ({
      status: request.status,
      createdAt: request.createdAt,
      receivedAt: request.receivedAt,
      ackAt: request.ackAt,
      answeredAt: request.answeredAt,
      closedAt: request.closedAt,
      withdrawnAt: request.withdrawnAt,
      contestedAt: request.contestedAt,
      pauses: request.pauses.map(({ from, to }) => ({ from, to })),
      missedAck: request.missedAck,
      missedAction: request.missedAction,
      updatedAt: request.updatedAt,
      answersAt: request.items.map((item) => item.answer?.at ?? null),
      escalationLevel: request.escalationLevel,
    })),
    events: outcome.events.map((event) => ({
      seq: event.seq,
      type: event.type,
      serverTime: event.serverTime,
      createdAt: event.type === 'comment.added' ? event.payload.comment.createdAt : undefined,
    })),
  };
}

function figuresAt(outcome: Outcome, now: number) {
  return {
    figures: platformFigures(outcome.requests, { from: T0 - HOUR, to: T0 + 24 * HOUR }, now),
    sla: outcome.requests.map((request) => slaView(request, now)),
  };
}

describe('device clocks two hours off', () => {
  it('change no recorded time, deadline or figure; the device time is kept only as clientTime', async () => {
    const onTime = await script({ operator: 0, prefect: 0, liaison: 0 });
    const skewed = await script({ operator: -2 * HOUR, prefect: 2 * HOUR, liaison: 2 * HOUR });

    expect(recordTimes(skewed)).toEqual(recordTimes(onTime));
    for (const at of [T0 + 30 * MINUTE, T0 + 3 * HOUR, T0 + 48 * HOUR]) expect(figuresAt(skewed, at)).toEqual(figuresAt(onTime, at));
    // The devices' copies hold the relay's record too.
    for (const name of ['operator', 'prefect', 'liaison'] as const) {
      expect(skewed.deviceRequests[name]).toEqual(skewed.requests);
      expect(onTime.deviceRequests[name]).toEqual(onTime.requests);
    }
    const [answeredRequest, ignored, paused] = skewed.requests;
    expect(answeredRequest).toMatchObject({ status: 'closed' });
    expect(ignored?.missedAck).not.toBeNull();
    expect(paused?.pauses).toHaveLength(1);

    // What the devices said, kept apart: their clock exactly, two hours off the relay's time.
    const offsets = skewed.clientTimes.map(({ type, actor, serverTime, clientTime }) => ({
      type,
      actor,
      offset: clientTime === null ? null : clientTime - serverTime,
    }));
    for (const { actor, offset } of offsets) {
      if (actor === 'system') expect(offset).toBeNull();
      else expect(offset).toBe(actor === 'operator' ? -2 * HOUR : 2 * HOUR);
    }
    expect(onTime.clientTimes.every(({ clientTime, serverTime }) => clientTime === null || clientTime === serverTime)).toBe(true);
    expect(answeredRequest?.ackClientTime).toBe((answeredRequest?.ackAt ?? 0) + 2 * HOUR);
    expect(answeredRequest?.answeredClientTime).toBe((answeredRequest?.answeredAt ?? 0) + 2 * HOUR);
    console.info(
      `clock skew: ${skewed.events.length} events compared, ${offsets.filter((o) => o.offset !== null).length} carry a device time (±2 h), none differs in a recorded time; ack ${((onTime.requests[0]?.ackAt ?? 0) - T0) / MINUTE} min after creation in both runs`,
    );
  }, 120_000);
});
