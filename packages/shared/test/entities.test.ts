/**
 * The one declared list of entity collections: the state, the draft and a store's load derive
 * from it, so each kind lands in its own collection and a stored copy reads back the same.
 */
import { describe, expect, it } from 'vitest';
import { applyWrite, COLLECTION_NAMES, emptyState, ENTITY_KIND_NAMES, ENTITY_KINDS, entityMapsFrom, StateDraft } from '../src/index.js';
import { createRequest, seeded } from './fixtures.js';

describe('entity collections', () => {
  it('every kind has its own collection and table, and the state holds exactly those and its counters', () => {
    const collections = ENTITY_KIND_NAMES.map((kind) => ENTITY_KINDS[kind].collection);
    expect(new Set(collections).size).toBe(collections.length);
    expect(new Set(ENTITY_KIND_NAMES.map((kind) => ENTITY_KINDS[kind].table)).size).toBe(collections.length);
    expect(COLLECTION_NAMES).toEqual(collections);
    expect(Object.keys(emptyState()).sort()).toEqual([...collections, 'lastSeq', 'policy', 'refCounters'].sort());
  });

  it('a write of each kind lands in that kind’s collection of a draft, and nowhere else', () => {
    const { desk, operator } = seeded();
    createRequest(desk, operator);
    const draft = new StateDraft(emptyState());
    const written = new Map<string, number>();
    for (const kind of ENTITY_KIND_NAMES) {
      const entity = desk.state[ENTITY_KINDS[kind].collection].values().next().value;
      if (!entity) continue;
      applyWrite(draft, { kind, value: entity } as Parameters<typeof applyWrite>[1]);
      written.set(ENTITY_KINDS[kind].collection, 1);
    }
    expect([...written.keys()]).toEqual(expect.arrayContaining(['platforms', 'users', 'requests']));
    for (const name of COLLECTION_NAMES) expect(draft[name].size, name).toBe(written.get(name) ?? 0);
  });

  it('the collections read back from stored documents are the folded ones', () => {
    const { desk, operator } = seeded();
    createRequest(desk, operator);
    const tables = new Map(
      ENTITY_KIND_NAMES.map((kind) => {
        const { collection, table } = ENTITY_KINDS[kind];
        return [table, [...desk.state[collection].values()].map((entity) => JSON.stringify(entity))];
      }),
    );
    const loaded = entityMapsFrom((table) => tables.get(table) ?? []);
    for (const name of COLLECTION_NAMES) expect(loaded[name], name).toEqual(desk.state[name]);
  });
});
