/**
 * The access matrix of the REST API, over real HTTP: API keys of platforms A and B, of either
 * scope × every route × a request of either platform, against the table of matrix/api-expected.ts
 * (written from the domain rules, not from the relay's routes). Each refusal changes nothing and
 * is word for word the answer for a request that does not exist; each change is recorded under
 * the key's name for its platform's audience and reaches the ministry live; a revoked key is
 * refused everywhere alike. The whole of it on each storage engine (SQLite, PostgreSQL): it takes seconds.
 */
import { newId, type ApiKeyScope, type RequestStatus } from '@contact-desk/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WRITE_ROUTES } from '../src/api/api-inputs.js';
import { describeEachEngine, ENGINE_START_MS } from './engines.js';
import { chainVerifies, takeFingerprint } from './fuzz/record.js';
import { closeAll } from './harness.js';
import { AudienceOracle, expectedToSee } from './matrix/expected.js';
import { API_STEPS, expectedApiVerdict, VERDICT_CODE, type ApiRoute } from './matrix/api-expected.js';
import { PLATFORM_A, PLATFORM_B, requestIn, startWorld, type World } from './matrix/world.js';
import { call, type ApiReply } from './api/api-client.js';
import { keyActor } from './api/api-world.js';

const PLATFORMS = [PLATFORM_A, PLATFORM_B];
const PLATFORM_NAMES: Record<string, string> = { [PLATFORM_A]: 'Alpha', [PLATFORM_B]: 'Beta' };
const ROUTES: ApiRoute[] = ['list', 'detail', ...Object.keys(API_STEPS)];
/** The status a request must be in for each step to be legal, so a refusal is about who asks. */
const STATUS_FOR: Record<string, RequestStatus> = {
  detail: 'open',
  acknowledge: 'open',
  answer: 'acknowledged',
  'request-info': 'open',
  contest: 'acknowledged',
  comments: 'open',
  assign: 'open',
};

interface MatrixKey {
  readonly label: string;
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly platformId: string;
  readonly scope: ApiKeyScope;
}

async function issue(world: World, platformId: string, scope: ApiKeyScope): Promise<MatrixKey> {
  const id = newId();
  const name = `${PLATFORM_NAMES[platformId]} ${scope} tool`;
  const result = await world.clients.prefect.act('apiKey.issue', { apiKeyId: id, platformId, name, scope });
  if (result.status !== 'accepted' || !result.data?.apiKey) throw new Error('key refused');
  return { label: `${platformId}/${scope}`, id, key: result.data.apiKey, name, platformId, scope };
}

function bodyFor(world: World, route: ApiRoute, requestId: string, platformId: string): unknown {
  const liaison = platformId === PLATFORM_A ? world.users.liaisonA : world.users.liaisonB;
  const bodies: Record<string, unknown> = {
    acknowledge: {},
    answer: { items: [{ itemId: `${requestId}/1`, outcome: 'removed' }] },
    'request-info': { question: 'Which account is meant?' },
    contest: { reason: 'Lawful reporting.' },
    comments: { body: 'Working on it.' },
    assign: { assigneeId: liaison.userId },
  };
  return bodies[route];
}

function send(world: World, key: string, route: ApiRoute, requestId: string, body: unknown): Promise<ApiReply> {
  const url = world.h.relay.url;
  if (route === 'list') return call(url, 'GET', '/api/v1/requests?limit=500', { key });
  if (route === 'detail') return call(url, 'GET', `/api/v1/requests/${requestId}`, { key });
  return call(url, 'POST', `/api/v1/requests/${requestId}/${route}`, { key, body, idempotencyKey: newId() });
}

