import { describe, expect, it } from 'vitest';
import {
  answerArgs,
  CANNOT_EXECUTE_GROUNDS,
  foldName,
  GROUND_VALUE_NAMES,
  groundNamed,
  ITEM_OUTCOMES,
  mutationArgsSchemas,
  OUTCOME_COLUMNS,
  OUTCOME_HEADER_NAMES,
  OUTCOME_VALUE_NAMES,
  outcomeNamed,
  outcomeTemplate,
  planOutcomeImport,
  sheetFromTable,
  type OutcomeImport,
  type OutcomePlan,
} from '../src/index.js';
import { createRequest, seeded } from './fixtures.js';

/** Three Meta requests (two items each, one of three), a TikTok one, a closed Meta one and one waiting for the ministry. */
function world() {
  const seed = seeded();
  const { desk, operator, metaLiaison } = seed;
  const a = createRequest(desk, operator);
  const b = createRequest(desk, operator, { items: ['https://www.facebook.com/b/1', 'https://facebook.com/b/2', '@compte_b'] });
  const c = createRequest(desk, operator, { items: ['https://www.instagram.com/p/c1'] });
  const tiktok = createRequest(desk, operator, { platformId: 'tiktok', items: ['https://www.tiktok.com/@x/video/1'] });
  const closed = createRequest(desk, operator, { items: ['https://facebook.com/closed'] });
  const asking = createRequest(desk, operator, { items: ['https://facebook.com/asking'] });
  const answerAll = (id: string) =>
    desk.must(metaLiaison, 'request.answer', {
      requestId: id,
      items: desk.request(id).items.map((item) => ({ itemId: item.id, outcome: 'removed' as const })),
    });
  answerAll(closed);
  desk.must(operator, 'request.close', { requestId: closed });
  desk.must(metaLiaison, 'request.requestInfo', { requestId: asking, question: 'Which account?' });
  const ref = (id: string) => desk.request(id).ref;
  return { ...seed, ids: { a, b, c, tiktok, closed, asking }, ref };
}

