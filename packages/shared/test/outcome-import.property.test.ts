import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerArgs,
  CANNOT_EXECUTE_GROUNDS,
  GROUND_VALUE_NAMES,
  ITEM_OUTCOMES,
  OUTCOME_VALUE_NAMES,
  planOutcomeImport,
  sheetFromTable,
  type ItemOutcome,
} from '../src/index.js';
import { createRequest, seeded } from './fixtures.js';

const BAD_KINDS = ['other_platform', 'nonexistent', 'bad_outcome', 'missing_reason', 'bad_ground', 'unknown_item'] as const;

/** A row that must be accepted (an item of a held request, its one outcome) or one of a kind that must be refused. */
const rowSpec = fc.record({
  // Wrong rows are rare, so that many files have none.
  bad: fc.oneof({ arbitrary: fc.constant(null), weight: 12 }, { arbitrary: fc.constantFrom(...BAD_KINDS), weight: 1 }),
  item: fc.nat(),
  byId: fc.boolean(),
  name: fc.nat(),
  upper: fc.boolean(),
});

const world = fc.record({
  itemCounts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
  outcomes: fc.array(fc.constantFrom(...ITEM_OUTCOMES), { minLength: 16, maxLength: 16 }),
  rows: fc.array(fc.oneof(rowSpec, fc.constant('blank' as const)), { minLength: 1, maxLength: 30 }),
});

describe('any outcomes file', () => {
  it('is either planned whole, each item with its one outcome, or refused on exactly its wrong rows with nothing planned', () => {
    let accepted = 0;
    fc.assert(
      fc.property(world, ({ itemCounts, outcomes, rows }) => {
        const { desk, operator, metaLiaison } = seeded();
        const ids = itemCounts.map((count, n) =>
          createRequest(desk, operator, { items: Array.from({ length: count }, (_, i) => `https://facebook.com/r${n}/i${i}`) }),
        );
        const tiktok = createRequest(desk, operator, { platformId: 'tiktok', items: ['https://tiktok.com/@a/video/1'] });
        const items = ids.flatMap((id) => desk.request(id).items.map((item) => ({ request: desk.request(id), item })));
        const outcomeOf = (index: number): ItemOutcome => outcomes[index % outcomes.length]!;
        const table: string[][] = [['Référence', 'URL', 'item_id', 'Outcome', 'Motif', 'Ground']];
        const bad = new Set<number>();
        const expected = new Map<string, ItemOutcome>();
        for (const spec of rows) {
          if (spec === 'blank') {
            table.push(['', ' ', '', '', '', '']);
            continue;
          }
          const index = spec.item % items.length;
          const { request, item } = items[index]!;
          const outcome = spec.bad === 'missing_reason' ? 'refused' : spec.bad === 'bad_ground' ? 'cannot_execute' : outcomeOf(index);
          const names = [outcome, ...OUTCOME_VALUE_NAMES[outcome]];
          const name = names[spec.name % names.length]!;
          // One ground per item too, written any of its ways.
          const ground = CANNOT_EXECUTE_GROUNDS[index % CANNOT_EXECUTE_GROUNDS.length]!;
          const groundNames = [ground, ...GROUND_VALUE_NAMES[ground]];
          const row = [
            { other_platform: desk.request(tiktok).ref, nonexistent: 'CD-2026-999999' }[spec.bad as string] ?? request.ref,
            spec.bad === 'unknown_item' ? 'https://facebook.com/elsewhere' : spec.byId ? '' : item.location,
            spec.bad === 'unknown_item' || !spec.byId ? '' : item.id,
            spec.bad === 'bad_outcome' ? 'peut-être' : spec.upper ? name.toUpperCase() : name,
            spec.bad === 'missing_reason' || !['refused', 'cannot_execute'].includes(outcome) ? '' : 'Motif donné',
            spec.bad === 'bad_ground' ? 'parce que' : outcome === 'cannot_execute' ? groundNames[spec.name % groundNames.length]! : '',
          ];
          table.push(row);
          if (spec.bad) bad.add(table.length);
          else expected.set(item.id, outcome);
        }
        const result = planOutcomeImport(sheetFromTable(table), desk.state.requests.values(), 'meta');
        accepted += bad.size === 0 && expected.size > 0 ? 1 : 0;
        if (bad.size > 0 || expected.size === 0) {
          expect(result.ok).toBe(false);
          if (!result.ok && expected.size + bad.size > 0) expect(new Set(result.refused.map((entry) => entry.row))).toEqual(bad);
          return;
        }
        if (!result.ok) throw new Error(JSON.stringify(result.refused));
        const plannedItems = result.plan.answers.flatMap((answer) => answer.items.map((entry) => [entry.itemId, entry.outcome] as const));
        expect(new Map(plannedItems)).toEqual(expected);
        expect(plannedItems).toHaveLength(expected.size);
        expect(result.plan.items).toBe(expected.size);
        for (const answer of result.plan.answers)
          for (const args of answerArgs(answer.requestId, answer.items)) desk.must(metaLiaison, 'request.answer', args);
        for (const [itemId, outcome] of expected) {
          const requestId = itemId.slice(0, itemId.lastIndexOf('/'));
          expect(desk.request(requestId).items.find((item) => item.id === itemId)!.answer?.outcome).toBe(outcome);
        }
      }),
      { numRuns: 200 },
    );
    // Both ways were taken often.
    expect(accepted).toBeGreaterThan(40);
    expect(accepted).toBeLessThan(160);
  });
});
