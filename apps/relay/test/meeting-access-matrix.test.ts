/**
 * The access matrix of meetings, over real sockets: a meeting that invites platform A only,
 * every meeting mutation on it (general records and records about A and about B), who may send
 * each, and which devices receive each event — live and by pull — against rules written here
 * from the domain (§15), not from permissions.ts. Then a change of invitations: the platforms
 * invited before and after get it, and a platform no longer invited drops the meeting. The whole
 * of it on each storage engine (SQLite, PostgreSQL): it takes seconds.
 */
import { emptyState, newId, reduce, type DomainEvent, type MutationType } from '@contact-desk/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, ENGINE_START_MS } from './engines.js';
import { takeFingerprint } from './fuzz/record.js';
import { closeAll, T0, type Client } from './harness.js';
import { ACTORS, PLATFORM_A, PLATFORM_B, pullAll, startWorld, type ActorName, type World } from './matrix/world.js';

/** What a row's event is about: the whole meeting, or one platform. */
type Subject = 'meeting' | typeof PLATFORM_A | typeof PLATFORM_B;

interface Row {
  readonly type: MutationType;
  readonly subject: Subject;
  readonly args: () => Record<string, unknown>;
}

const meetingId = newId();
const ids = { generalItem: newId(), itemA: newId(), itemB: newId(), generalTask: newId(), taskA: newId(), taskB: newId() };
const MEETING = {
  title: 'Alpha only: removal backlog',
  place: 'Salle Lumière, Beauvau',
  videoLink: 'https://visio.example.org/alpha-backlog',
};

const party = (platformId: string) => ({ kind: 'platform', platformId });
const item = (itemId: string, platformId: string | null) => ({
  itemId,
  meetingId,
  kind: 'free',
  title: `Item ${itemId.slice(0, 4)}`,
  platformId,
});
const task = (actionItemId: string, owner: object) => ({ actionItemId, meetingId, text: 'Follow up', owner });

/** Every meeting mutation, on the meeting, in an order that works. */
const ROWS: readonly Row[] = [
  {
    type: 'meeting.create',
    subject: 'meeting',
    args: () => ({ meetingId, kind: 'regular', startsAt: T0 + 86_400_000, ...MEETING, invitedPlatformIds: [PLATFORM_A] }),
  },
  { type: 'meeting.update', subject: 'meeting', args: () => ({ meetingId, patch: { startsAt: T0 + 2 * 86_400_000 } }) },
  { type: 'meeting.setAttendance', subject: 'meeting', args: () => ({ meetingId, party: party(PLATFORM_A), status: 'present' }) },
  { type: 'agenda.addItem', subject: 'meeting', args: () => item(ids.generalItem, null) },
  { type: 'agenda.addItem', subject: PLATFORM_A, args: () => item(ids.itemA, PLATFORM_A) },
  { type: 'agenda.addItem', subject: PLATFORM_B, args: () => item(ids.itemB, PLATFORM_B) },
  { type: 'agenda.updateItem', subject: 'meeting', args: () => ({ itemId: ids.generalItem, patch: { notes: 'Discussed.' } }) },
  { type: 'agenda.updateItem', subject: PLATFORM_B, args: () => ({ itemId: ids.itemB, patch: { notes: 'Beta is late.' } }) },
  { type: 'decision.add', subject: 'meeting', args: () => ({ decisionId: newId(), meetingId, text: 'Monthly review.' }) },
  {
    type: 'decision.add',
    subject: PLATFORM_A,
    args: () => ({ decisionId: newId(), meetingId, platformId: PLATFORM_A, text: 'Alpha reports.' }),
  },
  {
    type: 'decision.add',
    subject: PLATFORM_B,
    args: () => ({ decisionId: newId(), meetingId, platformId: PLATFORM_B, text: 'Beta warned.' }),
  },
  { type: 'actionItem.create', subject: 'meeting', args: () => task(ids.generalTask, { kind: 'ministry', team: 'PHAROS' }) },
  { type: 'actionItem.create', subject: PLATFORM_A, args: () => task(ids.taskA, party(PLATFORM_A)) },
  { type: 'actionItem.create', subject: PLATFORM_B, args: () => task(ids.taskB, party(PLATFORM_B)) },
  { type: 'actionItem.setStatus', subject: PLATFORM_A, args: () => ({ actionItemId: ids.taskA, status: 'done' }) },
  { type: 'actionItem.setStatus', subject: PLATFORM_B, args: () => ({ actionItemId: ids.taskB, status: 'dropped' }) },
  { type: 'actionItem.setStatus', subject: 'meeting', args: () => ({ actionItemId: ids.generalTask, status: 'done' }) },
  { type: 'agenda.removeItem', subject: PLATFORM_B, args: () => ({ itemId: ids.itemB }) },
  { type: 'agenda.removeItem', subject: 'meeting', args: () => ({ itemId: ids.generalItem }) },
];