function planned(result: OutcomeImport): OutcomePlan {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refused)}`);
  return result.plan;
}

function refused(result: OutcomeImport) {
  if (result.ok) throw new Error('the file was accepted');
  return result.refused.map(({ row, column, problem }) => [row, column, problem]);
}

describe('an outcomes file', () => {
  it('in French, with the app’s words in any case: one answer per request, the items in the file’s order', () => {
    const { desk, metaLiaison, ids, ref } = world();
    const [a1, a2] = desk.request(ids.a).items;
    const sheet = sheetFromTable([
      ['Référence', 'Contenu', 'Résultat', 'Motif', 'Fondement', 'Notes internes'],
      [ref(ids.a), a2!.location, 'RETIRÉ', '', '', 'vu par N2'],
      [ref(ids.b).toLowerCase(), 'http://facebook.com/b/1/', 'géo-bloqué', '', '', ''],
      ['', '', '', '', '', ''],
      [ref(ids.a), a1!.location, 'Refusé', 'Contenu journalistique', '', ''],
      [ref(ids.b), '@Compte_B', 'inexecutable', 'Compte déjà supprimé', 'Impossibilité technique', ''],
    ]);
    const plan = planned(planOutcomeImport(sheet, desk.state.requests.values(), 'meta'));
    expect(plan.answers.map((answer) => [answer.ref, answer.rows, answer.completes])).toEqual([
      [ref(ids.a), [2, 5], true],
      [ref(ids.b), [3, 6], false],
    ]);
    expect(plan.answers[0]!.items).toEqual([
      { itemId: a2!.id, outcome: 'removed', reason: null, ground: null },
      { itemId: a1!.id, outcome: 'refused', reason: 'Contenu journalistique', ground: null },
    ]);
    expect(plan.answers[1]!.items.map((item) => [item.outcome, item.ground])).toEqual([
      ['geo_blocked', null],
      ['cannot_execute', 'technical_impossibility'],
    ]);
    expect(plan.items).toBe(4);
    expect(plan.byOutcome).toMatchObject({ removed: 1, refused: 1, geo_blocked: 1, cannot_execute: 1, preserved: 0 });
    expect(plan.ignoredHeaders).toEqual(['Notes internes']);
    // What is planned is what the relay accepts: the protocol's schema, then the real decide.
    for (const answer of plan.answers) {
      for (const args of answerArgs(answer.requestId, answer.items)) {
        expect(mutationArgsSchemas['request.answer'].safeParse(args).success).toBe(true);
        desk.must(metaLiaison, 'request.answer', args);
      }
    }
    expect(desk.request(ids.a).status).toBe('answered');
    expect(desk.request(ids.b).items.map((item) => item.answer?.outcome ?? null)).toEqual(['geo_blocked', null, 'cannot_execute']);
  });

  it('in English, by item id, with codes; the same item twice with the same answer is one answer', () => {
    const { desk, ids, ref } = world();
    const [c1] = desk.request(ids.c).items;
    const sheet = sheetFromTable([
      ['item_id', 'Request reference', 'OUTCOME'],
      [c1!.id, ref(ids.c), 'not_found'],
      [c1!.id, ref(ids.c), 'Not found'],
    ]);
    const plan = planned(planOutcomeImport(sheet, desk.state.requests.values(), 'meta'));
    expect(plan.answers).toEqual([
      {
        requestId: ids.c,
        ref: ref(ids.c),
        items: [{ itemId: c1!.id, outcome: 'not_found', reason: null, ground: null }],
        rows: [2],
        completes: true,
      },
    ]);
  });

  it('with wrong rows: every one refused, by row and column, and nothing planned', () => {
    const { desk, ids, ref } = world();
    const [a1, a2] = desk.request(ids.a).items;
    const [b1] = desk.request(ids.b).items;
    const sheet = sheetFromTable([
      ['reference', 'location', 'item_id', 'outcome', 'reason', 'ground'],
      [ref(ids.a), a1!.location, '', 'removed', '', ''],
      [ref(ids.a), 'https://facebook.com/not-on-this-request', '', 'removed', '', ''],
      [ref(ids.a), '', a2!.id, 'deleted', '', ''],
      [ref(ids.b), b1!.location, '', 'refused', '', ''],
      [ref(ids.b), b1!.location, '', 'cannot execute', 'Down', 'parce que'],
      [ref(ids.c), '', `${ids.c}/9`, 'removed', '', 'force majeure'],
      [ref(ids.closed), 'https://facebook.com/closed', '', 'removed', '', ''],
      [ref(ids.asking), 'https://facebook.com/asking', '', 'removed', '', ''],
      ['https://facebook.com/posts/1', '', '', 'removed', '', ''],
      [ref(ids.a), a1!.location, '', 'refused', 'Lawful', ''],
      [ref(ids.a), a1!.location, a2!.id, 'removed', '', ''],
      [ref(ids.b), '', '', 'removed', '', ''],
      [ref(ids.b), b1!.location, '', 'cannot_execute', 'Down', ''],
    ]);
    const result = planOutcomeImport(sheet, desk.state.requests.values(), 'meta');
    expect(refused(result)).toEqual([
      [3, 'location', 'unknown_item'],
      [4, 'outcome', 'bad_outcome'],
      [5, 'reason', 'missing'],
      [6, 'ground', 'bad_ground'],
      [7, 'itemId', 'unknown_item'],
      [7, 'ground', 'unexpected_ground'],
      [8, 'ref', 'not_answerable'],
      [9, 'ref', 'not_answerable'],
      [10, 'ref', 'bad_ref'],
      [10, 'location', 'missing'],
      [11, 'outcome', 'conflict'],
      [12, 'itemId', 'item_mismatch'],
      [13, 'location', 'missing'],
      [14, 'ground', 'missing'],
    ]);
    if (result.ok) return;
    expect(result.refused.find((entry) => entry.row === 8)).toMatchObject({ status: 'closed', value: ref(ids.closed) });
    expect(result.refused.find((entry) => entry.row === 9)).toMatchObject({ status: 'needs_info' });
    expect(result.refused.find((entry) => entry.row === 11)).toMatchObject({ otherRow: 2, value: 'refused' });
    expect(result.refused.find((entry) => entry.row === 4)).toMatchObject({ value: 'deleted' });
  });

  it('names another platform’s request exactly as one that does not exist', () => {
    const { desk, ids, ref } = world();
    const unknown = 'CD-2026-999999';
    const sheet = sheetFromTable([
      ['ref', 'url', 'outcome'],
      [ref(ids.tiktok), 'https://www.tiktok.com/@x/video/1', 'removed'],
      [unknown, 'https://www.tiktok.com/@x/video/1', 'removed'],
    ]);
    const result = planOutcomeImport(sheet, desk.state.requests.values(), 'meta');
    if (result.ok) throw new Error('accepted');
    const [other, none] = result.refused;
    expect(other).toEqual({ row: 2, column: 'ref', problem: 'not_found', value: ref(ids.tiktok) });
    expect({ ...none, row: 2, value: ref(ids.tiktok) }).toEqual(other);
    // TikTok's liaison holds it and may answer it.
    const own = sheetFromTable([
      ['ref', 'url', 'outcome'],
      [ref(ids.tiktok), 'https://tiktok.com/@x/video/1', 'removed'],
    ]);
    expect(planned(planOutcomeImport(own, desk.state.requests.values(), 'tiktok')).items).toBe(1);
  });

  it('a header row without the needed columns, or a column given twice, refuses the file at row 1', () => {
    const { desk } = world();
    const held = () => desk.state.requests.values();
    expect(
      refused(
        planOutcomeImport(
          sheetFromTable([
            ['Notes', 'Statut'],
            ['x', 'y'],
          ]),
          held(),
          'meta',
        ),
      ),
    ).toEqual([
      [1, 'ref', 'missing_column'],
      [1, 'location', 'missing_column'],
      [1, 'outcome', 'missing_column'],
    ]);
    const twice = planOutcomeImport(
      sheetFromTable([
        ['ref', 'url', 'Résultat', 'Outcome'],
        ['CD-2026-000001', 'x', 'removed', 'removed'],
      ]),
      held(),
      'meta',
    );
    expect(twice).toEqual({ ok: false, refused: [{ row: 1, column: 'outcome', problem: 'duplicate_column', value: 'Résultat, Outcome' }] });
    expect(
      refused(
        planOutcomeImport(
          sheetFromTable([
            ['ref', 'url', 'outcome'],
            ['', ' ', ''],
          ]),
          held(),
          'meta',
        ),
      ),
    ).toEqual([[null, null, 'no_rows']]);
  });

  it('refuses a file over its limits whole', () => {
    const { desk, ids, ref } = world();
    const row = (id: string) => [ref(id), desk.request(id).items[0]!.location, 'removed'];
    const table = [['ref', 'url', 'outcome'], row(ids.a), row(ids.b), row(ids.c)];
    const limits = { bytes: 1000, rows: 2, requests: 2 };
    expect(planOutcomeImport(sheetFromTable(table), desk.state.requests.values(), 'meta', limits)).toEqual({
      ok: false,
      refused: [{ row: null, column: null, problem: 'too_many_rows', value: '', limit: 2 }],
    });
    expect(refused(planOutcomeImport(sheetFromTable(table), desk.state.requests.values(), 'meta', { ...limits, rows: 3 }))).toEqual([
      [null, null, 'too_many_requests'],
    ]);
    expect(
      planned(planOutcomeImport(sheetFromTable(table), desk.state.requests.values(), 'meta', { ...limits, rows: 3, requests: 3 })).answers,
    ).toHaveLength(3);
  });

  it('a template of the open requests, filled in, answers every item of every one', () => {
    const { desk, metaLiaison, ids, ref } = world();
    for (const language of ['fr', 'en'] as const) {
      const template = outcomeTemplate(desk.state.requests.values(), 'meta', language);
      expect(template[0]).toEqual(
        language === 'fr'
          ? ['référence', 'contenu', 'id_contenu', 'résultat', 'motif', 'fondement']
          : ['reference', 'location', 'item_id', 'outcome', 'reason', 'ground'],
      );
      expect(new Set(template.slice(1).map((line) => line[0]))).toEqual(new Set([ref(ids.a), ref(ids.b), ref(ids.c)]));
      expect(template.slice(1).every((line) => line.slice(3).join('') === '')).toBe(true);
    }
    const filled = outcomeTemplate(desk.state.requests.values(), 'meta', 'fr').map((line, index) =>
      index === 0 ? line : [...line.slice(0, 3), 'Retiré', '', ''],
    );
    const plan = planned(planOutcomeImport(sheetFromTable(filled), desk.state.requests.values(), 'meta'));
    expect(plan.items).toBe(6);
    expect(plan.answers.every((answer) => answer.completes)).toBe(true);
    for (const answer of plan.answers)
      for (const args of answerArgs(answer.requestId, answer.items)) desk.must(metaLiaison, 'request.answer', args);
    expect([ids.a, ids.b, ids.c].map((id) => desk.request(id).status)).toEqual(['answered', 'answered', 'answered']);
  });
});

describe('the words of an outcomes file', () => {
  it('every outcome and ground is known by its code and each of its names, folded', () => {
    for (const outcome of ITEM_OUTCOMES) {
      for (const name of [outcome, ...OUTCOME_VALUE_NAMES[outcome]]) {
        expect(outcomeNamed(name)).toBe(outcome);
        expect(outcomeNamed(` ${name.toUpperCase()} `)).toBe(outcome);
      }
    }
    for (const ground of CANNOT_EXECUTE_GROUNDS)
      for (const name of [ground, ...GROUND_VALUE_NAMES[ground]]) expect(groundNamed(name)).toBe(ground);
    expect(outcomeNamed('Geo blocked')).toBe('geo_blocked');
    expect(outcomeNamed('removed!')).toBe('removed');
    expect(outcomeNamed('retirer')).toBeUndefined();
  });

  it('no header name belongs to two columns', () => {
    const owner = new Map<string, string>();
    for (const column of OUTCOME_COLUMNS) {
      for (const name of new Set([...OUTCOME_HEADER_NAMES[column].fr, ...OUTCOME_HEADER_NAMES[column].en].map(foldName))) {
        expect(owner.get(name), name).toBeUndefined();
        owner.set(name, column);
      }
    }
  });

  it('a long request is answered in parts of 500 items', () => {
    const items = Array.from({ length: 1200 }, (_, i) => ({
      itemId: `r/${i + 1}`,
      outcome: 'removed' as const,
      reason: null,
      ground: null,
    }));
    expect(answerArgs('r', items).map((args) => args.items.length)).toEqual([500, 500, 200]);
  });
});
