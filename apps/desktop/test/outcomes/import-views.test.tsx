// @vitest-environment jsdom
import { IMPORT_PROBLEMS, OUTCOME_COLUMNS, planOutcomeImport, sheetFromTable, type ImportRefusal } from '@contact-desk/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPreview } from '../../src/renderer/src/features/outcomes/ImportPreview';
import { ImportRefusals, REFUSALS_SHOWN } from '../../src/renderer/src/features/outcomes/ImportRefusals';
import { refusalWords } from '../../src/renderer/src/features/outcomes/refusal-words';
import { createRequest, seeded } from '../support/desk';
import { textsIn, WithTexts } from '../support/texts-provider';
import { translator } from '../support/translate';

afterEach(cleanup);

/** One refusal of each kind, on the column it is about. */
const EVERY_PROBLEM: ImportRefusal[] = IMPORT_PROBLEMS.flatMap((problem) =>
  (problem === 'missing' || problem === 'missing_column' ? OUTCOME_COLUMNS : ['outcome' as const]).map((column) => ({
    row: 4,
    column,
    problem,
    value: 'x',
    limit: 5 * 1024 * 1024,
    status: 'closed' as const,
    otherRow: 2,
  })),
);

describe('why a row is refused, in words', () => {
  it('every problem has its sentence in French and English, with its values', async () => {
    for (const language of ['fr', 'en'] as const) {
      const t = await translator(language);
      for (const refusal of EVERY_PROBLEM) {
        const words = refusalWords(refusal, t);
        expect(words, `${language} ${refusal.problem}`).not.toMatch(/outcomes:|common:|\{\{|undefined/);
        expect(words.length).toBeGreaterThan(8);
      }
    }
    const fr = await translator('fr');
    expect(refusalWords({ row: 3, column: 'ref', problem: 'not_answerable', value: 'CD', status: 'closed' }, fr)).toBe(
      'La demande est « Close » : elle ne peut pas recevoir de réponse.',
    );
    expect(refusalWords({ row: null, column: null, problem: 'too_large', value: '', limit: 5 * 1024 * 1024 }, fr)).toBe(
      'Fichier trop lourd : 5 Mo au plus.',
    );
    expect(refusalWords({ row: 7, column: 'outcome', problem: 'conflict', value: 'refused', otherRow: 2 }, await translator('en'))).toBe(
      'This item gets another outcome on row 2.',
    );
  });
});

describe('the import’s result', () => {
  it('a refused file: a table of rows, columns, values and reasons, the first 200 shown, the report to download', async () => {
    const texts = await textsIn('fr');
    const refused = Array.from({ length: REFUSALS_SHOWN + 5 }, (_, i): ImportRefusal => ({
      row: i + 2,
      column: 'ref',
      problem: 'not_found',
      value: `CD-2026-9${i}`,
    }));
    const onReport = vi.fn();
    render(
      <WithTexts texts={texts}>
        <ImportRefusals name="lot.csv" refused={refused} changed={false} onReport={onReport} onOther={() => undefined} />
      </WithTexts>,
    );
    expect(screen.getByRole('alert').textContent).toBe('lot.csv est refusé : rien n’a été envoyé');
    const rows = screen.getAllByTestId('import-refusal');
    expect(rows).toHaveLength(REFUSALS_SHOWN);
    expect([...rows[0]!.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual([
      '2',
      'Référence',
      'CD-2026-90',
      'Demande introuvable.',
    ]);
    expect(screen.getByText('… et 5 autres, dans le rapport.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('import-report'));
    expect(onReport).toHaveBeenCalledOnce();
  });

  it('a good file: requests and items by outcome, sent only on "send"', async () => {
    const texts = await textsIn('en');
    const { desk, operator } = seeded();
    const id = createRequest(desk, operator, { items: ['https://facebook.com/a', 'https://facebook.com/b', 'https://facebook.com/c'] });
    const ref = desk.request(id).ref;
    const result = planOutcomeImport(
      sheetFromTable([
        ['ref', 'url', 'outcome', 'reason', 'Team'],
        [ref, 'https://facebook.com/a', 'Removed', '', 'T&S'],
        [ref, 'https://facebook.com/b', 'Refused', 'Lawful', 'T&S'],
      ]),
      desk.state.requests.values(),
      'meta',
    );
    if (!result.ok) throw new Error('refused');
    const onApply = vi.fn();
    render(
      <WithTexts texts={texts}>
        <ImportPreview name="batch.xlsx" plan={result.plan} running={false} onApply={onApply} onOther={() => undefined} />
      </WithTexts>,
    );
    const preview = screen.getByTestId('import-preview');
    expect(preview.querySelector('.oi-summary')!.textContent).toBe('1 request · 2 items');
    expect(screen.getAllByTestId('import-outcome').map((row) => [row.dataset.outcome, row.dataset.count])).toEqual([
      ['removed', '1'],
      ['refused', '1'],
    ]);
    expect(preview.textContent).toContain('1 request will keep items without an outcome.');
    expect(preview.textContent).toContain('Columns left aside: Team.');
    fireEvent.click(screen.getByTestId('import-apply'));
    expect(onApply).toHaveBeenCalledOnce();
    expect(screen.getByTestId('import-apply').textContent).toBe('Send the answer');
  });
});
