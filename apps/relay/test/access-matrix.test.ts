/**
 * The access matrix, over real sockets: every kind of user (the prefect, each ministry role, a
 * liaison of platform A and one of platform B) × every mutation type × a target on either
 * platform, then what each of them reads — live, by pull, meetings, the session — against a
 * table written from the domain rules (matrix/expected.ts), not from the relay's code. Run on
 * each storage engine: the whole matrix on SQLite, a slice of it on PostgreSQL (`cellsOn`).
 */
import {
  emptyState,
  MUTATION_TYPES,
  newId,
  recordPlatform,
  reduce,
  ROLES,
  type MutationResult,
  type MutationType,
} from '@contact-desk/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, ENGINE_START_MS, type RelayEngine } from './engines.js';
import { chainVerifies, projectionsMatchLog, takeFingerprint } from './fuzz/record.js';
import { closeAll, T0, waitFor } from './harness.js';
import { AudienceOracle, expectedToSee, expectedVerdict, type Verdict } from './matrix/expected.js';
import { MUTATION_SPECS, type Targets } from './matrix/mutation-args.js';
import { prepareTargets } from './matrix/prepare.js';
import { ACTORS, PLATFORM_A, PLATFORM_B, pullAll, startWorld, type ActorName, type World } from './matrix/world.js';

const PLATFORMS = [PLATFORM_A, PLATFORM_B];
const PLATFORM_NAMES: Record<string, string> = { [PLATFORM_A]: 'Alpha', [PLATFORM_B]: 'Beta' };

interface Cell {
  readonly type: MutationType;
  readonly platformId: string;
  readonly actor: ActorName;
  readonly verdict: Verdict;
}

/** Every actor × every mutation type × either platform, with the verdict of the domain rules. */
function everyCell(world: World): Cell[] {
  return MUTATION_TYPES.flatMap((type) =>
    PLATFORMS.flatMap((platformId) =>
      ACTORS.map((actor) => {
        const { role, platformId: own } = world.users[actor];
        return { type, platformId, actor, verdict: expectedVerdict(role, own, type, platformId) };
      }),
    ),
  );
}

/**
 * The cells a run sends. SQLite: all of them (450, about 40 s on 2 cores). PostgreSQL: for every
 * mutation type and either platform, one actor for each verdict the matrix has there (allowed,
 * forbidden, not_found), the actors taking turns within a verdict: 194 of the 450 cells today,
 * with every check of a SQLite cell. Every mutation type is still accepted, refused by role and,
 * where a liaison may send it, refused as missing across platforms, on either platform. What is
 * left out is the same verdict again from another actor: the verdict is the shared permission
 * code's, and the store's part in a refusal (one write under the log's lock recording the answer,
 * nothing else) is the same whoever is refused, so on PostgreSQL, where each cell costs about three
 * times as much (its fingerprints are read over a connection), those repeats would double the
 * time without testing anything more of the engine.
 */
function cellsOn(engine: RelayEngine, world: World): Cell[] {
  const cells = everyCell(world);
  if (engine.name === 'sqlite') return cells;
  const turns = new Map<Verdict, number>();
  const picked: Cell[] = [];
  for (let at = 0; at < cells.length; at += ACTORS.length) {
    const cell = cells.slice(at, at + ACTORS.length);
    for (const verdict of new Set(cell.map((candidate) => candidate.verdict))) {
      const sharing = cell.filter((candidate) => candidate.verdict === verdict);
      const turn = turns.get(verdict) ?? 0;
      turns.set(verdict, turn + 1);
      picked.push(sharing[turn % sharing.length] as Cell);
    }
  }
  return picked;
}

/** The relay's clock moves on between cells, so the push rate limit never gets in the way. */
function pace(world: World): void {
  world.h.clock.advance(5_000);
}

/** Waits until the relay has recorded the receipt of every pending request (the liaisons are connected). */
async function receiptsSettled(world: World): Promise<void> {
  await waitFor(
    () =>
      [...world.h.core.view.requests.values()].every(
        (r) => r.receivedAt !== null || !['open', 'acknowledged', 'needs_info', 'reopened'].includes(r.status),
      ),
    'receipts',
  );
}

/** The same arguments with the target swapped for one that exists nowhere. */
function phantomOf(
  type: MutationType,
  targets: Targets,
  args: Record<string, unknown>,
): { args: Record<string, unknown>; real: string; phantom: string } {
  const key = MUTATION_SPECS[type].target ?? 'platformId';
  const real = targets[key];
  const phantom = key === 'platformId' ? `nowhere-${newId().slice(-8)}` : newId();
  return { args: JSON.parse(JSON.stringify(args).replaceAll(real, phantom)) as Record<string, unknown>, real, phantom };
}