describeEachEngine('API access matrix', (engine) => {
  let world: World;
  let keys: MatrixKey[];
  const tally = { cells: 0, allowed: 0, refused: 0, leakComparisons: 0, audienceChecks: 0, revokedCells: 0 };

  beforeAll(async () => {
    world = await startWorld({ config: await engine.store() });
    keys = [
      await issue(world, PLATFORM_A, 'read'),
      await issue(world, PLATFORM_A, 'act'),
      await issue(world, PLATFORM_B, 'read'),
      await issue(world, PLATFORM_B, 'act'),
    ];
  }, ENGINE_START_MS);

  afterAll(async () => {
    console.log(
      `API access matrix on ${engine.name}: ${tally.cells} cells (${tally.allowed} allowed, ${tally.refused} refused, ${tally.revokedCells} with a revoked key), ` +
        `${tally.leakComparisons} existence-leak comparisons, ${tally.audienceChecks} event audiences checked`,
    );
    await closeAll();
  });

  it('covers every write route the relay has', () => {
    expect(Object.keys(API_STEPS).sort()).toEqual(WRITE_ROUTES.map((route) => route.action).sort());
  });

  it('every key × every route × own/other platform: exactly what is allowed, nothing else', async () => {
    const { h } = world;
    for (const route of ROUTES) {
      for (const targetPlatform of route === 'list' ? [PLATFORM_A] : PLATFORMS) {
        for (const key of keys) {
          const cell = `${key.label} ${route} on ${targetPlatform}`;
          const requestId = route === 'list' ? '' : await requestIn(world, targetPlatform, STATUS_FOR[route] ?? 'open');
          const body = bodyFor(world, route, requestId, targetPlatform);
          const verdict = expectedApiVerdict(key.scope, key.platformId, route, targetPlatform);
          const before = await takeFingerprint(h);
          const reply = await send(world, key.key, route, requestId, body);
          tally.cells += 1;
          expect(reply.status, `${cell}: ${reply.text.slice(0, 300)}`).toBe(verdict);

          if (verdict === 200) {
            tally.allowed += 1;
            if (route === 'list') {
              const ids = reply
                .json<{ requests: { id: string; platformId: string }[] }>()
                .requests.map((r) => r.id)
                .sort();
              const own = [...h.core.view.requests.values()]
                .filter((r) => r.platformId === key.platformId)
                .map((r) => r.id)
                .sort();
              expect(ids, cell).toEqual(own);
            } else if (route === 'detail') {
              expect(reply.json(), cell).toMatchObject({ ok: true, request: { id: requestId, platformId: key.platformId } });
            } else {
              const seqs = reply.json<{ seqs: number[] }>().seqs;
              const events = (await h.eventsAfter(before.headSeq)).filter((event) => seqs.includes(event.seq));
              expect(events.at(-1)?.type, cell).toBe(API_STEPS[route]);
              for (const event of events) {
                expect(event.actor, cell).toEqual(keyActor(key));
                expect(event.audience, cell).toEqual({ kind: 'platform', platformId: key.platformId });
                tally.audienceChecks += 1;
              }
              const last = events.at(-1)?.seq;
              await world.clients.prefect.waitForEvent((event) => event.seq === last, `${cell}: live to the prefect`);
            }
            continue;
          }

          tally.refused += 1;
          expect(reply.json(), cell).toMatchObject({ ok: false, error: { code: VERDICT_CODE[verdict] } });
          expect(await takeFingerprint(h), cell).toEqual(before);
          if (targetPlatform !== key.platformId) expect(reply.text, cell).not.toContain(PLATFORM_NAMES[targetPlatform]);
          const ref = h.core.view.requests.get(requestId)?.ref;
          if (ref) expect(reply.text, cell).not.toContain(ref);
          // The same answer, status and body, as for a request that does not exist.
          const phantom = newId();
          const ghost = await send(world, key.key, route, phantom, JSON.parse(JSON.stringify(body ?? null).replaceAll(requestId, phantom)));
          expect([ghost.status, ghost.text.replaceAll(phantom, '<id>')], cell).toEqual([
            reply.status,
            reply.text.replaceAll(requestId, '<id>'),
          ]);
          tally.leakComparisons += 1;
          expect(await takeFingerprint(h), cell).toEqual(before);
        }
      }
    }
    expect(tally.cells).toBe(keys.length * (1 + (ROUTES.length - 1) * PLATFORMS.length));
  }, 180_000);

  it('a revoked key is refused on every route as an unknown key is', async () => {
    const revoked = await issue(world, PLATFORM_A, 'act');
    expect((await world.clients.prefect.act('apiKey.revoke', { apiKeyId: revoked.id })).status).toBe('accepted');
    const unknown = `cdk_${newId().replaceAll('-', '')}_${'B'.repeat(43)}`;
    for (const route of ROUTES) {
      const requestId = await requestIn(world, PLATFORM_A, STATUS_FOR[route] ?? 'open');
      const before = await takeFingerprint(world.h);
      const body = bodyFor(world, route, requestId, PLATFORM_A);
      const reply = await send(world, revoked.key, route, requestId, body);
      const other = await send(world, unknown, route, requestId, body);
      expect([reply.status, reply.text], route).toEqual([401, other.text]);
      expect(await takeFingerprint(world.h), route).toEqual(before);
      tally.cells += 1;
      tally.revokedCells += 1;
    }
  });

  it('every event of the log, API changes and receipts included, has the audience the domain rules give it; the chain verifies', async () => {
    const events = await world.h.eventsAfter(0);
    const oracle = new AudienceOracle();
    for (const event of events) {
      expect(event.audience, `seq ${event.seq} ${event.type}`).toEqual(oracle.audienceOf(event));
      tally.audienceChecks += 1;
    }
    expect(events.some((event) => event.actor.userId.startsWith('apikey:'))).toBe(true);
    // A liaison's device got live only what its platform may see, its own tools' changes included.
    const sentinel = await world.clients.prefect.act('meeting.create', {
      meetingId: newId(),
      title: 'Sentinel',
      kind: 'emergency',
      startsAt: world.h.clock.now() + 86_400_000,
      place: null,
      videoLink: null,
      invitedPlatformIds: [PLATFORM_A, PLATFORM_B],
    });
    if (sentinel.status !== 'accepted') throw new Error('sentinel refused');
    for (const [name, platformId] of [
      ['liaisonA', PLATFORM_A],
      ['liaisonB', PLATFORM_B],
    ] as const) {
      const client = world.clients[name];
      await client.waitForEvent((event) => event.seq === sentinel.seqs[0], `${name} gets the sentinel`);
      expect(
        client.events.some((event) => event.actor.userId.startsWith('apikey:') && event.actor.platformId === platformId),
        name,
      ).toBe(true);
      for (const event of client.events) {
        expect(expectedToSee('liaison', platformId, event.audience), `${name} seq ${event.seq}`).toBe(true);
      }
    }
    expect(chainVerifies(await takeFingerprint(world.h))).toBe(true);
  });
});