/** Who may send a meeting mutation: the prefect convenes; operators keep the record. */
const SENDERS: Record<string, readonly ActorName[]> = {
  'meeting.create': ['prefect'],
  'meeting.update': ['prefect'],
};

/** Who sends a row: the prefect convenes, operators keep the record, A's liaison reports A's action item. */
function senderOf(row: Row): ActorName {
  if (row.type === 'actionItem.setStatus' && row.subject === PLATFORM_A) return 'liaisonA';
  return SENDERS[row.type] ? 'prefect' : 'operator';
}

/**
 * The refusal of anyone else: the role first (observers and liaisons keep no meeting record);
 * a liaison reporting an action item gets `forbidden` for one it sees but does not own, and the
 * answer for a missing one for one it may not see (any of a meeting its platform is not invited
 * to, or one about another platform).
 */
function refusalFor(actor: ActorName, row: Row): 'forbidden' | 'not_found' {
  if (row.type !== 'actionItem.setStatus' || actor === 'observer') return 'forbidden';
  return actor === 'liaisonA' && row.subject === 'meeting' ? 'forbidden' : 'not_found';
}

/** Who receives an event of the meeting (invites A only): the ministry always; A for the meeting and A's records; B never. */
function receivers(subject: Subject): ActorName[] {
  return ['prefect', 'operator', 'observer', ...(subject === PLATFORM_B ? [] : (['liaisonA'] as const))];
}

/** The seqs a client has, live, after the later of its barrier events. */
function liveSeqs(client: Client, upTo: number): number[] {
  return client.events.filter((event) => event.seq <= upTo).map((event) => event.seq);
}

async function pulled(client: Client): Promise<DomainEvent[]> {
  return (await pullAll(client)).events;
}

/** An event every device must receive: once it has come, everything before it has been sent. */
async function barrier(world: World): Promise<number> {
  world.h.clock.advance(5_000);
  const result = await world.clients.prefect.act('meeting.create', {
    meetingId: newId(),
    title: 'Barrier',
    kind: 'regular',
    startsAt: T0 + 86_400_000,
    place: null,
    videoLink: null,
    invitedPlatformIds: [PLATFORM_A, PLATFORM_B],
  });
  if (result.status !== 'accepted') throw new Error('barrier refused');
  const seq = result.seqs[0] ?? 0;
  for (const actor of ACTORS) await world.clients[actor].waitForEvent((event) => event.seq === seq, `${actor} gets the barrier`);
  return seq;
}

