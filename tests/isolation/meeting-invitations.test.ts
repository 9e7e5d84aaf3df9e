/**
 * A meeting reaches only the ministry and the platforms it invites. Against a real `relay serve`
 * process, over real sockets: the prefect convenes Meta alone and fills the meeting; TikTok's
 * liaison is connected throughout. Once a later event for everyone has reached both liaisons
 * (the barrier), everything TikTok's device received — every live message, every page of a pull
 * from the start — is searched for the meeting's id, title, place, video link and records' ids,
 * and holds none of them, while Meta's holds them all.
 */
import { newId, type PullResponse, type PushResponse } from '@contact-desk/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../apps/relay/test/wait-for';
import { addUserAsync } from '../support/relay-process';
import { startFixture, type Fixture } from '../sync/fixture';

let fixture: Fixture;

/** A device's socket and every message it received, as received. */
interface Device {
  readonly socket: Socket;
  readonly traffic: string[];
}

async function device(code: string): Promise<Device> {
  const enrolled = (await (
    await fetch(`${fixture.relay.url}/enroll`, { method: 'POST', body: JSON.stringify({ code, deviceLabel: 'Laptop' }) })
  ).json()) as { token: string };
  const socket = io(fixture.relay.url, {
    auth: { token: enrolled.token, protocolVersion: 1 },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const traffic: string[] = [];
  socket.onAny((channel: string, ...args: unknown[]) => traffic.push(JSON.stringify([channel, ...args])));
  await new Promise((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, traffic };
}

async function act(by: Device, type: string, args: Record<string, unknown>): Promise<number> {
  const answer = (await by.socket
    .timeout(5_000)
    .emitWithAck('push', { mutations: [{ mutationId: newId(), type, args, clientTime: null }] })) as PushResponse;
  const result = answer.ok ? answer.results[0] : undefined;
  if (result?.status !== 'accepted') throw new Error(`${type}: ${JSON.stringify(answer)}`);
  return result.seqs[0] ?? 0;
}

/** Pulls the whole log as the device may see it, keeping every answer in its traffic. */
async function pullAll(from: Device): Promise<void> {
  let afterSeq = 0;
  for (;;) {
    const page = (await from.socket.timeout(5_000).emitWithAck('pull', { afterSeq, limit: 50 })) as PullResponse;
    from.traffic.push(JSON.stringify(page));
    if (!page.ok) throw new Error(page.error.message);
    afterSeq = page.upToSeq;
    if (!page.hasMore) return;
  }
}

function received(by: Device, seq: number): Promise<boolean> {
  return waitFor(() => by.traffic.some((message) => message.includes(`"seq":${seq},`)), `seq ${seq}`);
}

let prefect: Device;
let meta: Device;
let tiktok: Device;
const meetingId = newId();
const traces = {
  meetingId,
  title: 'Meta only: the March removal backlog',
  place: 'Salle Clemenceau, place Beauvau',
  videoLink: 'https://visio.example.gouv.fr/meta-backlog-7f3a',
  itemId: newId(),
  decisionId: newId(),
  actionItemId: newId(),
};

beforeAll(async () => {
  fixture = await startFixture();
  prefect = await device(await addUserAsync(fixture.relay.dataDir, 'Paula Prefect', 'prefect'));
  meta = await device(fixture.codes.liaison);
  tiktok = await device(fixture.codes.otherLiaison);
}, 60_000);

afterAll(async () => {
  for (const each of [prefect, meta, tiktok]) each?.socket.disconnect();
  await fixture.close();
});

describe('a meeting that invites Meta alone', () => {
  it('leaves no trace of itself in what TikTok’s liaison received, live or by pull', async () => {
    const { title, place, videoLink } = traces;
    await act(prefect, 'meeting.create', {
      meetingId,
      title,
      kind: 'regular',
      startsAt: Date.now() + 86_400_000,
      place,
      videoLink,
      invitedPlatformIds: ['meta'],
    });
    await act(prefect, 'meeting.update', { meetingId, patch: { startsAt: Date.now() + 2 * 86_400_000 } });
    await act(prefect, 'meeting.setAttendance', { meetingId, party: { kind: 'platform', platformId: 'meta' }, status: 'present' });
    await act(prefect, 'agenda.addItem', { itemId: traces.itemId, meetingId, kind: 'free', title: 'Backlog at Meta' });
    await act(prefect, 'decision.add', { decisionId: traces.decisionId, meetingId, text: 'Weekly review.' });
    await act(prefect, 'actionItem.create', {
      actionItemId: traces.actionItemId,
      meetingId,
      text: 'Clear the backlog.',
      owner: { kind: 'platform', platformId: 'meta' },
    });
    // The barrier: an event both liaisons must receive, sent after all of the above.
    const barrier = await act(prefect, 'meeting.create', {
      meetingId: newId(),
      title: 'Plenary',
      kind: 'regular',
      startsAt: Date.now() + 86_400_000,
      place: null,
      videoLink: null,
      invitedPlatformIds: ['meta', 'tiktok'],
    });
    await received(tiktok, barrier);
    await received(meta, barrier);
    await pullAll(tiktok);
    await pullAll(meta);

    const tiktokTraffic = tiktok.traffic.join('\n');
    const metaTraffic = meta.traffic.join('\n');
    expect(tiktokTraffic).toContain('Plenary');
    for (const [name, trace] of Object.entries(traces)) {
      expect(metaTraffic.includes(trace), `Meta's liaison got the ${name}`).toBe(true);
      expect(tiktokTraffic.includes(trace), `TikTok's liaison got the ${name}`).toBe(false);
    }
  });
});