describeEachEngine('access matrix', (engine) => {
  let world: World;
  let meetingId: string;
  const tally = { mutationCells: 0, allowed: 0, refused: 0, leakComparisons: 0, audienceChecks: 0, readCells: 0 };

  function platformOf(actor: ActorName): string | null {
    return world.users[actor].platformId;
  }

  beforeAll(async () => {
    world = await startWorld({ config: await engine.store() });
    meetingId = newId();
    const created = await world.clients.prefect.act('meeting.create', {
      meetingId,
      title: 'Contact group, March',
      kind: 'regular',
      startsAt: T0 + 86_400_000,
      place: 'Place Beauvau',
      videoLink: null,
      invitedPlatformIds: PLATFORMS,
    });
    expect(created.status).toBe('accepted');
  }, ENGINE_START_MS);

  afterAll(async () => {
    const cells = tally.mutationCells + tally.readCells;
    console.log(
      `access matrix on ${engine.name}: ${cells} cells (${tally.mutationCells} mutation cells: ${tally.allowed} allowed, ${tally.refused} refused; ` +
        `${tally.readCells} read cells), ${tally.leakComparisons} existence-leak comparisons, ${tally.audienceChecks} event audiences checked`,
    );
    await closeAll();
  });

  it('covers every role of the domain', () => {
    expect(new Set(ACTORS.map((actor) => world.users[actor].role))).toEqual(new Set(ROLES));
    expect(Object.keys(MUTATION_SPECS).sort()).toEqual([...MUTATION_TYPES].sort());
  });

  it('every role × every mutation type × own/other platform: exactly what is allowed, nothing else', async () => {
    const { h } = world;
    const cells = cellsOn(engine, world);
    if (engine.name === 'sqlite') expect(cells).toHaveLength(ACTORS.length * MUTATION_TYPES.length * PLATFORMS.length);
    else {
      // The slice keeps every mutation type on either platform with every verdict it has there, and every actor takes part.
      const verdicts = (of: readonly Cell[]) => new Set(of.map((cell) => `${cell.type} on ${cell.platformId}: ${cell.verdict}`));
      expect(verdicts(cells)).toEqual(verdicts(everyCell(world)));
      expect(new Set(cells.map((cell) => cell.actor))).toEqual(new Set(ACTORS));
    }
    for (const { type, platformId, actor, verdict } of cells) {
      pace(world);
      const own = platformOf(actor);
      const cell = `${actor} ${type} on ${platformId}`;
      const targets = await prepareTargets(world, meetingId, type, platformId);
      const args = MUTATION_SPECS[type].args(targets);
      const before = await takeFingerprint(h);
      const result: MutationResult = await world.clients[actor].act(type, args);
      tally.mutationCells += 1;

      if (verdict === 'allowed') {
        tally.allowed += 1;
        expect(result.status, `${cell}: ${JSON.stringify(result)}`).toBe('accepted');
        if (result.status !== 'accepted') continue;
        const types = (await h.eventsAfter(before.headSeq)).filter((e) => result.seqs.includes(e.seq)).map((e) => e.type);
        expect(types, cell).toContain(MUTATION_SPECS[type].event);
        await receiptsSettled(world);
        continue;
      }

      tally.refused += 1;
      expect(result, cell).toMatchObject({ status: 'rejected', error: { code: verdict } });
      // A refusal changes nothing: no event, no projection, in memory or in the store.
      expect(await takeFingerprint(h), cell).toEqual(before);
      const text = JSON.stringify(result);
      if (own !== null && own !== platformId) {
        // Nothing of the other platform in the answer: not its name, nor a request's ref.
        expect(text, cell).not.toContain(PLATFORM_NAMES[platformId]);
        const ref = h.core.view.requests.get(targets.requestId)?.ref;
        if (ref) expect(text, cell).not.toContain(ref);
      }
      // The same answer as for a target that does not exist: the refusal reveals nothing.
      const phantom = phantomOf(type, targets, args);
      const ghost = await world.clients[actor].act(type, phantom.args);
      const normalise = (value: unknown, id: string) => JSON.stringify((value as { error?: unknown }).error).replaceAll(id, '<target>');
      expect(normalise(ghost, phantom.phantom), cell).toBe(normalise(result, phantom.real));
      tally.leakComparisons += 1;
      expect(await takeFingerprint(h), cell).toEqual(before);
    }
    expect(tally.mutationCells).toBe(cells.length);
    // After all of it, the log's chain verifies end to end and the projections match the log.
    const end = await takeFingerprint(h);
    expect(chainVerifies(end), JSON.stringify(end.chain)).toBe(true);
    expect(await projectionsMatchLog(h)).toMatchObject({ ok: true, differences: [] });
    // 450 cells on SQLite, each preparing its targets through the wire: well past the default 30 s on 2 cores.
  }, 180_000);

  it('reads: the session, every event pulled and every event live, each exactly what the role may see', async () => {
    const { h, clients } = world;
    // Every request is received (the liaisons are connected): pulls record nothing more.
    await receiptsSettled(world);
    const sentinelId = newId();
    pace(world);
    const sentinel = await clients.prefect.act('meeting.create', {
      meetingId: sentinelId,
      title: 'Emergency meeting',
      kind: 'emergency',
      startsAt: T0 + 2 * 86_400_000,
      place: null,
      videoLink: null,
      // Both platforms are invited: every device must get it live.
      invitedPlatformIds: PLATFORMS,
    });
    if (sentinel.status !== 'accepted') throw new Error('sentinel refused');
    const sentinelSeq = sentinel.seqs[0] ?? 0;
    for (const actor of ACTORS) await clients[actor].waitForEvent((e) => e.seq === sentinelSeq, `${actor} gets the sentinel live`);

    const log = await pullAll(clients.prefect);
    expect(log.events.map((e) => e.seq)).toEqual(Array.from({ length: h.headSeq }, (_, i) => i + 1));
    // The relay's audience of every event is the one the domain rules give it.
    const oracle = new AudienceOracle();
    const audiences = new Map<number, ReturnType<AudienceOracle['audienceOf']>>();
    for (const event of log.events) {
      const audience = oracle.audienceOf(event);
      audiences.set(event.seq, audience);
      expect(event.audience, `seq ${event.seq} ${event.type}`).toEqual(audience);
      tally.audienceChecks += 1;
    }

    for (const actor of ACTORS) {
      const { role, platformId, userId, deviceId } = world.users[actor];
      const client = clients[actor];
      const visible = (upTo: number, after = 0) =>
        log.events
          .filter((e) => e.seq > after && e.seq <= upTo && expectedToSee(role, platformId, audiences.get(e.seq) ?? { kind: 'admin' }))
          .map((e) => e.seq);

      // The session says who this is and nothing more.
      const session = client.session;
      expect(session, actor).toBeDefined();
      expect(Object.keys(session ?? {}).sort(), actor).toEqual(['actor', 'headSeq', 'policy', 'protocolVersion', 'serverTime']);
      expect(session?.actor, actor).toEqual({ userId, name: expect.any(String), role, platformId, deviceId });
      tally.readCells += 1;

      // Pull: exactly the events of the audiences the role may see.
      const pulled = await pullAll(client);
      expect(
        pulled.events.map((e) => e.seq),
        `${actor} pull`,
      ).toEqual(visible(pulled.upToSeq));
      tally.readCells += 1;

      // Live: the same events, from the moment the device connected, each message in order.
      const live = client.events.filter((e) => e.seq <= sentinelSeq).map((e) => e.seq);
      expect(live, `${actor} live`).toEqual(visible(sentinelSeq, session?.headSeq ?? 0));
      for (const message of client.live) {
        expect(
          message.events.every((e) => e.seq > message.afterSeq && e.seq <= message.upToSeq),
          `${actor} live message bounds`,
        ).toBe(true);
      }
      tally.readCells += 1;
    }
  });

  it('meetings: a liaison gets the meetings its platform is invited to, their general records and its own, never another’s', async () => {
    const { clients } = world;
    const everything = reduce(emptyState(), (await pullAll(clients.prefect)).events);
    const records = [...everything.meetingRecords.values()];
    const invited = (meetingId: string): readonly string[] => {
      const meeting = everything.meetingRecords.get(meetingId);
      return meeting?.type === 'meeting' ? meeting.invitedPlatformIds : [];
    };
    // The log holds records of each kind, so the checks below can fail.
    for (const about of [null, PLATFORM_A, PLATFORM_B])
      expect(
        records.some((r) => recordPlatform(r) === about),
        String(about),
      ).toBe(true);
    expect(
      records.some((r) => r.type === 'meeting' && r.invitedPlatformIds.length === 1),
      'a meeting of one platform',
    ).toBe(true);
    for (const actor of ['liaisonA', 'liaisonB'] as const) {
      const own = platformOf(actor) ?? '';
      const state = reduce(emptyState(), (await pullAll(clients[actor])).events, world.users[actor]);
      const seen = [...state.meetingRecords.keys()].sort();
      // Adopted minutes: the ministry's copy stays with the ministry; each platform gets its own.
      const expected = records
        .filter((r) =>
          r.type === 'minutes'
            ? r.platformId === own
            : r.type === 'meeting'
              ? r.invitedPlatformIds.includes(own)
              : invited(r.meetingId).includes(own) && [null, own].includes(recordPlatform(r)),
        )
        .map((r) => r.id)
        .sort();
      expect(seen, actor).toEqual(expected);
      // And no request, comment or user of the other platform reached them either.
      expect(
        [...state.requests.values()].every((r) => r.platformId === own),
        actor,
      ).toBe(true);
      expect(
        [...state.users.values()].every((u) => u.platformId === own),
        actor,
      ).toBe(true);
      expect([...state.platforms.keys()], actor).toEqual([own]);
      tally.readCells += 1;
    }
    for (const actor of ['prefect', 'operator', 'observer'] as const) {
      const state = reduce(emptyState(), (await pullAll(clients[actor])).events);
      expect([...state.meetingRecords.keys()].sort(), actor).toEqual(records.map((r) => r.id).sort());
      tally.readCells += 1;
    }
  });
});
