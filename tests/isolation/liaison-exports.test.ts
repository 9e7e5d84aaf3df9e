/**
 * A liaison's exports are computed on their own device from what the relay gave it (pull and
 * live). Against a real relay process, with the app's real sync engine and the app's own export
 * inputs: whatever a liaison picks, the late-response list, its CSV and the figures hold only
 * their platform's requests — while the ministry's, from the same log, hold both platforms.
 */
import { lateListCsv, lateResponseRows, type ExportMeta } from '@contact-desk/exports';
import { newId, platformFigures, type DomainState } from '@contact-desk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformRefs, requestsOf } from '../../apps/desktop/src/renderer/src/features/exports/export-data';
import { requestArgs, startFixture, type Fixture } from '../sync/fixture';
import type { SyncClient } from '../sync/sync-client';

const OWN = 'meta';
const OTHER = 'tiktok';
const PER_PLATFORM = 3;

let fixture: Fixture;
let operator: SyncClient;
let liaison: SyncClient;
let otherLiaison: SyncClient;
/** Request references and content locations per platform, as the relay recorded them. */
const created = new Map<string, { refs: string[]; locations: string[] }>();
/** A month after creation: every request, never acknowledged, is late and unanswered. */
let now: number;

async function headSeq(): Promise<number> {
  const health = (await (await fetch(`${fixture.relay.url}/healthz`)).json()) as { headSeq: number };
  return health.headSeq;
}

function lateRows(state: DomainState, chosen: readonly string[]) {
  return lateResponseRows(requestsOf(state, chosen), platformRefs(state), { from: 0, to: now }, now);
}

beforeAll(async () => {
  fixture = await startFixture();
  operator = await fixture.client(fixture.codes.operator, 'operator laptop');
  liaison = await fixture.client(fixture.codes.liaison, 'meta laptop');
  otherLiaison = await fixture.client(fixture.codes.otherLiaison, 'tiktok laptop');
  for (const platformId of [OWN, OTHER]) {
    const entry = { refs: [] as string[], locations: [] as string[] };
    for (let i = 0; i < PER_PLATFORM; i += 1) {
      const args = {
        ...requestArgs(platformId),
        items: [`https://${platformId}.example/watch/${newId()}`],
        pharosRef: `pharos-${platformId}`,
      };
      await operator.act('request.create', args);
      entry.locations.push(args.items[0] ?? '');
    }
    created.set(platformId, entry);
  }
  await operator.until(() => operator.engine.state.requests.size === 2 * PER_PLATFORM && operator.engine.syncStatus.pending === 0);
  for (const request of operator.engine.state.requests.values()) created.get(request.platformId)?.refs.push(request.ref);
  // Each liaison's device has received its platform's requests, and the relay recorded it: the
  // log holds every receipt. Then everyone catches up with the whole log before exporting.
  await operator.until(() => [...operator.engine.state.requests.values()].every((request) => request.receivedAt !== null));
  const head = await headSeq();
  for (const client of [operator, liaison, otherLiaison]) await client.until(() => client.engine.syncStatus.cursor >= head);
  now = Math.max(...[...operator.engine.state.requests.values()].map((r) => r.createdAt)) + 30 * 86_400_000;
}, 60_000);

afterAll(async () => {
  await fixture.close();
});

describe("a liaison's exports hold only their platform", () => {
  it('the ministry, from the same log, exports both platforms (so the checks below can fail)', () => {
    const rows = lateRows(operator.engine.state, []);
    expect(rows).toHaveLength(2 * PER_PLATFORM);
    expect(new Set(rows.map((row) => row.platformId))).toEqual(new Set([OWN, OTHER]));
  });

  for (const [name, own, other] of [
    ['meta liaison', OWN, OTHER],
    ['tiktok liaison', OTHER, OWN],
  ] as const) {
    it(`${name}: late list, CSV and figures, whatever platforms are picked`, async () => {
      const client = own === OWN ? liaison : otherLiaison;
      const state = client.engine.state;
      const mine = created.get(own);
      const theirs = created.get(other);
      if (!mine || !theirs) throw new Error('no requests recorded');

      // What the device holds: its platform's requests, every one of them.
      expect([...state.requests.values()].map((r) => r.ref).sort()).toEqual([...mine.refs].sort());
      expect([...state.platforms.keys()]).toEqual([own]);

      for (const chosen of [[], [own], [other], [own, other]]) {
        const rows = lateRows(state, chosen);
        expect(
          rows.every((row) => row.platformId === own),
          JSON.stringify(chosen),
        ).toBe(true);
        expect(rows.map((row) => row.ref).sort(), JSON.stringify(chosen)).toEqual(
          chosen.includes(own) || chosen.length === 0 ? [...mine.refs].sort() : [],
        );
      }

      const rows = lateRows(state, []);
      const meta: ExportMeta = {
        title: 'Late responses',
        period: { from: 0, to: now },
        timeZone: 'Europe/Paris',
        generatedAt: now,
        lastSeq: client.engine.syncStatus.cursor,
        platforms: [],
        language: 'fr',
      };
      const csv = new TextDecoder().decode(await lateListCsv({ rows, meta }, { dialect: 'rfc4180' }));
      for (const ref of mine.refs) expect(csv).toContain(ref);
      for (const secret of [...theirs.refs, ...theirs.locations, `pharos-${other}`]) expect(csv).not.toContain(secret);

      const figures = platformFigures(requestsOf(state, []), { from: 0, to: now }, now);
      expect(figures.map((line) => line.platformId)).toEqual([own]);
    });
  }
});