describeEachEngine('meeting access matrix (a meeting that invites platform A only)', (engine) => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ config: await engine.store() });
  }, ENGINE_START_MS);

  afterAll(async () => {
    await closeAll();
  });

  const rowSeqs = new Map<number, Row>();

  it('every meeting mutation: who may send it; whoever may not changes nothing, and a liaison naming what it may not see gets the answer for what does not exist', async () => {
    for (const row of ROWS) {
      const sender = senderOf(row);
      for (const actor of ACTORS.filter((name) => name !== sender && !(SENDERS[row.type] ?? ['prefect', 'operator']).includes(name))) {
        const verdict = refusalFor(actor, row);
        const before = await takeFingerprint(world.h);
        const args = row.args();
        const refused = await world.clients[actor].act(row.type, args);
        expect(refused, `${actor} ${row.type} about ${row.subject}`).toMatchObject({ status: 'rejected', error: { code: verdict } });
        expect(await takeFingerprint(world.h), `${actor} ${row.type}`).toEqual(before);
        if (verdict === 'not_found') {
          const target = String(args.actionItemId);
          const phantom = await world.clients[actor].act(row.type, { ...args, actionItemId: newId() });
          const words = (value: unknown, id: string) => JSON.stringify((value as { error?: unknown }).error).replaceAll(id, '<id>');
          const phantomId = phantom.status === 'rejected' ? String(phantom.error.details?.id) : '';
          expect(words(refused, target), `${actor} ${row.type}`).toBe(words(phantom, phantomId));
        }
      }
      world.h.clock.advance(5_000);
      const result = await world.clients[sender].act(row.type, row.args());
      expect(result.status, `${sender} ${row.type} about ${row.subject}: ${JSON.stringify(result)}`).toBe('accepted');
      if (result.status === 'accepted') for (const seq of result.seqs) rowSeqs.set(seq, row);
    }
  });

  it('each event reaches exactly the ministry and the invited platform it concerns, live and by pull; the uninvited liaison gets nothing of it', async () => {
    const upTo = await barrier(world);
    expect(rowSeqs.size).toBe(ROWS.length);
    for (const actor of ACTORS) {
      const expected = [...rowSeqs].filter(([, row]) => receivers(row.subject).includes(actor)).map(([seq]) => seq);
      const client = world.clients[actor];
      const got = new Set([...liveSeqs(client, upTo), ...(await pulled(client)).map((e) => e.seq)]);
      expect(
        [...rowSeqs.keys()].filter((seq) => got.has(seq)),
        `${actor}: the rows it got`,
      ).toEqual(expected);
    }
    const traffic = JSON.stringify([world.clients.liaisonB.live, await pulled(world.clients.liaisonB)]);
    for (const trace of [meetingId, MEETING.title, MEETING.place, MEETING.videoLink, ...Object.values(ids)]) {
      expect(traffic.includes(trace), `liaisonB got ${trace}`).toBe(false);
    }
  });

  it('a change of invitations reaches the platforms invited before and after; a platform no longer invited drops the meeting', async () => {
    world.h.clock.advance(5_000);
    const moved = await world.clients.prefect.act('meeting.update', { meetingId, patch: { invitedPlatformIds: [PLATFORM_B] } });
    if (moved.status !== 'accepted') throw new Error(JSON.stringify(moved));
    const seq = moved.seqs[0] ?? 0;
    for (const actor of ACTORS) await world.clients[actor].waitForEvent((event) => event.seq === seq, `${actor} gets the change`);
    const copy = (actor: 'liaisonA' | 'liaisonB') =>
      pulled(world.clients[actor]).then((events) => reduce(emptyState(), events, world.users[actor]));
    const alpha = await copy('liaisonA');
    expect(
      [...alpha.meetingRecords.values()].filter(
        (record) => record.id === meetingId || ('meetingId' in record && record.meetingId === meetingId),
      ),
    ).toEqual([]);
    // The newly invited platform gets the meeting as it stands, not the records made before.
    const beta = await copy('liaisonB');
    expect(beta.meetingRecords.get(meetingId)).toMatchObject({
      title: MEETING.title,
      place: MEETING.place,
      invitedPlatformIds: [PLATFORM_B],
    });
    expect([...beta.meetingRecords.values()].filter((record) => 'meetingId' in record && record.meetingId === meetingId)).toEqual([]);
    // From now on, the meeting's general records are B's, not A's.
    world.h.clock.advance(5_000);
    const later = await world.clients.operator.act('agenda.addItem', item(newId(), null));
    const upTo = await barrier(world);
    const laterSeq = later.status === 'accepted' ? later.seqs[0] : -1;
    expect(liveSeqs(world.clients.liaisonB, upTo)).toContain(laterSeq);
    expect(liveSeqs(world.clients.liaisonA, upTo)).not.toContain(laterSeq);
  });
});
